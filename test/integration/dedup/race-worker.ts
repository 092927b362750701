/**
 * Child process for the cross-process race test: waits for a go signal in Redis, assigns the given
 * documents, prints the decisions as JSON. Usage: node --import tsx race-worker.ts PREFIX GO_KEY DOCS_JSON
 */
import { createDedupIndex, type DedupDocument } from '../../../packages/dedup/src/index.js';
import { openRedis } from './helpers.js';

const [prefix, goKey, docsJson] = process.argv.slice(2);
if (!prefix || !goKey || !docsJson) throw new Error('usage: race-worker PREFIX GO_KEY DOCS_JSON');
const docs = JSON.parse(docsJson) as DedupDocument[];
const redis = openRedis();
const index = createDedupIndex({ redis, prefix });
for (let i = 0; i < 500 && (await redis.exists(goKey)) === 0; i++) await new Promise((r) => setTimeout(r, 5));
const decisions = await Promise.all(docs.map((d) => index.assign(d)));
process.stdout.write(JSON.stringify(decisions.map((d) => ({ status: d.status, storyId: d.story.storyId }))));
redis.disconnect();

/**
 * Throughput of @wirehose/extraction vs @mozilla/readability + jsdom on the same pages, one process.
 * Usage: pnpm -s bench:extraction [--dataset DIR] [--rounds N] [--readability-rounds N]
 * (default DIR: ../shared/datasets/extraction-dev beside the project)
 * Last line: "ratio: N.N" (wirehose pages/s divided by readability pages/s).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../packages/extraction/src/index.js';
import { argValue, loadExtractionDataset, type ExtractionPage } from './lib/extraction-dataset.js';

// jsdom and Readability are dev dependencies of the extraction package, so resolve them from there.
const require = createRequire(new URL('../packages/extraction/package.json', import.meta.url));
interface JsdomModule {
  JSDOM: new (
    html: string,
    options: { url: string; virtualConsole: unknown },
  ) => { window: { document: unknown; close(): void } };
  VirtualConsole: new () => unknown;
}
interface ReadabilityModule {
  Readability: new (doc: unknown) => { parse(): { textContent?: string | null } | null };
}
const { JSDOM, VirtualConsole } = require('jsdom') as JsdomModule;
const { Readability } = require('@mozilla/readability') as ReadabilityModule;

// Default: the first benchmark's pages in the shared folder beside the project.
const dataset =
  argValue('dataset') ?? fileURLToPath(new URL('../../shared/datasets/extraction-dev', import.meta.url));
if (argValue('dataset') === undefined && !existsSync(dataset)) {
  console.log(`skipped: no --dataset given and the default ${dataset} is absent`);
  process.exit(0);
}
const pages = loadExtractionDataset(dataset);
if (pages.length === 0) {
  console.error(`no pages in ${dataset}`);
  process.exit(2);
}
const rounds = Number(argValue('rounds') ?? 10);
const readabilityRounds = Number(argValue('readability-rounds') ?? 2);

function runWirehose(): number {
  let words = 0;
  for (const p of pages) {
    const r = extractArticle(p.html, p.url);
    if (r.kind === 'article') words += r.article.wordCount;
  }
  return words;
}

const virtualConsole = new VirtualConsole();
let readabilityFailures = 0;
function runReadability(subset: ExtractionPage[] = pages): number {
  let chars = 0;
  for (const p of subset) {
    let dom: ReturnType<typeof makeDom> | undefined;
    try {
      dom = makeDom(p.html, p.url);
      const art = new Readability(dom.window.document).parse();
      chars += art?.textContent?.length ?? 0;
    } catch {
      // jsdom's CSS parser rejects some inline styles; the page still cost its time.
      readabilityFailures++;
    } finally {
      dom?.window.close();
    }
  }
  return chars;
}

function makeDom(html: string, url: string): InstanceType<JsdomModule['JSDOM']> {
  return new JSDOM(html, { url, virtualConsole });
}

interface Clock {
  wall: number;
  cpu: number;
}
const now = (): Clock => {
  const u = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (u.user + u.system) / 1e6 };
};
const since = (t: Clock): Clock => {
  const n = now();
  return { wall: n.wall - t.wall, cpu: n.cpu - t.cpu };
};

// Warm-up, then rounds interleaved so that both sides see the same machine load.
runWirehose();
runReadability(pages.slice(0, 10));
const ours: Clock = { wall: 0, cpu: 0 };
const theirs: Clock = { wall: 0, cpu: 0 };
for (let i = 0; i < Math.max(rounds, readabilityRounds); i++) {
  if (i < rounds) {
    const t = now();
    runWirehose();
    const d = since(t);
    ours.wall += d.wall;
    ours.cpu += d.cpu;
  }
  if (i < readabilityRounds) {
    const t = now();
    runReadability();
    const d = since(t);
    theirs.wall += d.wall;
    theirs.cpu += d.cpu;
  }
}
// Rates per CPU second (user + system of this process): on a shared machine wall time mostly
// measures the neighbours. Wall-clock rates are printed alongside.
const report = (name: string, n: number, c: Clock): number => {
  const rate = (pages.length * n) / c.cpu;
  const wallRate = (pages.length * n) / c.wall;
  console.log(
    `${name}: ${rate.toFixed(1)} pages/s per CPU second (wall ${wallRate.toFixed(1)} pages/s; ` +
      `${pages.length} pages x ${n} rounds, ${c.cpu.toFixed(2)} s CPU, ${c.wall.toFixed(2)} s wall)`,
  );
  return rate;
};
const mb = pages.reduce((sum, p) => sum + p.html.length, 0) / 1e6;
console.log(`pages: ${pages.length} (${mb.toFixed(1)} M chars of HTML), one process, interleaved rounds`);
const oursRate = report('wirehose', rounds, ours);
const theirsRate = report('readability+jsdom', readabilityRounds, theirs);
if (readabilityFailures > 0)
  console.log(`readability threw on ${readabilityFailures} page runs (time counted)`);
console.log(`ratio: ${(oursRate / theirsRate).toFixed(1)}`);

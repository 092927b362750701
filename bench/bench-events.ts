/**
 * Throughput and latency of the event coder on real article bodies: the gold texts of the extraction set
 * (web news and blog articles of 42–3553 words). There is no event coder in JavaScript to run beside it,
 * so it prints absolute figures: lexicon load time, articles, sentences and words per second, per-article
 * latency percentiles, heap growth, and the lexicon's load time and heap (bundled folder beside its YAML files
 * alone, in the same run).
 *
 *   pnpm -s bench:events [--dataset ../shared/datasets/extraction-dev] [--rounds 5]
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BUNDLED_LEXICON_DIR,
  createEventCoder,
  loadLexicon,
  splitSentences,
} from '../packages/events/src/index.js';
import { arg } from './lib/cli.js';

const dir = arg('dataset') ?? '../shared/datasets/extraction-dev';
const rounds = Number(arg('rounds') ?? 5);
const file = join(dir, 'ground-truth.json');
if (!existsSync(file)) {
  console.error(`bench-events: ${file} not found (pass --dataset DIR of the extraction set)`);
  process.exit(2);
}
const gold = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { articleBody: string }>;
const texts = Object.values(gold)
  .map((g) => g.articleBody)
  .filter((t) => t.trim().length > 0);
const sentences = texts.reduce((n, t) => n + splitSentences(t).length, 0);
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);

// Lexicon load: the YAML files alone (a copy without the converted actor table), then the bundled
// folder with it, each timed and with the heap it keeps (after a forced GC when run with --expose-gc).
const heapNow = (): number => {
  global.gc?.();
  return process.memoryUsage().heapUsed;
};
const yamlOnly = mkdtempSync(join(tmpdir(), 'wirehose-bench-lexicon-'));
for (const name of readdirSync(BUNDLED_LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
  copyFileSync(join(BUNDLED_LEXICON_DIR, name), join(yamlOnly, name));
const timeLoad = (dir: string | undefined): { ms: number; mb: number } => {
  const h0 = heapNow();
  const t = performance.now();
  loadLexicon(dir);
  const ms = performance.now() - t;
  return { ms, mb: (heapNow() - h0) / 1024 / 1024 };
};
const yamlLoad = timeLoad(yamlOnly);
const bundledLoad = timeLoad(undefined);

const t0 = performance.now();
const coder = createEventCoder();
coder.code({ text: 'Russia and China held talks in Beijing.', publishedAt: '2025-01-01T00:00:00Z' });
const loadMs = performance.now() - t0;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// one warm-up round, not counted
for (const text of texts) coder.code({ text, publishedAt: '2025-01-01T00:00:00Z' });
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const latencies: number[] = [];
let events = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const text of texts) {
    const a = performance.now();
    events += coder.code({ text, publishedAt: '2025-01-01T00:00:00Z' }).length;
    latencies.push(performance.now() - a);
  }
  process.stderr.write(`round ${r + 1}/${rounds}\r`);
}
const seconds = (performance.now() - start) / 1000;
const cpuUsed = process.cpuUsage(cpuStart);
const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
const heapAfter = process.memoryUsage().heapUsed;
latencies.sort((a, b) => a - b);

console.log(
  `corpus: ${texts.length} articles, ${sentences} sentences, ${words} words (${dir}); rounds=${rounds}`,
);
console.log(
  `lexicon load: bundled ${bundledLoad.ms.toFixed(0)} ms, heap ${bundledLoad.mb.toFixed(1)} MB; YAML files only ${yamlLoad.ms.toFixed(0)} ms, heap ${yamlLoad.mb.toFixed(1)} MB (ratio ${(bundledLoad.ms / Math.max(1, yamlLoad.ms)).toFixed(2)})${global.gc ? '' : ' (heap without --expose-gc is approximate)'}`,
);
console.log(`coder creation (lexicon cached) + first article: ${loadMs.toFixed(0)} ms`);
console.log(
  `throughput: ${((texts.length * rounds) / seconds).toFixed(1)} articles/s, ${((sentences * rounds) / seconds).toFixed(0)} sentences/s, ${((words * rounds) / seconds).toFixed(0)} words/s (one core)`,
);
console.log(
  `throughput per CPU second of this process (less sensitive to other load on the machine): ${((texts.length * rounds) / cpuSeconds).toFixed(1)} articles/s`,
);
console.log(
  `per article ms: p50=${percentile(latencies, 50).toFixed(2)} p95=${percentile(latencies, 95).toFixed(2)} p99=${percentile(latencies, 99).toFixed(2)} max=${(latencies[latencies.length - 1] ?? 0).toFixed(2)}`,
);
console.log(
  `events coded per article: ${(events / (texts.length * rounds)).toFixed(2)}; heap growth over the timed rounds: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB`,
);

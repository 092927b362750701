/**
 * Benchmark the dedup index on synthetic news: originals built from a random vocabulary, plus copies
 * (re-titled, attribution lead, promo insert, footer, truncation) of earlier originals.
 *
 *   pnpm -s bench:dedup [--articles N[,N...]] [--copies 0.2] [--buckets B] [--concurrency C]
 *
 * Default sizes: 10000 and 100000. For each size, on a fresh prefix (deleted after): latency of every
 * single `assign` call (awaited one at a time; with --concurrency C > 1 the loader keeps C assigns in flight
 * and times every 100th article alone), p50/p95/p99, and Redis memory per article (INFO used_memory
 * delta, and the sum of MEMORY USAGE over the prefix's keys). Ends with a flat-cost line comparing sizes.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createDedupIndex, type DedupDocument } from '../packages/dedup/src/index.js';
import { Redis } from 'ioredis';
import { arg, seededRandom } from './lib/cli.js';

const SYL = [
  'ka',
  'lo',
  'mi',
  'ra',
  'te',
  'su',
  'no',
  'vi',
  'de',
  'an',
  'or',
  'el',
  'ba',
  'ti',
  'gu',
  'pe',
  'zo',
  'ri',
];
const VOCAB: string[] = (() => {
  const r = seededRandom(7);
  const out: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const n = 1 + Math.floor(r() * 3);
    let w = '';
    for (let j = 0; j < n; j++) w += SYL[Math.floor(r() * SYL.length)];
    out.push(w);
  }
  return out;
})();
const OUTLETS = Array.from({ length: 50 }, (_, i) => `Outlet ${i}`);

interface Original {
  paragraphs: string[];
  title: string;
}

/** Zipf-ish word choice so that texts share common words, like news does. */
function word(r: () => number): string {
  return VOCAB[Math.floor(VOCAB.length * r() ** 2.5)] ?? 'x';
}

function makeOriginal(seed: number): Original {
  const r = seededRandom(seed);
  const paragraphs: string[] = [];
  const np = 4 + Math.floor(r() * 5);
  for (let p = 0; p < np; p++) {
    const sentences: string[] = [];
    const ns = 2 + Math.floor(r() * 3);
    for (let s = 0; s < ns; s++) {
      const n = 10 + Math.floor(r() * 15);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) ws.push(r() < 0.04 ? String(Math.floor(r() * 10000)) : word(r));
      const first = ws[0] ?? 'x';
      ws[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(`${ws.join(' ')}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  const tw: string[] = [];
  for (let i = 0; i < 8; i++) tw.push(word(r));
  return { paragraphs, title: tw.join(' ') };
}

function makeDoc(i: number, copyRate: number): DedupDocument {
  const r = seededRandom(i * 2654435761);
  const isCopy = i > 100 && r() < copyRate;
  const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)] ?? 'Outlet';
  const base = isCopy ? Math.max(0, i - 1 - Math.floor(r() * Math.min(i - 1, 5000))) : i;
  const o = makeOriginal(base);
  let paragraphs = o.paragraphs;
  let title = o.title;
  if (isCopy) {
    if (r() < 0.5) title = `${title} | ${outlet}`;
    if (r() < 0.4) paragraphs = paragraphs.slice(0, 3);
    if (r() < 0.5)
      paragraphs = [`This is reported by Outlet ${base % 50}, according to ${outlet}.`, ...paragraphs];
    if (r() < 0.3)
      paragraphs = [...paragraphs.slice(0, 2), 'READ ALSO: something else happened', ...paragraphs.slice(2)];
    if (r() < 0.5) paragraphs = [...paragraphs, 'Follow us on Facebook and Twitter.'];
  }
  return {
    articleId: `a${i}`,
    url: `https://news${i % 97}.example/story/${i}`,
    title,
    text: paragraphs.join('\n\n'),
    source: outlet,
    publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
  };
}

function usedMemory(info: string): number {
  const m = /used_memory:(\d+)/.exec(info);
  return m ? Number(m[1]) : 0;
}

async function prefixKeys(redis: Redis, prefix: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scanBuffer(cursor, 'MATCH', `${prefix}*`, 'COUNT', 2000);
    cursor = next.toString();
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

/** MEMORY USAGE summed over keys, by kind: "s" story records, else the index family letter. */
async function memoryUsage(redis: Redis, keys: Buffer[], prefix: string): Promise<Map<string, number>> {
  const byKind = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const p = redis.pipeline();
    for (const k of batch) p.call('MEMORY', 'USAGE', k, 'SAMPLES', '0');
    const res = (await p.exec()) ?? [];
    batch.forEach((k, j) => {
      const rest = k.subarray(prefix.length).toString('latin1');
      const kind = rest.startsWith('s') ? 's' : (/^\d+([a-z])/.exec(rest)?.[1] ?? '?');
      byKind.set(kind, (byKind.get(kind) ?? 0) + Number(res[j]?.[1] ?? 0));
    });
  }
  return byKind;
}

function pct(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Result {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  bytesInfo: number;
  bytesKeys: number;
  lastTenthP50: number;
}

async function runSize(
  redis: Redis,
  n: number,
  copyRate: number,
  bucketsArg: number | undefined,
  concurrency: number,
): Promise<Result> {
  const prefix = `bench-dedup-${randomUUID().slice(0, 8)}:`;
  // at most ~100 anchor fields (3 per article) per bucket, under Redis's default hash-max-listpack-entries
  // (128); a partition holds half the articles
  const buckets = bucketsArg ?? Math.max(64, 2 ** Math.ceil(Math.log2((n * 3) / 2 / 100)));
  // the articles arrive over one window (7 days of simulated time), so the index ends in its steady
  // state: every live time partition holds entries and every lookup reads all of them
  const window = 7 * 24 * 3600 * 1000;
  const start = Date.UTC(2025, 0, 1);
  let arrived = 0;
  const index = createDedupIndex({ redis, prefix, buckets, now: () => start + (arrived * window) / n });
  const samples: number[] = [];
  const byStatus = new Map<string, number[]>();
  const statuses = new Map<string, number>();
  const before = usedMemory(await redis.info('memory'));
  const t0 = Date.now();
  const timed = async (i: number): Promise<void> => {
    arrived = i;
    const doc = makeDoc(i, copyRate);
    const s = process.hrtime.bigint();
    const d = await index.assign(doc);
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    samples.push(ms);
    let list = byStatus.get(d.status);
    if (!list) byStatus.set(d.status, (list = []));
    list.push(ms);
    statuses.set(d.status, (statuses.get(d.status) ?? 0) + 1);
  };
  // the curve: every tenth of a large run, latency of the articles assigned since the last line
  let lastMark = 0;
  const progress = async (i: number): Promise<void> => {
    const step = Math.floor(n / 10);
    if (n < 100000 || i === 0 || i % step !== 0) return;
    const recent = Float64Array.from(samples.slice(lastMark)).sort();
    lastMark = samples.length;
    const mem = (usedMemory(await redis.info('memory')) - before) / i;
    console.log(
      `  indexed=${i} elapsed=${((Date.now() - t0) / 1000).toFixed(0)}s last ${recent.length} timed: p50=${pct(recent, 0.5).toFixed(3)} p95=${pct(recent, 0.95).toFixed(3)} p99=${pct(recent, 0.99).toFixed(3)} ms; used_memory delta/article=${mem.toFixed(0)}`,
    );
  };
  try {
    if (concurrency <= 1) {
      for (let i = 0; i < n; i++) {
        await timed(i);
        await progress(i);
      }
    } else {
      // loader: `concurrency` assigns in flight; every 100th article is assigned alone and timed
      const inFlight = new Set<Promise<void>>();
      for (let i = 0; i < n; i++) {
        if (i % 100 === 0) {
          await Promise.all(inFlight);
          await timed(i);
          await progress(i);
          continue;
        }
        arrived = i;
        const p: Promise<void> = index.assign(makeDoc(i, copyRate)).then((d) => {
          statuses.set(d.status, (statuses.get(d.status) ?? 0) + 1);
          inFlight.delete(p);
        });
        inFlight.add(p);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    }
    const elapsed = (Date.now() - t0) / 1000;
    const lat = Float64Array.from(samples);
    const m = lat.length;
    const after = usedMemory(await redis.info('memory'));
    const keys = await prefixKeys(redis, prefix);
    const byKind = await memoryUsage(redis, keys, prefix);
    const keyBytes = [...byKind.values()].reduce((a, b) => a + b, 0);
    const kinds = [...byKind.entries()].map(([k, v]) => `${k}=${(v / n).toFixed(0)}`).join(' ');
    const lastTenth = Float64Array.from(lat.subarray(Math.floor(m * 0.9))).sort();
    const sorted = Float64Array.from(lat).sort();
    const r: Result = {
      n,
      p50: pct(sorted, 0.5),
      p95: pct(sorted, 0.95),
      p99: pct(sorted, 0.99),
      bytesInfo: (after - before) / n,
      bytesKeys: keyBytes / n,
      lastTenthP50: pct(lastTenth, 0.5),
    };
    console.log(
      `articles=${n} buckets=${buckets} time=${elapsed.toFixed(1)}s statuses=${JSON.stringify(Object.fromEntries(statuses))} keys=${keys.length}`,
    );
    console.log(
      `articles=${n} assign latency ms p50=${r.p50.toFixed(3)} p95=${r.p95.toFixed(3)} p99=${r.p99.toFixed(3)} max=${(sorted[m - 1] ?? 0).toFixed(1)} timed=${m} (last 10%: p50=${r.lastTenthP50.toFixed(3)} p99=${pct(lastTenth, 0.99).toFixed(3)})`,
    );
    const split = [...byStatus.entries()].map(([status, xs]) => {
      const sx = Float64Array.from(xs).sort();
      return `${status} (${xs.length}): p50=${pct(sx, 0.5).toFixed(3)} p99=${pct(sx, 0.99).toFixed(3)}`;
    });
    console.log(`articles=${n} latency by outcome ms: ${split.join('; ')}`);
    console.log(
      `articles=${n} redis bytes/article: used_memory delta=${r.bytesInfo.toFixed(0)} MEMORY USAGE sum=${r.bytesKeys.toFixed(0)} (by kind: ${kinds}; s = story records, a/u/c/h/n = index families)`,
    );
    return r;
  } finally {
    const keys = await prefixKeys(redis, prefix);
    for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
  }
}

async function main(): Promise<void> {
  const sizes = (arg('articles') ?? '10000,100000').split(',').map(Number);
  const copyRate = Number(arg('copies') ?? 0.2);
  const buckets = arg('buckets') ? Number(arg('buckets')) : undefined;
  const concurrency = Number(arg('concurrency') ?? 1);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
  try {
    const listpack = (await redis.call('CONFIG', 'GET', 'hash-max-listpack-entries')) as string[];
    console.log(
      `redis hash-max-listpack-entries=${listpack[1] ?? '?'} (buckets are sized for at most ~100 anchor fields each)`,
    );
    // latency tails follow the machine's load: print it with the figures
    const load = (): string =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' ');
    console.log(`cpus=${cpus().length} load average at start: ${load()}`);
    const results: Result[] = [];
    for (const n of sizes) results.push(await runSize(redis, n, copyRate, buckets, concurrency));
    console.log(`load average at end: ${load()}`);
    if (results.length > 1) {
      const a = results[0] as Result;
      const b = results[results.length - 1] as Result;
      console.log(
        `flat cost ${a.n} -> ${b.n}: p50 x${(b.p50 / a.p50).toFixed(2)}, p99 x${(b.p99 / a.p99).toFixed(2)}, bytes/article (MEMORY USAGE) x${(b.bytesKeys / a.bytesKeys).toFixed(2)}`,
      );
    }
  } finally {
    redis.disconnect();
  }
}

await main();

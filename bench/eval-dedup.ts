/**
 * Evaluate syndicated-copy detection on a labelled JSONL file (id, title, text, source, url, date; the
 * `cluster` field is read here only to score). Feeds the articles through the real `assign` path on Redis
 * (REDIS_URL or redis://127.0.0.1:6379) under a fresh prefix, deleted after: once in file order, once
 * shuffled with a fixed seed.
 *
 *   pnpm -s eval:dedup --dataset FILE.jsonl [--split tune|check] [--seed 42] [--dump PRED.json] [--misses]
 *
 * `--split tune` keeps the clusters whose id hashes (sha1, first byte) to an even value, `--split check`
 * the others: a fixed split by cluster, so rules are developed on one half and reported on both.
 *
 * `--misses` also describes the labelled positive pairs that were not grouped: how many involve each
 * edit listed in a line's `transforms` (a label field, read only here), the smaller text's word count
 * (quartiles) and the pairs file's `containment_w5` (median), when present.
 *
 * Prints pairwise P/R/F1, B-cubed P/R, and labelled pairs from the sibling *_pairs.jsonl (if present);
 * the last line is `F1: x` = the minimum of the two runs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createDedupIndex, type DedupDocument } from '../packages/dedup/src/index.js';
import { Redis } from 'ioredis';
import { arg, seededRandom } from './lib/cli.js';

interface Row {
  id: string;
  title: string;
  text: string;
  source: string;
  url: string | null;
  date: string | null;
  cluster: string;
  /** Label field: the edits that made a copy; read only to describe misses. */
  transforms: string[];
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scanBuffer(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next.toString();
    if (keys.length > 0) n += await redis.unlink(...keys);
  } while (cursor !== '0');
  return n;
}

async function runOnce(redis: Redis, rows: Row[]): Promise<Map<string, string>> {
  const prefix = `eval-dedup-${randomUUID()}:`;
  try {
    const index = createDedupIndex({ redis, prefix });
    const returned = new Map<string, string>();
    for (const r of rows) {
      const doc: DedupDocument = {
        articleId: r.id,
        url: r.url ?? `https://eval.invalid/article/${encodeURIComponent(r.id)}`,
        title: r.title,
        text: r.text,
        source: r.source,
        publishedAt: r.date,
      };
      const d = await index.assign(doc);
      returned.set(r.id, d.story.storyId);
    }
    // stories may have been renamed or merged after an article joined: resolve to the final id
    const finalOf = new Map<string, string>();
    for (const id of new Set(returned.values())) {
      const s = await index.getStory(id);
      finalOf.set(id, s?.storyId ?? id);
    }
    const out = new Map<string, string>();
    for (const [a, s] of returned) out.set(a, finalOf.get(s) ?? s);
    return out;
  } finally {
    await deletePrefix(redis, prefix);
  }
}

function score(label: string, rows: Row[], pred: Map<string, string>, pairsFile: string | null): number {
  const gold = new Map(rows.map((r) => [r.id, r.cluster]));
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const r of rows) {
    const p = pred.get(r.id) ?? `missing:${r.id}`;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(r.cluster, (goldSize.get(r.cluster) ?? 0) + 1);
    const k = `${p}\u0000${r.cluster}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  }
  let tp = 0;
  for (const n of joint.values()) tp += pairs(n);
  let predPairs = 0;
  for (const n of predSize.values()) predPairs += pairs(n);
  let goldPairs = 0;
  for (const n of goldSize.values()) goldPairs += pairs(n);
  const P = predPairs === 0 ? 1 : tp / predPairs;
  const R = goldPairs === 0 ? 1 : tp / goldPairs;
  const F1 = P + R === 0 ? 0 : (2 * P * R) / (P + R);
  let bp = 0;
  let br = 0;
  for (const r of rows) {
    const p = pred.get(r.id) ?? `missing:${r.id}`;
    const j = joint.get(`${p}\u0000${r.cluster}`) ?? 0;
    bp += j / (predSize.get(p) ?? 1);
    br += j / (goldSize.get(r.cluster) ?? 1);
  }
  console.log(
    `[${label}] articles=${rows.length} gold clusters=${goldSize.size} predicted stories=${predSize.size}`,
  );
  console.log(
    `[${label}] pairwise P=${P.toFixed(4)} R=${R.toFixed(4)} F1=${F1.toFixed(4)} (true pairs ${tp}, predicted pairs ${predPairs}, gold pairs ${goldPairs})`,
  );
  console.log(`[${label}] B-cubed P=${(bp / rows.length).toFixed(4)} R=${(br / rows.length).toFixed(4)}`);
  if (pairsFile) {
    const byKind = new Map<string, { total: number; together: number }>();
    for (const line of readFileSync(pairsFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const x = JSON.parse(line) as { a: string; b: string; kind: string };
      if (!gold.has(x.a) || !gold.has(x.b)) continue;
      const s = byKind.get(x.kind) ?? { total: 0, together: 0 };
      s.total++;
      if (pred.get(x.a) === pred.get(x.b)) s.together++;
      byKind.set(x.kind, s);
    }
    for (const [kind, s] of [...byKind].sort()) {
      const what = kind === 'positive' ? 'found' : 'wrongly merged';
      console.log(`[${label}] labelled pairs ${kind}: ${s.together}/${s.total} ${what}`);
    }
    if (process.argv.includes('--misses')) describeMisses(label, rows, pred, pairsFile);
  }
  return F1;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** What the positive labelled pairs that were not grouped have in common (see `--misses`). */
function describeMisses(label: string, rows: Row[], pred: Map<string, string>, pairsFile: string): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const words = (r: Row): number => r.text.split(/\s+/).filter((w) => w.length > 0).length;
  const byEdit = new Map<string, number>();
  const smaller: number[] = [];
  const containment: number[] = [];
  for (const line of readFileSync(pairsFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const x = JSON.parse(line) as { a: string; b: string; kind: string; containment_w5?: number };
    const a = byId.get(x.a);
    const b = byId.get(x.b);
    if (x.kind !== 'positive' || !a || !b || pred.get(x.a) === pred.get(x.b)) continue;
    for (const edit of new Set([...a.transforms, ...b.transforms]))
      byEdit.set(edit, (byEdit.get(edit) ?? 0) + 1);
    smaller.push(Math.min(words(a), words(b)));
    if (typeof x.containment_w5 === 'number') containment.push(x.containment_w5);
  }
  smaller.sort((p, q) => p - q);
  containment.sort((p, q) => p - q);
  const edits = [...byEdit].sort((p, q) => q[1] - p[1]).map(([e, n]) => `${e} ${n}`);
  console.log(
    `[${label}] missed positive pairs: ${smaller.length}; involving each edit: ${edits.join(', ') || '-'}`,
  );
  if (smaller.length > 0)
    console.log(
      `[${label}] missed pairs, smaller text in words: q1 ${quantile(smaller, 0.25)} median ${quantile(smaller, 0.5)} q3 ${quantile(smaller, 0.75)}` +
        (containment.length > 0 ? `; containment_w5 median ${quantile(containment, 0.5).toFixed(2)}` : ''),
    );
}

/** The fixed tune/check split: a cluster is in the tune half when the first byte of sha1(cluster id) is even. */
function inTuneHalf(cluster: string): boolean {
  return (createHash('sha1').update(cluster).digest()[0] ?? 0) % 2 === 0;
}

async function main(): Promise<void> {
  const file = arg('dataset') ?? process.argv.slice(2).find((a) => a.endsWith('.jsonl'));
  if (!file) throw new Error('usage: eval-dedup --dataset FILE.jsonl [--seed N]');
  if (!existsSync(file)) {
    console.error(
      `dataset not found: ${file} (the dev set is ../shared/datasets/dedup-dev; \`pnpm -s make:dedup-set\` makes another)`,
    );
    process.exit(2);
  }
  const seed = Number(arg('seed') ?? 42);
  const allRows: Row[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const x = JSON.parse(l) as Record<string, unknown>;
      return {
        id: String(x.id),
        title: typeof x.title === 'string' ? x.title : '',
        text: typeof x.text === 'string' ? x.text : '',
        source: typeof x.source === 'string' ? x.source : '',
        url: typeof x.url === 'string' ? x.url : null,
        date: typeof x.date === 'string' ? x.date : null,
        cluster:
          typeof x.cluster === 'string' || typeof x.cluster === 'number'
            ? String(x.cluster)
            : `solo:${String(x.id)}`,
        transforms: Array.isArray(x.transforms) ? x.transforms.map(String) : [],
      };
    });
  const split = arg('split');
  if (split !== undefined && split !== 'tune' && split !== 'check')
    throw new Error(`eval-dedup: --split must be "tune" or "check", got "${split}"`);
  const rows = split ? allRows.filter((r) => inTuneHalf(r.cluster) === (split === 'tune')) : allRows;
  if (split) console.log(`split ${split}: ${rows.length} of ${allRows.length} articles`);
  const pairsCandidate = file.replace(/\.jsonl$/, '_pairs.jsonl');
  const pairsFile = pairsCandidate !== file && existsSync(pairsCandidate) ? pairsCandidate : null;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
  try {
    const t0 = Date.now();
    const predA = await runOnce(redis, rows);
    const dump = arg('dump');
    if (dump) writeFileSync(dump, JSON.stringify(Object.fromEntries(predA)));
    const f1a = score('file order', rows, predA, pairsFile);
    const shuffled = [...rows];
    const rnd = seededRandom(seed);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Row, shuffled[i] as Row];
    }
    const f1b = score(`shuffled seed=${seed}`, rows, await runOnce(redis, shuffled), pairsFile);
    console.log(`elapsed ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    console.log(
      `F1: ${Math.min(f1a, f1b).toFixed(3)} (min of file order ${f1a.toFixed(3)} and shuffled ${f1b.toFixed(3)})`,
    );
  } finally {
    redis.disconnect();
  }
}

await main();

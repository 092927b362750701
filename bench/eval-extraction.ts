/**
 * Scores @wirehose/extraction against labelled pages.
 * Usage: pnpm -s eval:extraction --dataset DIR [--split tune|check|all] [--predictions OUT.json]
 *        [--per-page]
 * `--split` keeps the pages whose id falls in that part of a fixed hash split (a third in check).
 * Prints the first benchmark's word-4-gram metric always; the second benchmark's bag-of-words
 * metric (overall and per page_type) and the `with` / `without` snippet rates when the ground truth
 * has them; title, author and publish-date accuracy when it has those fields.
 */
import { writeFileSync } from 'node:fs';
import { extractArticle } from '../packages/extraction/src/index.js';
import { argValue, listExtractionDataset, readPageBytes } from './lib/extraction-dataset.js';
import { scorePage, summarize, type PageScore } from './lib/extraction-metric.js';
import { countSnippets, normalizedWords, scoreBag, type BagScore } from './lib/wcxb-metric.js';
import { emptyTally, tallyMetadata } from './lib/metadata-metric.js';
import { splitOf } from './lib/split.js';

const USAGE =
  'usage: eval-extraction --dataset DIR [--split tune|check|all] [--predictions OUT.json] [--per-page]';
const dataset = argValue('dataset');
if (dataset === undefined) {
  console.error(USAGE);
  process.exit(2);
}
const splitArg = argValue('split') ?? 'all';
if (splitArg !== 'tune' && splitArg !== 'check' && splitArg !== 'all') {
  console.error(`--split must be tune, check or all (got ${splitArg}); ${USAGE}`);
  process.exit(2);
}
const wanted = splitArg;
const entries = listExtractionDataset(dataset).filter((e) => wanted === 'all' || splitOf(e.id) === wanted);
const hasBagFields = entries.some((e) => 'page_type' in e.truth || 'with' in e.truth);
const progress = entries.length >= 200 && process.stderr.isTTY !== false;

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

interface Group {
  n: number;
  p: number;
  r: number;
  f1: number;
}
const groups = new Map<string, Group>();
const addGroup = (key: string, s: BagScore): void => {
  const g = groups.get(key) ?? { n: 0, p: 0, r: 0, f1: 0 };
  g.n++;
  g.p += s.precision;
  g.r += s.recall;
  g.f1 += s.f1;
  groups.set(key, g);
};

const predictions: Record<string, { articleBody: string; kind: string; reason?: string }> = {};
const scores: PageScore[] = [];
const rows: Array<{ id: string; p: number; r: number; f1: number | null; kind: string; type: string }> = [];
const meta = emptyTally();
let withFound = 0;
let withTotal = 0;
let withoutPresent = 0;
let withoutTotal = 0;
let notArticle = 0;
let repaired = 0;
const started = Date.now();
entries.forEach((entry, i) => {
  // Bytes, as the fetcher has them: the extractor decodes them and repairs a wrong charset.
  const res = extractArticle(readPageBytes(entry), entry.url);
  const a = res.kind === 'article' ? res.article : (res.partial ?? {});
  const text = a.text ?? '';
  if (res.kind !== 'article') notArticle++;
  if (a.encodingRepaired === true) repaired++;
  predictions[entry.id] = {
    articleBody: text,
    kind: res.kind,
    ...(res.kind === 'not-article' ? { reason: res.reason } : {}),
  };
  const s = scorePage(text, entry.gold);
  scores.push(s);
  let bagF1: number | null = null;
  const type = typeof entry.truth['page_type'] === 'string' ? entry.truth['page_type'] : '-';
  if (hasBagFields) {
    const b = scoreBag(text, entry.gold);
    bagF1 = b.f1;
    addGroup('all', b);
    addGroup(type, b);
    const norm = normalizedWords(text);
    const w = countSnippets(norm, stringList(entry.truth['with']));
    withFound += w.found;
    withTotal += w.total;
    const wo = countSnippets(norm, stringList(entry.truth['without']));
    withoutPresent += wo.found;
    withoutTotal += wo.total;
  }
  tallyMetadata(meta, entry.truth, {
    title: a.title ?? null,
    authors: a.authors ?? [],
    publishedAt: a.publishedAt ?? null,
  });
  rows.push({
    id: entry.id,
    p: s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0,
    r: s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0,
    f1: bagF1,
    kind: res.kind,
    type,
  });
  if (progress && (i + 1) % 100 === 0)
    process.stderr.write(
      `  ${i + 1}/${entries.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
});

const out = argValue('predictions');
if (out !== undefined) writeFileSync(out, JSON.stringify(predictions, null, 2));
if (process.argv.includes('--per-page')) {
  rows.sort((a, b) => (a.f1 ?? (a.p + a.r) / 2) - (b.f1 ?? (b.p + b.r) / 2));
  for (const r of rows)
    console.log(
      `${r.id.slice(0, 12)}  P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}` +
        (r.f1 === null ? '' : `  bagF1 ${r.f1.toFixed(3)}  ${r.type}`) +
        `  ${r.kind}`,
    );
}
const pct = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(4)} (${a}/${b})` : 'n/a (0 pages)');
const sum = summarize(scores);
console.log(
  `dataset: ${dataset}  split: ${wanted}  pages: ${sum.pages}  not-article: ${notArticle}  charset repaired: ${repaired}`,
);
console.log(
  `word-4-gram  P ${sum.precision.toFixed(4)}  R ${sum.recall.toFixed(4)}  F1 ${sum.f1.toFixed(4)}  ` +
    `exact ${pct(Math.round(sum.exact * sum.pages), sum.pages)}`,
);
if (hasBagFields) {
  const line = (key: string, g: Group): string =>
    `  ${key.padEnd(14)} n ${String(g.n).padStart(4)}  P ${(g.p / g.n).toFixed(4)}  R ${(g.r / g.n).toFixed(4)}  F1 ${(g.f1 / g.n).toFixed(4)}`;
  console.log('bag-of-words (second benchmark metric, plain means over pages):');
  const all = groups.get('all');
  if (all !== undefined) console.log(line('all', all));
  for (const [k, g] of [...groups].filter(([k]) => k !== 'all').sort((a, b) => b[1].n - a[1].n))
    console.log(line(k, g));
  console.log(`  with snippets found:      ${pct(withFound, withTotal)}`);
  console.log(`  without snippets present: ${pct(withoutPresent, withoutTotal)}`);
}
if (meta.titlePages > 0) console.log(`title normalized match:  ${pct(meta.titleMatched, meta.titlePages)}`);
if (meta.authorPages + meta.noAuthorPages > 0) {
  console.log(
    `author exact set:        ${pct(meta.authorExact, meta.authorPages)}  missing ${meta.authorMissing}`,
  );
  console.log(`author spurious names:   ${pct(meta.spuriousNames, meta.predictedNames)} of names reported`);
  console.log(`author on no-author pages: ${pct(meta.noAuthorSpurious, meta.noAuthorPages)}`);
}
if (meta.datePages > 0)
  console.log(
    `publish date same day:   ${pct(meta.dateSameDay, meta.datePages)}  missing ${meta.dateMissing}`,
  );

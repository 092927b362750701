/**
 * Scores @wirehose/extraction against labelled pages.
 * Usage: pnpm -s eval:extraction --dataset DIR [--predictions OUT.json] [--per-page]
 */
import { writeFileSync } from 'node:fs';
import { extractArticle } from '../packages/extraction/src/index.js';
import { argValue, loadExtractionDataset } from './lib/extraction-dataset.js';
import { scorePage, summarize, type PageScore } from './lib/extraction-metric.js';

const dataset = argValue('dataset');
if (dataset === undefined) {
  console.error('usage: eval-extraction --dataset DIR [--predictions OUT.json] [--per-page]');
  process.exit(2);
}
const pages = loadExtractionDataset(dataset);
const predictions: Record<string, { articleBody: string }> = {};
const scores: PageScore[] = [];
const rows: Array<{ id: string; p: number; r: number; kind: string }> = [];
for (const page of pages) {
  const res = extractArticle(page.html, page.url);
  const text = res.kind === 'article' ? res.article.text : (res.partial?.text ?? '');
  predictions[page.id] = { articleBody: text };
  const s = scorePage(text, page.gold);
  scores.push(s);
  rows.push({
    id: page.id,
    p: s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0,
    r: s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0,
    kind: res.kind,
  });
}
const out = argValue('predictions');
if (out !== undefined) writeFileSync(out, JSON.stringify(predictions, null, 2));
if (process.argv.includes('--per-page')) {
  rows.sort((a, b) => a.p + a.r - (b.p + b.r));
  for (const r of rows)
    console.log(`${r.id.slice(0, 12)}  P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}  ${r.kind}`);
}
const sum = summarize(scores);
console.log(`pages: ${sum.pages}`);
console.log(`precision: ${sum.precision.toFixed(4)}`);
console.log(`recall: ${sum.recall.toFixed(4)}`);
console.log(`F1: ${sum.f1.toFixed(4)}`);
console.log(`exact: ${sum.exact.toFixed(4)} (${Math.round(sum.exact * sum.pages)}/${sum.pages})`);

/**
 * Publish-date accuracy of @wirehose/extraction (which reads dates with @wirehose/dates) against
 * labelled pages whose ground truth has `publish_date` (YYYY-MM-DD, the day as the page states it).
 * Pages are split into `tune` and `check` by a fixed hash of their id; both are printed.
 * Usage: node --import tsx bench/eval-dates.ts --dataset DIR [--extraction MODULE | --page-dates] [--misses]
 *   --extraction: another build of the extraction package's index (to compare with a peer checkout);
 *   --page-dates: @wirehose/dates' findPageDates (its own candidates and choice) instead of the extractor.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { findPageDates } from '../packages/dates/src/index.js';
import { argValue } from './lib/extraction-dataset.js';

interface Extractor {
  extractArticle: (
    html: string,
    url: string,
  ) =>
    | { kind: 'article'; article: { publishedAt: string | null } }
    | { kind: 'not-article'; partial?: { publishedAt?: string | null } };
}

const dataset = argValue('dataset');
if (dataset === undefined) {
  console.error('usage: eval-dates --dataset DIR [--extraction MODULE] [--misses]');
  process.exit(2);
}
const gtPath = join(dataset, 'ground-truth.json');
if (!existsSync(gtPath)) {
  console.error(`dataset folder not found or incomplete: ${dataset} (expected ground-truth.json and html/)`);
  process.exit(2);
}
const modulePath =
  argValue('extraction') ?? new URL('../packages/extraction/src/index.js', import.meta.url).pathname;
const { extractArticle } = (await import(pathToFileURL(resolve(modulePath)).href)) as Extractor;
/** `--page-dates`: read the date with @wirehose/dates' own page reader instead of the extractor. */
const pageDates = process.argv.includes('--page-dates');
const gold = JSON.parse(readFileSync(gtPath, 'utf8')) as Record<
  string,
  { url?: string; publish_date?: string | null }
>;

type Outcome = 'same' | 'off-by-one' | 'none' | 'earlier' | 'later';
const tally: Record<'tune' | 'check', Record<Outcome, number>> = {
  tune: { same: 0, 'off-by-one': 0, none: 0, earlier: 0, later: 0 },
  check: { same: 0, 'off-by-one': 0, none: 0, earlier: 0, later: 0 },
};
const misses: string[] = [];
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

for (const [id, entry] of Object.entries(gold)) {
  const want = entry.publish_date;
  const file = join(dataset, 'html', `${id}.html.gz`);
  if (!want || !existsSync(file)) continue;
  const split = (createHash('sha1').update(id).digest()[0] ?? 0) % 2 === 0 ? 'tune' : 'check';
  const html = gunzipSync(readFileSync(file)).toString('utf8');
  const url = entry.url ?? `https://example.invalid/${id}`;
  let found: string | null;
  if (pageDates) found = findPageDates(html, url).published?.iso ?? null;
  else {
    const result = extractArticle(html, url);
    found = result.kind === 'article' ? result.article.publishedAt : (result.partial?.publishedAt ?? null);
  }
  const day = found ? found.slice(0, 10) : null;
  const outcome: Outcome =
    day === null
      ? 'none'
      : day === want
        ? 'same'
        : Math.abs(dayMs(day) - dayMs(want)) <= 86_400_000
          ? 'off-by-one'
          : dayMs(day) < dayMs(want)
            ? 'earlier'
            : 'later';
  tally[split][outcome] += 1;
  if (outcome !== 'same')
    misses.push(`${split} ${id.slice(0, 16)} gold ${want} got ${found ?? '-'} (${outcome})`);
}

for (const split of ['tune', 'check'] as const) {
  const t = tally[split];
  const pages = Object.values(t).reduce((a, b) => a + b, 0);
  console.log(
    `${split}: ${pages} pages with a labelled date; same day ${t.same} (${(t.same / Math.max(1, pages)).toFixed(3)}), ` +
      `off by one ${t['off-by-one']}, none ${t.none}, earlier ${t.earlier}, later ${t.later}`,
  );
}
if (process.argv.includes('--misses')) for (const line of misses) console.log(line);

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One labelled page, without its HTML (read it with {@link readPageHtml}). */
export interface ExtractionEntry {
  id: string;
  url: string;
  gold: string;
  /** The page's whole ground-truth entry (title, author, publish_date, page_type, ... when present). */
  truth: Record<string, unknown>;
  /** Path of the gzip-compressed HTML. */
  file: string;
}

export interface ExtractionPage extends ExtractionEntry {
  html: string;
}

/** Lists DIR/html/<id>.html.gz that have an entry in DIR/ground-truth.json; exits 2 when the folder is missing. */
export function listExtractionDataset(dir: string): ExtractionEntry[] {
  const gtPath = join(dir, 'ground-truth.json');
  const htmlDir = join(dir, 'html');
  if (!existsSync(dir) || !existsSync(gtPath) || !existsSync(htmlDir)) {
    console.error(
      `dataset folder not found or incomplete: ${dir} (expected html/*.html.gz and ground-truth.json)`,
    );
    process.exit(2);
  }
  const gt = JSON.parse(readFileSync(gtPath, 'utf8')) as Record<
    string,
    Record<string, unknown> & { articleBody?: string; url?: string }
  >;
  const entries: ExtractionEntry[] = [];
  for (const file of readdirSync(htmlDir).sort()) {
    if (!file.endsWith('.html.gz')) continue;
    const id = file.slice(0, -'.html.gz'.length);
    const entry = gt[id];
    if (entry === undefined) continue;
    entries.push({
      id,
      url: entry.url ?? `https://example.invalid/${id}`,
      gold: entry.articleBody ?? '',
      truth: entry,
      file: join(htmlDir, file),
    });
  }
  return entries;
}

/** The raw (gunzipped) bytes of a page. */
export function readPageBytes(entry: ExtractionEntry): Buffer {
  return gunzipSync(readFileSync(entry.file));
}

/** Reads every page with its HTML (UTF-8) into memory; for small folders and benchmarks. */
export function loadExtractionDataset(dir: string): ExtractionPage[] {
  return listExtractionDataset(dir).map((e) => ({ ...e, html: readPageBytes(e).toString('utf8') }));
}

/** Value of `--name VALUE` in argv, or undefined. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface ExtractionPage {
  id: string;
  url: string;
  html: string;
  gold: string;
}

/** Reads DIR/html/<id>.html.gz and DIR/ground-truth.json; exits 2 when the folder is missing. */
export function loadExtractionDataset(dir: string): ExtractionPage[] {
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
    { articleBody?: string; url?: string }
  >;
  const pages: ExtractionPage[] = [];
  for (const file of readdirSync(htmlDir).sort()) {
    if (!file.endsWith('.html.gz')) continue;
    const id = file.slice(0, -'.html.gz'.length);
    const entry = gt[id];
    if (entry === undefined) continue;
    const html = gunzipSync(readFileSync(join(htmlDir, file))).toString('utf8');
    pages.push({
      id,
      url: entry.url ?? `https://example.invalid/${id}`,
      html,
      gold: entry.articleBody ?? '',
    });
  }
  return pages;
}

/** Value of `--name VALUE` in argv, or undefined. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

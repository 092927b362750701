import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
  'head',
]);

/** Elements that end a line of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** `<` that starts a tag, a comment, a doctype or a processing instruction. */
const TAG_START = /<[a-zA-Z/!?]/;

export interface PlainTextOptions {
  /**
   * Keep line breaks (block elements and newlines end a line; more than one blank line becomes one).
   * Default false: everything on one line, as for titles and names.
   */
  multiline?: boolean;
}

function strip(input: string): string {
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (BLOCK.has(name)) out += '\n';
      },
      onclosetag(name, implied) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name) && !(implied && name === 'br')) out += '\n';
      },
      ontext(data) {
        if (hidden === 0) out += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(input);
  parser.end();
  return out;
}

function normalizeSpace(text: string, multiline: boolean): string {
  const unified = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ');
  if (!multiline) return unified.replace(/\s+/g, ' ').trim();
  return unified
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Plain text from a string that may hold markup or entities (a feed title, an author, a page's text):
 * tags removed (the content of `<script>`, `<style>` and other hidden elements dropped), entities
 * decoded, whitespace normalised. Escaped markup (`&lt;b&gt;`, as RSS titles carry it) is markup too
 * and is removed after decoding, up to three levels deep; a `<` that would still open a tag after that
 * is followed by a space, so the result never holds a tag. Text without `<` or `&` is only
 * whitespace-normalised.
 */
export function toPlainText(input: string | null | undefined, options: PlainTextOptions = {}): string {
  if (!input) return '';
  const multiline = options.multiline ?? false;
  let text = input;
  for (let round = 0; round < 3 && (TAG_START.test(text) || /&[#a-zA-Z]/.test(text)); round += 1) {
    const stripped = strip(text);
    if (stripped === text) break;
    text = stripped;
  }
  text = text.replace(/<(?=[a-zA-Z/!?])/g, '< ');
  return normalizeSpace(text, multiline);
}

/** `toPlainText`, or null when nothing is left. */
export function toPlainTextOrNull(
  input: string | null | undefined,
  options: PlainTextOptions = {},
): string | null {
  return toPlainText(input, options) || null;
}

/** True when a string holds something that reads as a tag (`<b>`, `</p>`, `<!--`, `<?xml`). */
export function hasTag(text: string): boolean {
  return TAG_START.test(text);
}

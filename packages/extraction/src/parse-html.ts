import { load } from 'cheerio';
import type { Document } from 'domhandler';

/** Default cap on input size: 5 MB of UTF-8. */
export const DEFAULT_MAX_HTML_BYTES = 5 * 1024 * 1024;

/**
 * Cuts `html` to at most `maxBytes` UTF-8 bytes without splitting a character, and drops NUL
 * characters, which some broken pages carry and which only confuse later steps.
 */
export function limitHtml(html: string, maxBytes: number): string {
  let out = html;
  const limit = Math.max(0, Math.floor(maxBytes));
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings need no exact count.
  if (out.length * 3 > limit && Buffer.byteLength(out, 'utf8') > limit) {
    const bytes = Buffer.from(out, 'utf8').subarray(0, limit);
    // TextDecoder drops a trailing partial sequence instead of inventing a character.
    out = new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: true });
  }
  if (out.includes('\u0000')) out = out.replaceAll('\u0000', '');
  return out;
}

function loadRoot(html: string): Document {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const root = $.root()[0];
  if (root === undefined) throw new Error('cheerio returned no document root');
  return root;
}

/**
 * Parses HTML once with htmlparser2 (through cheerio's `xml` option with `xmlMode: false`):
 * a forgiving, non-recursive parser that builds a plain node tree, no DOM emulation.
 */
export function parseHtml(html: string): Document {
  const root = loadRoot(html);
  // A fragment (no <html> or <body>) gets a <body> so that it is read like a page.
  for (const c of root.children) {
    if (c.type === 'tag' && (c.name === 'html' || c.name === 'body')) return root;
  }
  return loadRoot(`<body>${html}</body>`);
}

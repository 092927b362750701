import iconv from 'iconv-lite';

/** Labels browsers treat as another encoding (WHATWG Encoding), and common misspellings. */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  ms_kanji: 'shift_jis',
  'win-1251': 'windows-1251',
  'x-cp1251': 'windows-1251',
  'cp-1251': 'windows-1251',
  'win-1252': 'windows-1252',
  'x-euc-jp': 'euc-jp',
  'x-gbk': 'gbk',
  gb2312: 'gbk',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** A charset label normalised to a name iconv-lite decodes, or null when it is unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const name = LABEL_ALIASES[key] ?? key;
  return iconv.encodingExists(name) ? name : null;
}

/** Charset named by a Content-Type header, if any (the raw label, lower-cased). */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)["']?/i);
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromBom(bytes: Buffer): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** Charset declared in the document itself: `<meta charset>`, `<meta http-equiv content>`, `<?xml encoding?>`. */
export function charsetFromDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return meta?.[1]?.toLowerCase() ?? null;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface DecodedBody {
  text: string;
  /** The charset used, and where it came from. */
  charset: string;
  charsetSource: 'bom' | 'header' | 'document' | 'default';
}

/**
 * Decode a body the way browsers do: a byte-order mark wins, then the Content-Type charset, then the
 * document's own declaration, else UTF-8. Labels iconv-lite does not know are skipped (the next clue
 * is used); a header that claims UTF-8 over bytes that are not UTF-8 yields to the document's label.
 */
export function decodeBodyDetailed(bytes: Buffer, contentType: string | null): DecodedBody {
  const bom = charsetFromBom(bytes);
  if (bom)
    return {
      text: iconv.decode(bytes.subarray(bom.skip), bom.charset),
      charset: bom.charset,
      charsetSource: 'bom',
    };
  const header = normalizeCharset(charsetFromContentType(contentType));
  const declared = normalizeCharset(charsetFromDocument(bytes));
  // A document cannot declare itself UTF-16 in ASCII-compatible bytes: ignore that label.
  const documentLabel = declared && !declared.startsWith('utf-16') ? declared : null;
  if (header && !(header === 'utf-8' && documentLabel && documentLabel !== 'utf-8' && !isValidUtf8(bytes))) {
    return { text: iconv.decode(bytes, header), charset: header, charsetSource: 'header' };
  }
  if (documentLabel)
    return { text: iconv.decode(bytes, documentLabel), charset: documentLabel, charsetSource: 'document' };
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', charsetSource: 'default' };
}

/** Decode a body (see `decodeBodyDetailed`) and return the text. */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  return decodeBodyDetailed(bytes, contentType).text;
}

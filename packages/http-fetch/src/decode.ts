import { analyse } from 'chardet';
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

/** Counts of well-formed multi-byte UTF-8 sequences and of bytes that break UTF-8. */
function utf8Stats(bytes: Uint8Array): { multiByte: number; invalid: number } {
  let multiByte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok && len === 3) {
      const b1 = bytes[i + 1] as number;
      // Overlong forms and UTF-16 surrogates are not UTF-8.
      ok = !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 >= 0xa0);
    } else if (ok && len === 4) {
      const b1 = bytes[i + 1] as number;
      ok = !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 >= 0x90);
    }
    if (ok) {
      multiByte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid };
}

/** Charsets whose byte sequences can be malformed, so that a decode shows U+FFFD for bad input. */
const MULTI_BYTE = /^(?:shift_jis|euc-jp|euc-kr|gbk|gb18030|big5|iso-2022-jp)$/;

/** The bytes with markup removed: the detector should judge the text, not the ASCII tags. */
function textBytes(bytes: Buffer): Buffer {
  const sample = bytes.subarray(0, 512 * 1024);
  const out = Buffer.allocUnsafe(sample.length);
  let o = 0;
  let inTag = false;
  for (const b of sample) {
    if (b === 0x3c) inTag = true;
    else if (b === 0x3e && inTag) inTag = false;
    else if (!inTag) out[o++] = b;
  }
  return out.subarray(0, o);
}

/** The charset the detector finds most likely for `bytes`, other than `exclude`, if iconv-lite can decode it. */
function detectCharset(bytes: Buffer, exclude: string): string | null {
  for (const match of analyse(textBytes(bytes))) {
    const name = normalizeCharset(match.name);
    if (name === null || name === exclude || name.startsWith('utf-16') || name.startsWith('utf-32')) continue;
    return match.confidence >= 10 ? name : null;
  }
  return null;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

export interface DecodedBody {
  text: string;
  /** The charset used, and where it came from. */
  charset: string;
  charsetSource: 'bom' | 'header' | 'document' | 'default' | 'detected';
  /**
   * The bytes were not valid in the declared charset (or, for a single-byte label, were plainly
   * UTF-8), so the text was decoded with the charset a detector found instead.
   */
  encodingRepaired: boolean;
}

/**
 * Checks a decode made with a declared charset and, when the bytes do not fit it, decodes them with
 * the charset found by a detector (chardet) instead:
 * - declared UTF-8 with malformed sequences, unless well-formed multi-byte sequences outnumber the
 *   bad bytes (a UTF-8 page with a few stray bytes stays UTF-8);
 * - a declared multi-byte charset whose decode has replacement characters;
 * - a declared single-byte charset over bytes that are well-formed UTF-8 with multi-byte sequences.
 */
function repairIfInvalid(bytes: Buffer, decoded: DecodedBody): DecodedBody {
  const { charset } = decoded;
  let suspect = false;
  let alternative: string | null = null;
  if (charset === 'utf-8') {
    const stats = utf8Stats(bytes);
    suspect = stats.invalid > 0 && stats.multiByte < stats.invalid;
  } else if (MULTI_BYTE.test(charset)) {
    // A stray bad byte is not enough: at least 3 replacements and 1% of the non-ASCII characters.
    const bad = countReplacements(decoded.text);
    suspect = bad >= 3 && bad * 100 >= nonAscii(decoded.text);
  } else {
    const stats = utf8Stats(bytes);
    if (stats.invalid === 0 && stats.multiByte > 0) alternative = 'utf-8';
  }
  if (suspect) alternative = detectCharset(bytes, charset);
  if (alternative === null) return decoded;
  const text =
    alternative === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(bytes, alternative);
  return { text, charset: alternative, charsetSource: 'detected', encodingRepaired: true };
}

/**
 * Decode a body the way browsers do: a byte-order mark wins, then the Content-Type charset, then the
 * document's own declaration, else UTF-8. Labels iconv-lite does not know are skipped (the next clue
 * is used); a header that claims UTF-8 over bytes that are not UTF-8 yields to the document's label.
 * When the bytes are not valid in the charset so chosen, a detector picks the charset and the
 * result says `encodingRepaired: true`.
 */
export function decodeBodyDetailed(bytes: Buffer, contentType: string | null): DecodedBody {
  const bom = charsetFromBom(bytes);
  if (bom)
    return {
      text: iconv.decode(bytes.subarray(bom.skip), bom.charset),
      charset: bom.charset,
      charsetSource: 'bom',
      encodingRepaired: false,
    };
  const header = normalizeCharset(charsetFromContentType(contentType));
  const declared = normalizeCharset(charsetFromDocument(bytes));
  // A document cannot declare itself UTF-16 in ASCII-compatible bytes: ignore that label.
  const documentLabel = declared && !declared.startsWith('utf-16') ? declared : null;
  const isValidUtf8 = (): boolean => utf8Stats(bytes).invalid === 0;
  let chosen: DecodedBody;
  if (header && !(header === 'utf-8' && documentLabel && documentLabel !== 'utf-8' && !isValidUtf8())) {
    chosen = {
      text: decodeWith(bytes, header),
      charset: header,
      charsetSource: 'header',
      encodingRepaired: false,
    };
  } else if (documentLabel) {
    chosen = {
      text: decodeWith(bytes, documentLabel),
      charset: documentLabel,
      charsetSource: 'document',
      encodingRepaired: false,
    };
  } else {
    chosen = {
      text: decodeWith(bytes, 'utf-8'),
      charset: 'utf-8',
      charsetSource: 'default',
      encodingRepaired: false,
    };
  }
  return repairIfInvalid(bytes, chosen);
}

function decodeWith(bytes: Buffer, charset: string): string {
  return charset === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(bytes, charset);
}

/** Decode a body (see `decodeBodyDetailed`) and return the text. */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  return decodeBodyDetailed(bytes, contentType).text;
}

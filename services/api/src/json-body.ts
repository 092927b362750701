import { isUtf8 } from 'node:buffer';
import { HttpError } from './http-error.js';

const REPLACEMENT = '\uFFFD';
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');

/**
 * Byte offset of the first byte that does not start a valid UTF-8 sequence, or -1. A U+FFFD the sender
 * really encoded (EF BF BD) is not a fault: the search goes on past it.
 */
export function firstInvalidUtf8(raw: Buffer): number {
  if (isUtf8(raw)) return -1;
  const text = raw.toString('utf8');
  let from = 0;
  for (;;) {
    const at = text.indexOf(REPLACEMENT, from);
    if (at < 0) return -1;
    const offset = Buffer.byteLength(text.slice(0, at), 'utf8');
    if (!raw.subarray(offset, offset + REPLACEMENT_BYTES.length).equals(REPLACEMENT_BYTES)) return offset;
    from = at + 1;
  }
}

/**
 * Parse a JSON request body. Bytes that are not UTF-8 are refused (400) rather than turned into U+FFFD,
 * which would queue a URL or text the sender never wrote.
 */
export function parseJsonBody(raw: Buffer): unknown {
  const invalidAt = firstInvalidUtf8(raw);
  if (invalidAt >= 0) {
    const byte = raw[invalidAt]?.toString(16).padStart(2, '0') ?? '??';
    throw new HttpError(
      400,
      `request body is not valid UTF-8: byte ${invalidAt} (0x${byte}) does not start a valid sequence; ` +
        'send JSON encoded as UTF-8 (escape other characters as \\uXXXX)',
      { code: 'WH_ERR_INVALID_UTF8' },
    );
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, `request body is not valid JSON: ${(err as Error).message}`, {
      code: 'WH_ERR_INVALID_JSON',
    });
  }
}

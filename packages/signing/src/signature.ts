import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one signature scheme wirehose speaks, for webhook deliveries it sends and ingest requests it takes:
 *
 *   X-Wirehose-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is signed with the body, so a captured request cannot be replayed outside the tolerance.
 */
export const SIGNATURE_HEADER = 'x-wirehose-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value for `body`, signed now (or at `timestamp`). */
export function signPayload(
  secret: string,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
}

export type VerifyResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch'; message: string };

/** Parse `t=…,v1=…` (several v1 values are allowed, for secret rotation). */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/** Check a signature header against the raw body with a timing-safe compare and a replay window. */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string | undefined,
  {
    toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
    now = Date.now(),
  }: { toleranceSeconds?: number; now?: number } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing', message: `missing ${SIGNATURE_HEADER} header` };
  const parsed = parseSignatureHeader(header);
  if (!parsed)
    return {
      ok: false,
      reason: 'malformed',
      message: `${SIGNATURE_HEADER} must look like t=<unix>,v1=<hex>`,
    };
  const age = Math.abs(Math.floor(now / 1000) - parsed.timestamp);
  if (age > toleranceSeconds) {
    return {
      ok: false,
      reason: 'stale',
      message: `signature timestamp is ${age} s away from now (tolerance ${toleranceSeconds} s)`,
    };
  }
  const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), 'hex');
  const matches = parsed.signatures.some((sig) => {
    const given = Buffer.from(sig, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: 'mismatch', message: 'signature does not match the body' };
}

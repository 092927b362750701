import { createHmac, timingSafeEqual } from 'node:crypto';

const ALGORITHMS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

export type HubSignatureResult = { ok: true } | { ok: false; message: string };

/**
 * Check a WebSub content delivery: `X-Hub-Signature-256: sha256=<hex>` (preferred) or
 * `X-Hub-Signature: <sha1|sha256|sha384|sha512>=<hex>`, an HMAC of the raw body keyed with the
 * subscription's `hub.secret`, compared in constant time.
 */
export function verifyHubSignature(
  secret: string,
  body: Buffer,
  headers: { sha256?: string | undefined; legacy?: string | undefined },
): HubSignatureResult {
  const header = headers.sha256 ?? headers.legacy;
  if (!header) return { ok: false, message: 'missing X-Hub-Signature-256 (or X-Hub-Signature) header' };
  const eq = header.indexOf('=');
  const algorithm = eq > 0 ? header.slice(0, eq).trim().toLowerCase() : '';
  const given = eq > 0 ? header.slice(eq + 1).trim() : '';
  if (!ALGORITHMS.has(algorithm) || !/^[0-9a-f]+$/i.test(given)) {
    return { ok: false, message: 'hub signature must look like sha256=<hex> (or sha1/sha384/sha512)' };
  }
  if (headers.sha256 !== undefined && algorithm !== 'sha256') {
    return { ok: false, message: 'X-Hub-Signature-256 must use sha256' };
  }
  const expected = createHmac(algorithm, secret).update(body).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected)
    ? { ok: true }
    : { ok: false, message: 'hub signature does not match the body' };
}

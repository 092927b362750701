import { createHash, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER, verifySignature } from '@wirehose/signing';
import { HttpError } from './http-error.js';

/** Header naming which client signed a request (optional: without it every secret is tried). */
export const CLIENT_HEADER = 'x-wirehose-client';

export interface AuthConfig {
  /** client name → bearer API key */
  apiKeys: ReadonlyMap<string, string>;
  /** client name → HMAC secret */
  hmacSecrets: ReadonlyMap<string, string>;
  toleranceSeconds: number;
  now?: () => number;
}

export interface Client {
  name: string;
  method: 'api-key' | 'hmac';
}

export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
}

function header(req: AuthRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Compare two secrets in constant time whatever their lengths (both are hashed first). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function matchKey(keys: ReadonlyMap<string, string>, given: string): string | null {
  let found: string | null = null;
  // Check every key (no early exit) so timing does not tell how many keys precede the match.
  for (const [name, key] of keys) if (sameSecret(given, key) && found === null) found = name;
  return found;
}

/** The API key of `Authorization: Bearer <key>` or `Authorization: Basic <base64 user:key>`. */
export function presentedKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

/**
 * The challenge of a 401 (RFC 9110 asks every 401 for one). The API asks for a bearer key; the dashboard
 * asks for basic auth, so a browser prompts for the key.
 */
function challenge(allowSignature: boolean): Record<string, string> {
  return {
    'www-authenticate': allowSignature
      ? 'Bearer realm="wirehose"'
      : 'Basic realm="wirehose", charset="UTF-8"',
  };
}

/**
 * Who sent a request: a bearer (or basic-auth) API key, or an HMAC-SHA256 signature of the raw body
 * (`x-wirehose-signature: t=…,v1=…`, see @wirehose/signing). Throws a 401 HttpError whose message says
 * what is wrong without echoing any secret.
 */
export function authenticate(
  req: AuthRequest,
  config: AuthConfig,
  { allowSignature = true }: { allowSignature?: boolean } = {},
): Client {
  try {
    return identify(req, config, allowSignature);
  } catch (err) {
    if (!(err instanceof HttpError) || err.statusCode !== 401) throw err;
    throw new HttpError(401, err.message, err.details, challenge(allowSignature));
  }
}

function identify(req: AuthRequest, config: AuthConfig, allowSignature: boolean): Client {
  if (config.apiKeys.size === 0 && config.hmacSecrets.size === 0) {
    throw new HttpError(401, 'no API keys or HMAC secrets are configured (API_KEYS, API_HMAC_SECRETS)');
  }
  const signature = header(req, SIGNATURE_HEADER);
  if (signature !== undefined && allowSignature) return verifySigned(req, signature, config);
  const key = presentedKey(header(req, 'authorization'));
  if (key === null) {
    throw new HttpError(
      401,
      allowSignature
        ? `authentication required: send Authorization: Bearer <API key> or a ${SIGNATURE_HEADER} signature`
        : 'authentication required: send Authorization: Bearer <API key> or basic auth with an API key',
    );
  }
  const name = matchKey(config.apiKeys, key);
  if (name === null) throw new HttpError(401, 'the API key is not valid');
  return { name, method: 'api-key' };
}

function verifySigned(req: AuthRequest, signature: string, config: AuthConfig): Client {
  const claimed = header(req, CLIENT_HEADER);
  let candidates = [...config.hmacSecrets];
  if (claimed !== undefined) candidates = candidates.filter(([name]) => name === claimed);
  if (candidates.length === 0) {
    throw new HttpError(
      401,
      claimed === undefined
        ? 'signed requests are not accepted: no HMAC secrets are configured'
        : `no HMAC secret is configured for client "${claimed.slice(0, 64)}"`,
    );
  }
  const body = req.rawBody ?? Buffer.alloc(0);
  const now = config.now?.() ?? Date.now();
  let failure: string | null = null;
  for (const [name, secret] of candidates) {
    const result = verifySignature(secret, body, signature, {
      toleranceSeconds: config.toleranceSeconds,
      now,
    });
    if (result.ok) return { name, method: 'hmac' };
    // Missing, malformed and stale do not depend on the secret: the first answer is the answer.
    if (result.reason !== 'mismatch') throw new HttpError(401, result.message);
    failure = result.message;
  }
  throw new HttpError(401, failure ?? 'signature does not match the body');
}

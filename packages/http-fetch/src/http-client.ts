import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { Readable } from 'node:stream';
import axios, { type AxiosResponse } from 'axios';
import { FetchError } from './errors.js';
import { decodeBodyDetailed } from './decode.js';
import { assertUrlAllowed, BlockedUrlError, createGuardedLookup, type UrlPolicy } from './url-policy.js';

/**
 * Called before every request of a fetch (hop 0, then each redirect hop), after the SSRF check.
 * Throw to refuse the hop (robots.txt, a busy host); return a function to run when the hop is done.
 */
export type BeforeRequest = (url: string, hop: number) => Promise<(() => Promise<void>) | void>;

export interface HttpClientOptions {
  userAgent: string;
  /** Time allowed to connect and receive the response headers. */
  connectTimeoutMs?: number;
  /** Whole-request time limit, body included. */
  timeoutMs?: number;
  /** Largest (decompressed) body accepted; larger ones abort with a permanent FetchError. */
  maxBytes?: number;
  /** Redirects followed before giving up. */
  maxRedirects?: number;
  /** Which addresses may be fetched; checked on every hop and on the address connected to. */
  policy?: UrlPolicy;
  /** Per-hop hook (robots.txt, per-host leases). */
  beforeRequest?: BeforeRequest;
  /**
   * Extra certificate authorities (PEM) to trust for https, added to Node's own store (a private CA, a
   * test server's self-signed certificate). Certificates are always verified; without this option the
   * trusted set is Node's default, which `NODE_EXTRA_CA_CERTS` extends for a whole process.
   */
  ca?: string | readonly string[];
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decoded text; empty when `notModified`. */
  body: string;
  /** Size of the (decompressed) body in bytes. */
  bytes: number;
  /** Charset the body was decoded with. */
  charset: string | null;
  /** The bytes did not fit the declared charset and were decoded with a detected one. */
  encodingRepaired: boolean;
  notModified: boolean;
  /** URLs redirected through, in order (not including `url`). */
  redirects: string[];
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
  headers?: Record<string, string>;
  /** Overrides the client's body limit for this request. */
  maxBytes?: number;
  /** Accept header for this request. */
  accept?: string;
  /** Skip the `beforeRequest` hook (robots.txt itself is fetched this way). */
  skipHooks?: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The CA list for an https agent given extra CAs. Node replaces its whole store when an agent is given
 * `ca`, so the bundled roots, and the file named by NODE_EXTRA_CA_CERTS, are put back in front of the
 * extra ones: adding a private CA must not stop public sites from verifying.
 */
export function trustedCertificates(
  extra: string | readonly string[],
  env: Record<string, string | undefined> = process.env,
): string[] {
  const fromEnv: string[] = [];
  const extraFile = env['NODE_EXTRA_CA_CERTS'];
  if (extraFile) {
    try {
      fromEnv.push(readFileSync(extraFile, 'utf8'));
    } catch {
      // Node has already warned about an unreadable NODE_EXTRA_CA_CERTS at start-up.
    }
  }
  return [...rootCertificates, ...fromEnv, ...(typeof extra === 'string' ? [extra] : extra)];
}

/** OpenSSL and Node codes of a certificate that failed verification (not a network failure). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = err;
  while (current && chain.length < 8) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** Read a stream to a Buffer, aborting past `maxBytes` or when `signal` fires. */
async function readBody(
  stream: Readable,
  url: string,
  maxBytes: number,
  controller: AbortController,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) {
      controller.abort();
      stream.destroy();
      throw new FetchError(`GET ${url}: body larger than ${maxBytes} bytes (aborted)`, url, true, null, {
        kind: 'too-large',
      });
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

/**
 * HTTP GET with a User-Agent, SSRF guard (every hop and the connected address), manual redirects with a
 * limit and loop detection, connect and whole-request timeouts, a streamed body limit, gzip/deflate/br,
 * charset detection, conditional headers and error classification.
 */
export function createHttpClient({
  userAgent,
  connectTimeoutMs = 10_000,
  timeoutMs = 20_000,
  maxBytes = 5 * 1024 * 1024,
  maxRedirects = 5,
  policy = {},
  beforeRequest,
  ca,
}: HttpClientOptions) {
  // Both agents connect through the guarded lookup: an https URL is held to the same SSRF policy.
  const lookup = createGuardedLookup(policy);
  const httpAgent = new HttpAgent({ keepAlive: true, lookup });
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    lookup,
    ...(ca === undefined ? {} : { ca: trustedCertificates(ca) }),
  });

  async function requestOnce(
    url: string,
    headers: Record<string, string>,
    limit: number,
    deadline: number,
  ): Promise<{ response: AxiosResponse<Readable>; body: Buffer | null }> {
    const controller = new AbortController();
    let timedOut: 'connect' | 'body' | null = null;
    const total = setTimeout(
      () => {
        timedOut = 'body';
        controller.abort();
      },
      Math.max(1, deadline - Date.now()),
    );
    const connect = setTimeout(() => {
      timedOut = 'connect';
      controller.abort();
    }, connectTimeoutMs);
    try {
      let response: AxiosResponse<Readable>;
      try {
        response = await axios.request<Readable>({
          url,
          method: 'GET',
          headers,
          responseType: 'stream',
          maxRedirects: 0,
          maxContentLength: -1,
          decompress: true,
          proxy: false,
          validateStatus: () => true,
          signal: controller.signal,
          httpAgent,
          httpsAgent,
        });
      } finally {
        clearTimeout(connect);
      }
      const status = response.status;
      if (REDIRECTS.has(status) || status === 304 || status >= 400) {
        response.data.destroy();
        return { response, body: null };
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit && !response.headers['content-encoding']) {
        response.data.destroy();
        throw new FetchError(
          `GET ${url}: body of ${declared} bytes is larger than ${limit} bytes`,
          url,
          true,
          status,
          {
            kind: 'too-large',
          },
        );
      }
      const body = await readBody(response.data, url, limit, controller);
      return { response, body };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      const chain = causeChain(err);
      const blocked = chain.find((e): e is BlockedUrlError => e instanceof BlockedUrlError);
      if (blocked)
        throw new FetchError(`GET ${url}: ${blocked.message}`, url, true, null, {
          kind: 'blocked',
          cause: blocked,
        });
      if (timedOut) {
        const what =
          timedOut === 'connect'
            ? `no response within ${connectTimeoutMs} ms`
            : `not complete within ${timeoutMs} ms`;
        throw new FetchError(`GET ${url}: ${what}`, url, false, null, { kind: 'timeout', cause: err });
      }
      const code = chain
        .map((e) => (e as { code?: unknown }).code)
        .find((c): c is string => typeof c === 'string');
      // A certificate that does not verify will not verify on a retry either.
      if (code !== undefined && CERTIFICATE_CODES.has(code))
        throw new FetchError(
          `GET ${url}: TLS certificate not trusted (${(err as Error).message}; ${code})`,
          url,
          true,
          null,
          { kind: 'tls', cause: err },
        );
      const isZlib = typeof code === 'string' && code.startsWith('Z_');
      throw new FetchError(
        isZlib
          ? `GET ${url}: could not decompress the body (${(err as Error).message})`
          : `GET ${url} failed: ${(err as Error).message}`,
        url,
        false,
        null,
        { kind: isZlib ? 'decode' : 'network', cause: err },
      );
    } finally {
      clearTimeout(total);
    }
  }

  return {
    async get(url: string, conditional: ConditionalHeaders = {}): Promise<FetchedPage> {
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: conditional.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        ...conditional.headers,
      };
      if (conditional.etag) headers['if-none-match'] = conditional.etag;
      if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      const limit = conditional.maxBytes ?? maxBytes;
      let deadline = Date.now() + timeoutMs;
      const redirects: string[] = [];
      let current = url;
      for (;;) {
        try {
          await assertUrlAllowed(current, policy);
        } catch (err) {
          if (err instanceof BlockedUrlError)
            throw new FetchError(`GET ${url}: ${err.message}`, current, true, null, {
              kind: 'blocked',
              cause: err,
            });
          throw new FetchError(`GET ${current}: ${(err as Error).message}`, current, false, null, {
            cause: err,
          });
        }
        const hookStarted = Date.now();
        const release = conditional.skipHooks ? undefined : await beforeRequest?.(current, redirects.length);
        // Time spent waiting for robots.txt or for the host is not time the server took.
        deadline += Date.now() - hookStarted;
        let result;
        try {
          result = await requestOnce(current, headers, limit, deadline);
        } finally {
          if (release) await release();
        }
        const { response, body } = result;
        const status = response.status;
        const header = (name: string): string | null => {
          const value: unknown = response.headers[name];
          return typeof value === 'string' ? value : null;
        };
        if (REDIRECTS.has(status)) {
          const location = header('location');
          if (!location)
            throw new FetchError(`GET ${current} answered ${status} without Location`, current, true, status);
          let next: string;
          try {
            next = new URL(location, current).toString();
          } catch {
            throw new FetchError(`GET ${current}: bad redirect Location ${location}`, current, true, status, {
              kind: 'redirects',
            });
          }
          if (next === url || redirects.includes(next))
            throw new FetchError(`GET ${url}: redirect loop at ${next}`, url, true, status, {
              kind: 'redirects',
            });
          if (redirects.length >= maxRedirects)
            throw new FetchError(`GET ${url}: more than ${maxRedirects} redirects`, url, true, status, {
              kind: 'redirects',
            });
          redirects.push(next);
          current = next;
          continue;
        }
        const base = {
          url,
          finalUrl: current,
          status,
          contentType: header('content-type'),
          etag: header('etag'),
          lastModified: header('last-modified'),
          redirects,
        };
        if (status === 304)
          return { ...base, body: '', bytes: 0, charset: null, encodingRepaired: false, notModified: true };
        if (status >= 400) {
          const permanent = status < 500 && status !== 408 && status !== 429;
          throw new FetchError(`GET ${current} answered ${status}`, current, permanent, status, {
            retryAfterMs: parseRetryAfter(header('retry-after')),
          });
        }
        const bytes = body ?? Buffer.alloc(0);
        const decoded = decodeBodyDetailed(bytes, base.contentType);
        return {
          ...base,
          body: decoded.text,
          bytes: bytes.length,
          charset: decoded.charset,
          encodingRepaired: decoded.encodingRepaired,
          notModified: false,
        };
      }
    },
    /** Close idle keep-alive sockets. */
    close(): void {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
export type HttpClient = ReturnType<typeof createHttpClient>;

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Redis } from 'ioredis';
import { assertUrlAllowed, BlockedUrlError, createGuardedLookup, type UrlPolicy } from '@wirehose/http-fetch';
import { RECORD_SCHEMA_URL, type StoryRecord } from '@wirehose/schemas';
import { SIGNATURE_HEADER, signPayload } from '@wirehose/signing';
import type { Sink, SinkOutcome } from './sink.js';
import { PermanentSinkError } from './sink-errors.js';
import type { WebhookFilter } from './sinks-config.js';
import { matchesFilter } from './webhook-filter.js';

/**
 * Header naming the delivery, `<record id>:<version>:<first 16 hex of the record's content hash>`: the
 * same on every retry and replay of it, and never the same for different content (a version number
 * alone could be reused for other content if the record store lost its data and counted from 1 again).
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface WebhookSinkOptions {
  name: string;
  url: string;
  /** HMAC-SHA256 secret shared with the subscriber (see `@wirehose/signing`). */
  secret: string;
  filter?: WebhookFilter;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Which addresses may be posted to; by default loopback and private ones are refused. */
  policy?: Pick<UrlPolicy, 'allowPrivate' | 'allowHosts'>;
  /**
   * Where the versions delivered to this subscriber are remembered: one key per record,
   * `<deliveredKey>:<record id>` holding the version, expiring after `deliveredTtlSeconds`.
   */
  redis: Redis;
  deliveredKey: string;
  /** How long a delivered version is remembered (default 30 days, longer than records are kept). */
  deliveredTtlSeconds?: number;
  userAgent?: string;
}

/** A delivery the subscriber did not accept (non-2xx, timeout, connection error). Retried. */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  constructor(
    readonly sink: string,
    readonly url: string,
    readonly status: number | null,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// Remember a delivered version unless a higher one is already remembered; the memory expires.
const MARK_DELIVERED = `
local prev = tonumber(redis.call('GET', KEYS[1]) or '0')
if prev < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return prev`;

/** The idempotency key of a delivery (see `IDEMPOTENCY_HEADER`). */
export function deliveryKey(record: Pick<StoryRecord, 'id' | 'version' | 'contentHash'>): string {
  return `${record.id}:${record.version}:${record.contentHash.slice(0, 16)}`;
}

function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  policy: UrlPolicy,
): Promise<{ status: number }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: createGuardedLookup(policy),
        timeout: timeoutMs,
      },
      (res: IncomingMessage) => {
        // The answer's body is not used; read it so the socket can be reused, up to a bound.
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) res.destroy();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('close', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    // A whole-request deadline (the socket `timeout` alone only limits idle time).
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs each record, as JSON, to one subscriber URL, signed with `x-wirehose-signature`
 * (`t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, the scheme the ingest API verifies) and
 * carrying `idempotency-key: <id>:<version>:<content digest>`. Records the filter rejects are skipped. A version the
 * subscriber already accepted (2xx) is not sent again; a higher one is. Any other answer throws, and the
 * sink's queue retries with backoff and finally dead-letters the job.
 */
export function createWebhookSink(options: WebhookSinkOptions): Sink {
  const { name, secret, redis, deliveredKey } = options;
  const deliveredTtl = options.deliveredTtlSeconds ?? 30 * 24 * 3600;
  const deliveredOf = (id: string): string => `${deliveredKey}:${id}`;
  const url = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const policy: UrlPolicy = { ...options.policy };
  return {
    name,
    async write(record: StoryRecord): Promise<SinkOutcome> {
      if (!matchesFilter(record, options.filter)) return 'skipped';
      const delivered = Number((await redis.get(deliveredOf(record.id))) ?? 0);
      if (delivered >= record.version) return 'skipped';
      try {
        await assertUrlAllowed(url.href, policy);
      } catch (err) {
        if (err instanceof BlockedUrlError)
          throw new PermanentSinkError(name, `webhook ${name}: ${err.message}`, { cause: err });
        throw err;
      }
      const body = JSON.stringify(record);
      const headers: Record<string, string> = {
        ...options.headers,
        'content-type': 'application/json',
        'user-agent': options.userAgent ?? 'wirehose-webhook/0.1',
        [SIGNATURE_HEADER]: signPayload(secret, body),
        [IDEMPOTENCY_HEADER]: deliveryKey(record),
        'x-wirehose-record-id': record.id,
        'x-wirehose-record-version': String(record.version),
        link: `<${RECORD_SCHEMA_URL}>; rel="describedby"`,
      };
      let status: number;
      try {
        ({ status } = await post(url, body, headers, timeoutMs, policy));
      } catch (err) {
        if (err instanceof BlockedUrlError)
          throw new PermanentSinkError(name, `webhook ${name}: ${err.message}`, { cause: err });
        throw new WebhookDeliveryError(
          name,
          url.href,
          null,
          `webhook ${name}: delivery of ${record.id} v${record.version} failed: ${(err as Error).message}`,
          { cause: err },
        );
      }
      if (status === 410)
        throw new PermanentSinkError(name, `webhook ${name}: ${url.href} answered 410 Gone`);
      if (status < 200 || status >= 300)
        throw new WebhookDeliveryError(
          name,
          url.href,
          status,
          `webhook ${name}: ${url.href} answered ${status} to ${record.id} v${record.version}`,
        );
      await redis.eval(MARK_DELIVERED, 1, deliveredOf(record.id), record.version, deliveredTtl);
      return 'written';
    },
    async close() {},
  };
}

import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';
import { DEFAULT_PG_SCHEMA, DEFAULT_SINK_ENV } from '@wirehose/sinks';

/** `name:value,name:value` pairs (client name, then its key or secret); empty means none. */
const ClientPairs = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const pairs = new Map<string, string>();
    for (const part of raw.split(',').map((p) => p.trim())) {
      if (!part) continue;
      const at = part.indexOf(':');
      const name = at > 0 ? part.slice(0, at).trim() : '';
      const value = at > 0 ? part.slice(at + 1).trim() : '';
      if (!/^[A-Za-z0-9_.-]+$/.test(name) || value.length < 16) {
        // Never echo the value: it is a secret.
        ctx.addIssue({
          code: 'custom',
          message: `each entry must be <client>:<secret of 16+ characters>; entry ${pairs.size + 1} is not`,
        });
        return z.NEVER;
      }
      pairs.set(name, value);
    }
    return pairs;
  });

const CommaList = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** The API's settings. Secrets (`API_KEYS`, `API_HMAC_SECRETS`) are never logged or echoed. */
export const ApiEnvSchema = BaseEnvSchema.extend({
  API_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  API_HOST: z.string().default('0.0.0.0'),
  /** Bearer API keys: `client:key,client:key`. */
  API_KEYS: ClientPairs,
  /** HMAC-SHA256 shared secrets for signed requests: `client:secret,client:secret`. */
  API_HMAC_SECRETS: ClientPairs,
  /** How far a signature's timestamp may be from now. */
  API_SIGNATURE_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
  /** Largest request body, in bytes (413 above it). */
  API_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Most items one ingest request may carry. */
  API_MAX_ITEMS: z.coerce.number().int().positive().default(100),
  /** Requests per client per window, shared by every API process through Redis. */
  API_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(120),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** How long an answer is kept for its Idempotency-Key, and a submitted URL counts as a duplicate. */
  API_IDEMPOTENCY_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** Same names as the fetcher: submitted URLs pass the same SSRF policy. */
  FETCH_ALLOW_PRIVATE: z.stringbool().default(false),
  FETCH_ALLOW_HOSTS: CommaList,
  /** Public base URL hubs call back (e.g. https://ingest.example.org); unset turns WebSub off. */
  WEBSUB_CALLBACK_URL: z.url().optional(),
  /** Lease asked of hubs. */
  WEBSUB_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 24 * 3600),
  /** Subscriptions whose lease ends within this margin are renewed. */
  WEBSUB_RENEW_MARGIN_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** How often the renewal check runs (0: never). */
  WEBSUB_RENEW_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(600),
  /** PostgreSQL for `GET /v1/search`; unset: the route answers 503. */
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL schema of the story index (as the publisher's PostgreSQL sink uses it). */
  PG_SCHEMA: z.string().default(DEFAULT_PG_SCHEMA),
  /**
   * The publisher's sink settings, read only to name its `publish-<sink>` queues on the dashboard and in
   * `/metrics`: give the API the values the publisher has.
   */
  SINKS_FILE: z.string().optional(),
  NDJSON_PATH: z.string().default(DEFAULT_SINK_ENV.NDJSON_PATH),
  PG_SINK: z.stringbool().default(DEFAULT_SINK_ENV.PG_SINK),
  /** How many of the latest records the copies and events gauges of `/metrics` summarise. */
  METRICS_RECENT_RECORDS: z.coerce.number().int().positive().default(500),
});
export type ApiConfig = z.infer<typeof ApiEnvSchema>;

import type { UrlPolicy } from '@wirehose/http-fetch';
import type { ApiConfig } from './config.js';

/** What `buildApp` needs from the configuration, in the shape the code uses. */
export interface ApiOptions {
  apiKeys: ReadonlyMap<string, string>;
  hmacSecrets: ReadonlyMap<string, string>;
  toleranceSeconds: number;
  bodyLimitBytes: number;
  maxItems: number;
  rateLimit: { max: number; windowSeconds: number };
  idempotencyTtlSeconds: number;
  urlPolicy: UrlPolicy;
  /** Null: WebSub subscribing is off (callbacks of existing subscriptions are still answered). */
  websub: { callbackBase: string; leaseSeconds: number; renewMarginSeconds: number } | null;
  recentRecords: number;
  /** The `publish-<sink>` queues to show on the dashboard and in `/metrics`. */
  sinkQueues: readonly string[];
}

export function apiOptionsFromConfig(config: ApiConfig, sinkQueues: readonly string[] = []): ApiOptions {
  return {
    apiKeys: config.API_KEYS,
    hmacSecrets: config.API_HMAC_SECRETS,
    toleranceSeconds: config.API_SIGNATURE_TOLERANCE_SECONDS,
    bodyLimitBytes: config.API_BODY_LIMIT_BYTES,
    maxItems: config.API_MAX_ITEMS,
    rateLimit: { max: config.API_RATE_LIMIT_MAX, windowSeconds: config.API_RATE_LIMIT_WINDOW_SECONDS },
    idempotencyTtlSeconds: config.API_IDEMPOTENCY_TTL_SECONDS,
    urlPolicy: { allowPrivate: config.FETCH_ALLOW_PRIVATE, allowHosts: config.FETCH_ALLOW_HOSTS },
    websub: config.WEBSUB_CALLBACK_URL
      ? {
          callbackBase: config.WEBSUB_CALLBACK_URL,
          leaseSeconds: config.WEBSUB_LEASE_SECONDS,
          renewMarginSeconds: config.WEBSUB_RENEW_MARGIN_SECONDS,
        }
      : null,
    recentRecords: config.METRICS_RECENT_RECORDS,
    sinkQueues,
  };
}

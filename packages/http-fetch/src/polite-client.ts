import type { Redis } from 'ioredis';
import { HostBusyError } from './errors.js';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';
import { createHttpClient, type HttpClient } from './http-client.js';
import { createRobots, type Robots } from './robots.js';
import type { UrlPolicy } from './url-policy.js';

export interface PoliteClientOptions {
  redis: Redis;
  prefix: string;
  userAgent: string;
  policy?: UrlPolicy;
  connectTimeoutMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Obey robots.txt (default true). */
  respectRobots?: boolean;
  robotsTtlSeconds?: number;
  perHostConcurrency?: number;
  globalConcurrency?: number;
  /** Minimum delay between two requests to a host, in ms. */
  minDelayMs?: number;
  /** Cap on a robots.txt Crawl-delay, in ms (a site cannot stall the crawler for hours). */
  maxCrawlDelayMs?: number;
  /** How long a request may wait in place for its host; longer waits throw HostBusyError. */
  maxInPlaceWaitMs?: number;
  /** Extra trusted certificate authorities (PEM), added to Node's store (see HttpClientOptions.ca). */
  ca?: string | readonly string[];
}

export interface PoliteClient {
  http: HttpClient;
  robots: Robots;
  limiter: HostLimiter;
  close(): void;
}

/**
 * The crawler's HTTP client: every request (and every redirect hop) passes the SSRF guard, robots.txt
 * for our user agent, and the shared per-host / global limits; Crawl-delay raises the host's minimum
 * delay. A host that stays busy past `maxInPlaceWaitMs` makes the request throw HostBusyError, which
 * workers turn into a delayed job.
 */
export function createPoliteClient(options: PoliteClientOptions): PoliteClient {
  const { redis, prefix, respectRobots = true, maxCrawlDelayMs = 30_000, maxInPlaceWaitMs = 2_000 } = options;
  const minDelay = options.minDelayMs ?? 1000;
  const limiter = createHostLimiter({
    redis,
    prefix,
    perHostConcurrency: options.perHostConcurrency ?? 1,
    globalConcurrency: options.globalConcurrency ?? 0,
    minDelayMs: minDelay,
  });
  let robots: Robots | null = null;
  const http = createHttpClient({
    userAgent: options.userAgent,
    connectTimeoutMs: options.connectTimeoutMs,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    maxRedirects: options.maxRedirects,
    policy: options.policy,
    ca: options.ca,
    async beforeRequest(url, hop) {
      const verdict = respectRobots && robots ? await robots.assertAllowed(url) : null;
      const host = new URL(url).host;
      const delay =
        verdict?.crawlDelayMs == null ? undefined : Math.min(verdict.crawlDelayMs, maxCrawlDelayMs);
      // A redirect hop waits in place for its host: giving up would restart the chain from its first
      // hop, which (on the same host) would meet the same delay again, for ever.
      const wait = hop === 0 ? maxInPlaceWaitMs : Math.max(maxInPlaceWaitMs, (delay ?? 0) + minDelay + 1_000);
      const got = await limiter.acquire(host, delay, wait);
      if (!got.ok) throw new HostBusyError(host, got.waitMs);
      return got.release;
    },
  });
  robots = createRobots({
    redis,
    prefix,
    http,
    userAgent: options.userAgent,
    ttlSeconds: options.robotsTtlSeconds,
  });
  return { http, robots, limiter, close: () => http.close() };
}

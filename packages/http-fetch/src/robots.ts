import type { Redis } from 'ioredis';
import { FetchError } from './errors.js';
import type { HttpClient } from './http-client.js';
import { matchRobots, parseRobotsTxt, type RobotsRules } from './robots-rules.js';

/** What robots.txt says about one URL for our user agent. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our agent (or `*`), in milliseconds; null when none is set. */
  crawlDelayMs: number | null;
  /** Sitemap lines of the site's robots.txt. */
  sitemaps: string[];
  /** Line of robots.txt whose rule decided, or -1. */
  line: number;
}

export interface RobotsOptions {
  redis: Redis;
  /** Key prefix (the deployment prefix): entries live at `<prefix>:robots:<origin>`. */
  prefix: string;
  /** Client for robots.txt itself (its hooks are skipped; the SSRF guard still applies). */
  http: HttpClient;
  /** The user agent robots rules are matched against (its product token: "wirehose/1.2 (+url)" is "wirehose"). */
  userAgent: string;
  /** How long a fetched robots.txt is cached. */
  ttlSeconds?: number;
  /** Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB). */
  maxBytes?: number;
}

interface CachedRobots {
  /** `rules`: parse `body`; `allow-all`: 4xx, no robots.txt. */
  kind: 'rules' | 'allow-all';
  body: string;
  robotsUrl: string;
}

/** robots.txt answered 5xx or could not be fetched: the crawl must retry later. */
export class RobotsUnavailableError extends FetchError {
  constructor(robotsUrl: string, cause: unknown) {
    super(
      `robots.txt ${robotsUrl} unavailable; retry later`,
      robotsUrl,
      false,
      (cause as FetchError).status ?? null,
      {
        kind: 'robots',
        cause,
        retryAfterMs: (cause as FetchError).retryAfterMs ?? null,
      },
    );
  }
}

/** A URL disallowed by robots.txt: permanent. */
export class RobotsDisallowedError extends FetchError {
  constructor(url: string, line: number) {
    super(`${url} is disallowed by robots.txt${line > 0 ? ` (line ${line})` : ''}`, url, true, null, {
      kind: 'robots',
    });
  }
}

/**
 * robots.txt per origin, fetched once and cached in Redis (shared by every fetcher process) for
 * `ttlSeconds`. A 4xx answer means "everything allowed"; a 5xx or network failure is not cached and
 * makes `check` throw RobotsUnavailableError (retry later).
 */
export function createRobots({
  redis,
  prefix,
  http,
  userAgent,
  ttlSeconds = 24 * 3600,
  maxBytes = 512 * 1024,
}: RobotsOptions) {
  const parsed = new Map<string, { at: number; rules: RobotsRules | null }>();

  async function load(origin: string): Promise<CachedRobots> {
    const key = `${prefix}:robots:${origin}`;
    const cached = await redis.get(key);
    if (cached) return JSON.parse(cached) as CachedRobots;
    // One process fetches robots.txt; the others wait briefly for its answer instead of all asking.
    const lock = await redis.set(`${key}:lock`, '1', 'PX', 15_000, 'NX');
    if (lock !== 'OK') {
      for (let i = 0; i < 100; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const later = await redis.get(key);
        if (later) return JSON.parse(later) as CachedRobots;
        if ((await redis.exists(`${key}:lock`)) === 0) break;
      }
    }
    try {
      return await fetchRobots(key, origin);
    } finally {
      if (lock === 'OK') await redis.del(`${key}:lock`);
    }
  }

  async function fetchRobots(key: string, origin: string): Promise<CachedRobots> {
    const robotsUrl = `${origin}/robots.txt`;
    let entry: CachedRobots;
    try {
      const page = await http.get(robotsUrl, { skipHooks: true, maxBytes, accept: 'text/plain,*/*;q=0.5' });
      entry = { kind: 'rules', body: page.body, robotsUrl: page.finalUrl };
    } catch (err) {
      if (err instanceof FetchError && err.status !== null && err.status >= 400 && err.status < 500) {
        entry = { kind: 'allow-all', body: '', robotsUrl };
      } else if (err instanceof FetchError && err.kind === 'blocked') {
        throw err;
      } else {
        throw new RobotsUnavailableError(robotsUrl, err);
      }
    }
    await redis.set(key, JSON.stringify(entry), 'EX', ttlSeconds);
    return entry;
  }

  async function rulesFor(origin: string): Promise<RobotsRules | null> {
    const memo = parsed.get(origin);
    // A short in-process memo spares a Redis round trip per request; Redis stays the source of truth.
    if (memo && Date.now() - memo.at < 30_000) return memo.rules;
    const entry = await load(origin);
    const rules = entry.kind === 'rules' ? parseRobotsTxt(entry.body) : null;
    parsed.set(origin, { at: Date.now(), rules });
    if (parsed.size > 1000) parsed.delete(parsed.keys().next().value ?? '');
    return rules;
  }

  return {
    /**
     * What robots.txt says about `url`. Throws RobotsUnavailableError on a 5xx robots.txt. A string that
     * is not an absolute http(s) URL (the empty string included) has no robots.txt to ask: the answer is
     * "not allowed" (nothing can be fetched there), never an exception.
     */
    async check(url: string): Promise<RobotsVerdict> {
      let origin: string;
      try {
        const parsedUrl = new URL(url);
        if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') throw new Error('not http(s)');
        origin = parsedUrl.origin;
      } catch {
        return { allowed: false, crawlDelayMs: null, sitemaps: [], line: -1 };
      }
      const rules = await rulesFor(origin);
      if (!rules) return { allowed: true, crawlDelayMs: null, sitemaps: [], line: -1 };
      const match = matchRobots(rules, userAgent, url);
      const delay = match.crawlDelaySeconds;
      return {
        allowed: match.allowed,
        crawlDelayMs: delay === null || !Number.isFinite(delay) ? null : Math.round(delay * 1000),
        sitemaps: rules.sitemaps.flatMap((sitemap) => {
          try {
            return [new URL(sitemap, origin).toString()];
          } catch {
            return [];
          }
        }),
        line: match.line,
      };
    },
    /** Throw RobotsDisallowedError when `url` is disallowed; return the verdict otherwise. */
    async assertAllowed(url: string): Promise<RobotsVerdict> {
      const verdict = await this.check(url);
      if (!verdict.allowed) throw new RobotsDisallowedError(url, verdict.line);
      return verdict;
    },
  };
}
export type Robots = ReturnType<typeof createRobots>;

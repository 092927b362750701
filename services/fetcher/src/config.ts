import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

const hostList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  );

/** The fetcher's settings (docs/crawling.md lists each with its default and meaning). */
export const FetcherEnvSchema = BaseEnvSchema.extend({
  FETCHER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** Crawl (poll) jobs run at once per process. */
  FETCHER_CRAWL_CONCURRENCY: z.coerce.number().int().positive().default(2),
  FETCH_USER_AGENT: z.string().min(1).default('wirehose/0.1 (+https://github.com/wirehose/wirehose)'),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FETCH_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().nonnegative().default(5),
  /** Fetch loopback/private/link-local addresses too (private deployments only). */
  FETCH_ALLOW_PRIVATE: z.stringbool().default(false),
  /** Comma-separated hostnames or IPs exempt from the private-address refusal. */
  FETCH_ALLOW_HOSTS: hostList,
  FETCH_RESPECT_ROBOTS: z.stringbool().default(true),
  FETCH_ROBOTS_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** Requests in flight to one host, across all fetcher processes. */
  FETCH_HOST_CONCURRENCY: z.coerce.number().int().positive().default(1),
  /** Minimum time between two requests to one host, across all processes. */
  FETCH_HOST_MIN_DELAY_MS: z.coerce.number().int().nonnegative().default(1000),
  /** Cap on a robots.txt Crawl-delay. */
  FETCH_MAX_CRAWL_DELAY_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Requests in flight in total, across all processes (0: no limit beyond the per-process ones). */
  FETCH_GLOBAL_CONCURRENCY: z.coerce.number().int().nonnegative().default(0),
  /** Longest a job waits in place for a busy host before it is delayed instead. */
  FETCH_MAX_WAIT_IN_PLACE_MS: z.coerce.number().int().nonnegative().default(2_000),
  /** Longest Retry-After honoured; longer ones are cut to this. */
  FETCH_MAX_RETRY_AFTER_MS: z.coerce.number().int().positive().default(3_600_000),
  /** How long a fetched URL stays "seen" so discovery does not fetch it again. */
  SEEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
});
export type FetcherConfig = z.infer<typeof FetcherEnvSchema>;

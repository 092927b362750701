import { z } from 'zod';

/** pino's levels, and `silent` for none. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Raised when the environment does not satisfy a service's schema; the message lists every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(message);
  }
}

/**
 * Parse `env` once with `schema`. Fails fast with every issue named, so a bad deployment stops at start-up
 * instead of at the first job.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`invalid configuration:\n${z.prettifyError(result.error)}`, result.error.issues);
  }
  return result.data;
}

/** One schema among several checked together by {@link loadConfigs}, with the name its problems carry. */
export interface NamedSchema<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

/**
 * Parse `env` with several services' schemas and fail once, listing every problem of every service (a
 * variable several of them share is listed once, with each service that rejects it), so one run shows
 * all there is to fix. Returns each service's config by name.
 */
export function loadConfigs(
  entries: readonly NamedSchema[],
  env: Record<string, string | undefined>,
): Map<string, unknown> {
  const configs = new Map<string, unknown>();
  const problems = new Map<string, { line: string; services: string[] }>();
  const issues: z.core.$ZodIssue[] = [];
  for (const { name, schema } of entries) {
    const result = schema.safeParse(env);
    if (result.success) {
      configs.set(name, result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const line = `${issue.path.map(String).join('.') || '(environment)'}: ${issue.message}`;
      const known = problems.get(line);
      if (known) {
        known.services.push(name);
      } else {
        problems.set(line, { line, services: [name] });
        issues.push(issue);
      }
    }
  }
  if (problems.size > 0) {
    const lines = [...problems.values()].map((p) => `  ✖ ${p.line} (${p.services.join(', ')})`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`, issues);
  }
  return configs;
}

/** Settings every wirehose process shares. */
export const BaseEnvSchema = z.object({
  /**
   * Redis for queues and indexes: `redis://` or `rediss://` (one server), `redis-cluster://h:p,h:p` or a
   * comma list of `redis://` nodes (Redis Cluster), `redis-sentinel://h:p,h:p/mastername` (Sentinel).
   * `createRedis` reads it in full. Unset: the CLI starts a private redis-server.
   */
  REDIS_URL: z
    .string()
    .regex(
      /^rediss?(-cluster|-sentinel)?:\/\/\S+$/i,
      'a redis://, rediss://, redis-cluster://host:port,host:port or redis-sentinel://host:port,host:port/mastername URL',
    )
    .optional(),
  /** Prefix of every Redis key wirehose writes (queues and data), so several deployments can share a Redis. */
  WIREHOSE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, dash and underscore only')
    .default('wh'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: () => `expected one of pino's levels: ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  /** Port of this process's `GET /metrics` for Prometheus (workers; the API serves its own). Unset: none. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** How long shutdown may take before the process exits 1. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});
export type BaseEnv = z.infer<typeof BaseEnvSchema>;

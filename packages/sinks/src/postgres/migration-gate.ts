import type pg from 'pg';
import type { Logger } from '@wirehose/logger';
import { migrate } from './migrations.js';

/** The index's schema is not migrated yet (PostgreSQL unreachable so far); the sink job retries. */
export class IndexNotReadyError extends Error {
  override readonly name = 'IndexNotReadyError';
  constructor(
    readonly sink: string,
    options?: ErrorOptions,
  ) {
    super(
      `postgres sink ${sink}: the index schema is not migrated yet (PostgreSQL unreachable?); ` +
        'the migration is retried in the background, or run `wirehose migrate`',
      options,
    );
  }
}

export interface MigrationGate {
  /** Resolves once the schema is migrated; throws IndexNotReadyError (retryable) before that. */
  ready(): Promise<void>;
  /** Stop retrying in the background. */
  stop(): void;
}

/**
 * Bring the index schema up to date without making PostgreSQL a start-up dependency: the first try
 * runs at once, failures are retried in the background with exponential backoff (1 s doubling to
 * `maxDelayMs`), and writes wait for it by failing with a retryable error meanwhile. So the publisher
 * starts, and its other sinks run, while PostgreSQL is down.
 */
export function startMigrationGate(
  pool: pg.Pool,
  {
    schema,
    sink,
    log,
    maxDelayMs = 60_000,
  }: { schema: string; sink: string; log?: Logger; maxDelayMs?: number },
): MigrationGate {
  let done = false;
  let stopped = false;
  let lastError: unknown = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const attempt = (delayMs: number): Promise<void> =>
    migrate(pool, { schema }).then(
      ({ applied }) => {
        done = true;
        if (applied.length > 0) log?.info({ sink, applied }, 'postgres index migrated');
      },
      (err: unknown) => {
        lastError = err;
        log?.warn({ sink, err, retryInMs: delayMs }, 'postgres index migration failed; retrying');
        if (stopped) return;
        timer = setTimeout(() => {
          running = attempt(Math.min(delayMs * 2, maxDelayMs));
        }, delayMs);
        timer.unref();
      },
    );
  running = attempt(1_000);
  return {
    async ready() {
      if (done) return;
      await running;
      if (!done) throw new IndexNotReadyError(sink, { cause: lastError });
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

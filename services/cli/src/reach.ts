import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Redis } from 'ioredis';

/**
 * Something a command needs (Redis, PostgreSQL, a file) could not be reached or used. The message is one
 * line: what, where, and how to fix it. The CLI prints it without a stack trace.
 */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** How long a command waits for Redis or PostgreSQL to answer before it gives up. */
export const REACH_TIMEOUT_MS = 3_000;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function describeFailure(err: unknown): string {
  // Socket errors carry a readable code (ECONNREFUSED, ENOTFOUND); server errors a message.
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  const message = err instanceof Error ? err.message : String(err);
  return message || (typeof code === 'string' ? code : 'unknown error');
}

/** Reject after `ms` with `message`; the timer does not keep the process alive. */
export async function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreachableError(message)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connect to Redis and PING it once, without retries, within `timeoutMs`: a command checks this before it
 * starts, so an unreachable Redis is one clear line instead of a hang or endless reconnect logs.
 */
export async function checkRedis(url: string, timeoutMs = REACH_TIMEOUT_MS): Promise<void> {
  const where = redactUrl(url);
  const hint = 'start Redis there, or set REDIS_URL to a running one (e.g. redis://127.0.0.1:6379)';
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: unknown;
  client.on('error', (err: unknown) => {
    lastError = err;
  });
  try {
    await withDeadline(
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      timeoutMs,
      `cannot reach Redis at ${where} (no answer within ${timeoutMs} ms): ${hint}`,
    );
  } catch (err) {
    if (err instanceof UnreachableError) throw err;
    throw new UnreachableError(
      `cannot reach Redis at ${where} (${describeFailure(lastError ?? err)}): ${hint}`,
      { cause: err },
    );
  } finally {
    client.disconnect();
  }
}

/**
 * Check that `DATABASE_URL` is a PostgreSQL URL before a connection is tried with it (the driver reads
 * anything else as a host name and fails with a DNS error that does not name the variable).
 */
export function checkDatabaseUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new UnreachableError(
      `DATABASE_URL is not a URL: "${url}"; set it to postgres://USER[:PASSWORD]@HOST:5432/DATABASE`,
    );
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:')
    throw new UnreachableError(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${redactUrl(url)}"; set it to postgres://USER[:PASSWORD]@HOST:5432/DATABASE`,
    );
}

/** Something that runs a query: a pg Pool or Client. */
export interface Queryable {
  query(text: string): Promise<unknown>;
}

/** Run `SELECT 1` within `timeoutMs`; a failure names the database and says to set `DATABASE_URL`. */
export async function checkPostgres(
  pool: Queryable,
  url: string,
  timeoutMs = REACH_TIMEOUT_MS,
): Promise<void> {
  const where = redactUrl(url);
  const hint = 'start PostgreSQL there, or set DATABASE_URL to a running one';
  try {
    await withDeadline(
      pool.query('SELECT 1'),
      timeoutMs,
      `cannot reach PostgreSQL at ${where} (no answer within ${timeoutMs} ms): ${hint}`,
    );
  } catch (err) {
    if (err instanceof UnreachableError) throw err;
    throw new UnreachableError(`cannot reach PostgreSQL at ${where} (${describeFailure(err)}): ${hint}`, {
      cause: err,
    });
  }
}

/** Whether a PostgreSQL error says a schema or table is missing (the index was never migrated). */
export function isMissingRelation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '42P01' || code === '3F000';
}

/** A missing schema or table becomes "search index not found: run `wirehose migrate`"; others pass. */
export function explainIndexError(err: unknown, schema: string): unknown {
  if (!isMissingRelation(err)) return err;
  return new UnreachableError(
    `search index not found (no schema "${schema}" with its tables): run \`wirehose migrate\` (same DATABASE_URL and PG_SCHEMA) first`,
    { cause: err },
  );
}

/**
 * Fail at once, naming the path, when the demo's output file cannot be written (its directory is created
 * if missing): the NDJSON sink would otherwise retry every record while the demo waits for it.
 */
export async function assertWritable(path: string): Promise<void> {
  try {
    await makeDirectory(dirname(path));
    const handle = await open(path, 'a');
    await handle.close();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new UnreachableError(
      `cannot write the demo output ${path} (${typeof code === 'string' ? code : String(err)}): pass --out FILE (or set DEMO_OUT) in a writable directory`,
      { cause: err },
    );
  }
}

/**
 * `mkdir -p`, one level at a time: `mkdir(dir, { recursive: true })` under a directory that refuses new
 * entries without saying ENOENT for its parent (procfs: /proc/nope) spins forever on Node 20.
 */
async function makeDirectory(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ENOENT') throw err;
  }
  const parent = dirname(dir);
  if (parent !== dir) await makeDirectory(parent);
  try {
    await mkdir(dir);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
  }
}

/** What kind of failure a FetchError is; `permanent` says whether a retry could help. */
export type FetchFailure =
  'status' | 'too-large' | 'timeout' | 'network' | 'redirects' | 'blocked' | 'robots' | 'decode' | 'tls';

/** A fetch that did not produce a usable body. `permanent` failures are not retried. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly permanent: boolean,
    readonly status: number | null = null,
    options?: { cause?: unknown; kind?: FetchFailure; retryAfterMs?: number | null },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options?.kind ?? (status === null ? 'network' : 'status');
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
  /** Classification of the failure, for logs and poll stats. */
  readonly kind: FetchFailure;
  /** Delay the server asked for (Retry-After on 429 and 503), in milliseconds. */
  readonly retryAfterMs: number | null;
}

/**
 * A host is busy (its concurrency lease or minimum delay is not free): try again after `waitMs`.
 * Workers turn it into a delayed job rather than holding a slot.
 */
export class HostBusyError extends Error {
  override readonly name = 'HostBusyError';
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`host ${host} is busy; retry in ${waitMs} ms`);
  }
}

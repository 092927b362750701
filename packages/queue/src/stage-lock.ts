/**
 * How a stage's jobs are held. A worker holds a lock per job for `lockDurationMs` and renews it every
 * half of that while the job runs; `stalledIntervalMs` is how often workers look for jobs whose lock
 * expired (their worker died) and put them back. A dead worker's job restarts within
 * `lockDurationMs + stalledIntervalMs`. A job found stalled more than `maxStalledCount` times fails
 * for good (and goes to the dead-letter queue): it is probably what kills its workers.
 */
export interface StageLock {
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
}

/**
 * 10 s lock + 5 s check: a held job restarts at most 15 s after its worker dies. Renewal runs every
 * 5 s on the worker's event loop, so only a loop blocked for 10 s would cause a false stall; the
 * stages' synchronous work (extraction, event coding of one article) takes well under a second.
 */
const DEFAULT_LOCK: StageLock = { lockDurationMs: 10_000, stalledIntervalMs: 5_000, maxStalledCount: 1 };

/** The lock timing of a stage worker: the defaults with the worker's own overrides. */
export function stageLock(overrides: Partial<StageLock> = {}): StageLock {
  return { ...DEFAULT_LOCK, ...overrides };
}

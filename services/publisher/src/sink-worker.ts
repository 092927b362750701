import { UnrecoverableError } from 'bullmq';
import type { Logger } from '@wirehose/logger';
import { PermanentSinkError, type Sink, type SinkJob } from '@wirehose/sinks';
import type { Stores } from '@wirehose/store';

/** The stored record is older than the job asks for; the job retries until the store catches up. */
export class StaleRecordError extends Error {
  override readonly name = 'StaleRecordError';
  constructor(
    readonly storyId: string,
    readonly wanted: number,
    readonly stored: number,
  ) {
    super(`record of story ${storyId} is at version ${stored}, job wants ${wanted}`);
  }
}

/**
 * A sink job: load the story's stored record (by reference; the newest version, which is at least the
 * job's) and write it to the sink. Errors the sink calls permanent skip the remaining retries.
 */
export function createSinkProcessor({ sink, stores }: { sink: Sink; stores: Stores }) {
  return async function processSinkJob(job: SinkJob, log: Logger) {
    const record = await stores.records.get(job.storyId);
    if (!record) throw new UnrecoverableError(`record of story ${job.storyId} is not in the record store`);
    if (record.version < job.version) throw new StaleRecordError(job.storyId, job.version, record.version);
    let outcome;
    try {
      outcome = await sink.write(record);
    } catch (err) {
      if (err instanceof PermanentSinkError) throw new UnrecoverableError(err.message);
      throw err;
    }
    log.debug({ sink: sink.name, storyId: record.id, version: record.version, outcome }, 'sink write');
    return { storyId: record.id, version: record.version, outcome };
  };
}

import type { Worker } from 'bullmq';
import { createDedupIndex } from '@wirehose/dedup';
import { createStageWorker, publishQueue, type RunningService, type StageDeps } from '@wirehose/queue';
import { loadSinksConfig, openSinks, type OpenSink, type ResolvedSinkConfig } from '@wirehose/sinks';
import { createStores } from '@wirehose/store';
import type { PublisherConfig } from './config.js';
import { createFanOut, SINKS_DONE_JOB } from './fan-out.js';
import { createPublishProcessor } from './processor.js';
import { createSinkProcessor } from './sink-worker.js';
import { sinkDefaults } from './sink-defaults.js';
import { forService } from '@wirehose/logger';

export type PublisherOptions = Pick<
  PublisherConfig,
  'PUBLISHER_CONCURRENCY' | 'NDJSON_PATH' | 'RECORDS_STREAM' | 'RECORDS_STREAM_MAXLEN'
> &
  Partial<
    Pick<PublisherConfig, 'SINKS_FILE' | 'PUBLISHER_SINK_WORKERS' | 'DATABASE_URL' | 'PG_SCHEMA' | 'PG_SINK'>
  > & {
    DEDUP_WINDOW_SECONDS?: number;
    /** Sinks to use instead of SINKS_FILE / the env defaults (tests, embedding). */
    sinks?: readonly ResolvedSinkConfig[];
  };

/** Which sinks get a worker in this process (`PUBLISHER_SINK_WORKERS`). */
function runsWorker(selection: string, name: string): boolean {
  const wanted = selection.trim();
  if (wanted === 'all') return true;
  if (wanted === 'none' || wanted === '') return false;
  return wanted
    .split(',')
    .map((s) => s.trim())
    .includes(name);
}

/**
 * The publisher consumes `publish`: it builds each story's record, stores a new version when the content
 * changed, and fans out one job per configured sink (`publish-<sink>`). It also runs the sink workers
 * (all, or those PUBLISHER_SINK_WORKERS names), each with its own queue, retries and dead letters.
 */
export async function startPublisher(deps: StageDeps, config: PublisherOptions): Promise<RunningService> {
  const log = forService(deps.log, 'publisher');
  const stores = createStores({ redis: deps.redis, prefix: deps.prefix, ...deps.retention });
  const configs = config.sinks ?? (await loadSinksConfig(config.SINKS_FILE, sinkDefaults(config)));
  const sinks: OpenSink[] = await openSinks(configs, { redis: deps.redis, prefix: deps.prefix, log });
  const fanOut = createFanOut(deps.queues, sinks);
  const index = createDedupIndex({
    redis: deps.redis,
    prefix: stores.keys.dedup(),
    ...(config.DEDUP_WINDOW_SECONDS ? { windowSeconds: config.DEDUP_WINDOW_SECONDS } : {}),
  });
  const process = createPublishProcessor({ redis: deps.redis, stores, index, fanOut });
  const workers: Worker[] = [
    createStageWorker(
      publishQueue,
      async (data, job, jobLog) => {
        // The parent of a record's sink jobs: it runs once they have all finished.
        if (job.name === SINKS_DONE_JOB) return { sinksDone: true };
        return process(data, jobLog);
      },
      { ...deps.queues, log, deadLetters: deps.deadLetters, concurrency: config.PUBLISHER_CONCURRENCY },
    ),
  ];
  for (const open of sinks) {
    if (!runsWorker(config.PUBLISHER_SINK_WORKERS ?? 'all', open.config.name)) continue;
    const write = createSinkProcessor({ sink: open.sink, stores });
    workers.push(
      createStageWorker(open.queue, (data, _job, jobLog) => write(data, jobLog), {
        ...deps.queues,
        log: log.child({ sink: open.config.name }),
        deadLetters: deps.deadLetters,
        concurrency: open.config.concurrency,
      }),
    );
  }
  log.info(
    { sinks: sinks.map((s) => ({ name: s.config.name, type: s.config.type, queue: s.queue.name })) },
    'publisher sinks',
  );
  return {
    name: 'publisher',
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await fanOut.close();
      await Promise.all(sinks.map((s) => s.close()));
    },
  };
}

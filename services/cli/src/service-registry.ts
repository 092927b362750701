import type { z } from 'zod';
import type { BaseEnvSchema } from '@wirehose/config';
import type { RunningService, StageDeps } from '@wirehose/queue';
import { ApiEnvSchema, startApi } from '@wirehose/svc-api';
import { DedupEnvSchema, startDedup } from '@wirehose/svc-dedup';
import { EventsEnvSchema, startEvents } from '@wirehose/svc-events';
import { ExtractorEnvSchema, startExtractor } from '@wirehose/svc-extractor';
import { FetcherEnvSchema, startFetcher } from '@wirehose/svc-fetcher';
import { PublisherEnvSchema, startPublisher } from '@wirehose/svc-publisher';
import { SchedulerEnvSchema, startScheduler } from '@wirehose/svc-scheduler';
import type { ServiceName } from './service-names.js';

export { SERVICE_NAMES, isServiceName } from './service-names.js';
export type { ServiceName } from './service-names.js';

interface ServiceEntry<S extends typeof BaseEnvSchema = typeof BaseEnvSchema> {
  schema: S;
  start(deps: StageDeps, config: z.infer<S>): RunningService | Promise<RunningService>;
}

function entry<S extends typeof BaseEnvSchema>(e: ServiceEntry<S>): ServiceEntry {
  return e;
}

/**
 * How to start each service (names and order: `service-names.ts`, which the command table reads without
 * loading the services).
 */
export const SERVICES: Record<ServiceName, ServiceEntry> = {
  fetcher: entry({ schema: FetcherEnvSchema, start: startFetcher }),
  extractor: entry({ schema: ExtractorEnvSchema, start: startExtractor }),
  dedup: entry({ schema: DedupEnvSchema, start: startDedup }),
  events: entry({ schema: EventsEnvSchema, start: startEvents }),
  publisher: entry({ schema: PublisherEnvSchema, start: startPublisher }),
  scheduler: entry({ schema: SchedulerEnvSchema, start: startScheduler }),
  /** The HTTP API (ingest, WebSub, operations); started only when named: `wirehose run api`. */
  api: entry({ schema: ApiEnvSchema, start: startApi }),
};

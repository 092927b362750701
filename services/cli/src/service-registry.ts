import type { z } from 'zod';
import type { BaseEnvSchema } from '@wirehose/config';
import type { RunningService, StageDeps } from '@wirehose/queue';
import { DedupEnvSchema, startDedup } from '@wirehose/svc-dedup';
import { EventsEnvSchema, startEvents } from '@wirehose/svc-events';
import { ExtractorEnvSchema, startExtractor } from '@wirehose/svc-extractor';
import { FetcherEnvSchema, startFetcher } from '@wirehose/svc-fetcher';
import { PublisherEnvSchema, startPublisher } from '@wirehose/svc-publisher';
import { SchedulerEnvSchema, startScheduler } from '@wirehose/svc-scheduler';

interface ServiceEntry<S extends typeof BaseEnvSchema = typeof BaseEnvSchema> {
  schema: S;
  start(deps: StageDeps, config: z.infer<S>): RunningService | Promise<RunningService>;
}

function entry<S extends typeof BaseEnvSchema>(e: ServiceEntry<S>): ServiceEntry {
  return e as unknown as ServiceEntry;
}

/** Every service `wirehose run` can start, in pipeline order (the scheduler last: it feeds the others). */
export const SERVICES = {
  fetcher: entry({ schema: FetcherEnvSchema, start: startFetcher }),
  extractor: entry({ schema: ExtractorEnvSchema, start: startExtractor }),
  dedup: entry({ schema: DedupEnvSchema, start: startDedup }),
  events: entry({ schema: EventsEnvSchema, start: startEvents }),
  publisher: entry({ schema: PublisherEnvSchema, start: startPublisher }),
  scheduler: entry({ schema: SchedulerEnvSchema, start: startScheduler }),
} as const;

export type ServiceName = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];

export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(SERVICES, name);
}

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
  /** The HTTP API (ingest, WebSub, operations); started only when named: `wirehose run api`. */
  api: entry({ schema: ApiEnvSchema, start: startApi }),
} as const;

export type ServiceName = keyof typeof SERVICES;

/** Services started on their own only when named (they listen on a port). */
const ON_REQUEST: readonly ServiceName[] = ['api'];

/** The default set of `wirehose run` (and the demo): every pipeline stage, not the API. */
export const SERVICE_NAMES = (Object.keys(SERVICES) as ServiceName[]).filter((s) => !ON_REQUEST.includes(s));

export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(SERVICES, name);
}

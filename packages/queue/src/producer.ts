import { Queue, type JobsOptions, type ConnectionOptions } from 'bullmq';
import type { z } from 'zod';
import type { QueueDef } from './queues.js';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import { queueOptions } from './queue-keys.js';

export interface QueueContext {
  connection: ConnectionOptions;
  /** Deployment key prefix: every queue key starts with it (then the queue's hash tag, `queuePrefix`). */
  prefix: string;
}

/** Payload failed its queue's schema before it was added. */
export class InvalidJobError extends Error {
  override readonly name = 'InvalidJobError';
  constructor(
    readonly queue: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(
      `invalid ${queue} job: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
}

export interface Producer<S extends z.ZodType> {
  readonly queue: Queue;
  add(data: z.input<S>, opts?: JobsOptions): Promise<string>;
  close(): Promise<void>;
}

/** A typed producer: validates with the queue's schema, then adds with the default retry policy. */
export function createProducer<S extends z.ZodType>(def: QueueDef<S>, ctx: QueueContext): Producer<S> {
  const queue = new Queue(def.name, {
    ...queueOptions(ctx, def.name),
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  return {
    queue,
    async add(data, opts) {
      const parsed = def.schema.safeParse(data);
      if (!parsed.success) throw new InvalidJobError(def.name, parsed.error.issues);
      const job = await queue.add(def.name, parsed.data, opts);
      return job.id ?? '';
    },
    close: () => queue.close(),
  };
}

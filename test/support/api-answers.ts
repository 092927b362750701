import { z } from 'zod';

/**
 * The API answers the tests read, parsed with zod so a test fails on a body of the wrong shape
 * instead of reading fields of `any`. Loose objects: a test names only the fields it checks.
 */
const ItemAnswerSchema = z.looseObject({
  status: z.string(),
  queue: z.string().optional(),
  jobId: z.string().optional(),
  reason: z.string().optional(),
});

const ErrorAnswerSchema = z.looseObject({
  statusCode: z.number().optional(),
  code: z.string().optional(),
  message: z.string(),
  issues: z.array(z.looseObject({})).optional(),
  items: z.array(ItemAnswerSchema).optional(),
});

const IngestAnswerSchema = z.looseObject({ accepted: z.number(), items: z.array(ItemAnswerSchema) });

const SearchAnswerSchema = z.looseObject({
  count: z.number(),
  hits: z.array(z.looseObject({ id: z.string(), highlight: z.string().optional() })),
});

const SubscriptionsAnswerSchema = z.looseObject({ subscriptions: z.array(z.looseObject({})) });

/** Something with a JSON body: fastify's inject response. */
interface JsonAnswer {
  json(): unknown;
}

export type ErrorAnswer = z.infer<typeof ErrorAnswerSchema>;

export function errorOf(res: JsonAnswer): ErrorAnswer {
  return ErrorAnswerSchema.parse(res.json());
}

export function ingestOf(res: JsonAnswer): z.infer<typeof IngestAnswerSchema> {
  return IngestAnswerSchema.parse(res.json());
}

export function searchOf(res: JsonAnswer): z.infer<typeof SearchAnswerSchema> {
  return SearchAnswerSchema.parse(res.json());
}

export function subscriptionsOf(res: JsonAnswer): z.infer<typeof SubscriptionsAnswerSchema> {
  return SubscriptionsAnswerSchema.parse(res.json());
}

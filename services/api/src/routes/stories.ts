import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../http-error.js';
import type { ApiContext } from '../context.js';
import { ErrorSchema, jsonSchema, routeDoc } from '../openapi.js';

const StoryParams = z.object({ id: z.string().min(1).max(100) });

const SearchQuery = z.object({
  q: z.string().min(1, 'must not be empty').max(500),
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO-3166 alpha-3 code')
    .optional(),
  type: z
    .string()
    .regex(/^[A-Za-z_]+$/, 'must be a PLOVER event type')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** SQLSTATEs of a missing table or schema: the index was never created in this database. */
const NOT_MIGRATED = new Set(['42P01', '3F000']);
/** Connection failures: PostgreSQL is down or DATABASE_URL points nowhere. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03']);

/** A search failure as the answer a client can act on; anything unknown stays a 500. */
function classifySearchError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  if (NOT_MIGRATED.has(code)) {
    return new HttpError(
      503,
      'the search index does not exist in the PostgreSQL of DATABASE_URL (PG_SCHEMA): run `wirehose migrate` ' +
        'with the same DATABASE_URL and PG_SCHEMA, then index records with the publisher (PG_SINK=true)',
      { code: 'WH_ERR_SEARCH_NOT_MIGRATED' },
      { 'retry-after': '60' },
    );
  }
  if (UNREACHABLE.has(code)) {
    return new HttpError(
      503,
      `the PostgreSQL of DATABASE_URL cannot be reached (${code}); check DATABASE_URL and that PostgreSQL is up`,
      { code: 'WH_ERR_SEARCH_UNREACHABLE' },
      { 'retry-after': '10' },
    );
  }
  return err;
}

export function registerStoryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    '/v1/stories/:id',
    {
      preValidation: ctx.authenticate,
      schema: routeDoc({
        summary: 'The latest published record of a story',
        tags: ['stories'],
        params: jsonSchema(StoryParams),
        response: { 401: ErrorSchema, 404: ErrorSchema },
      }),
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const record = await ctx.stores.records.get(id);
      if (!record) throw new HttpError(404, `no published record for story ${id.slice(0, 100)}`);
      return record;
    },
  );

  app.get(
    '/v1/search',
    {
      preValidation: ctx.authenticate,
      preHandler: ctx.rateLimit,
      schema: routeDoc({
        summary: 'Full-text search over published stories (PostgreSQL)',
        tags: ['stories'],
        querystring: jsonSchema(SearchQuery),
        response: { 400: ErrorSchema, 401: ErrorSchema, 503: ErrorSchema },
      }),
    },
    async (req) => {
      if (!ctx.search)
        throw new HttpError(503, 'search is off: set DATABASE_URL to the PostgreSQL of the publisher', {
          code: 'WH_ERR_SEARCH_OFF',
        });
      const parsed = SearchQuery.safeParse(req.query);
      if (!parsed.success) {
        throw new HttpError(
          400,
          parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '),
        );
      }
      const { q, since, country, type, limit } = parsed.data;
      const hits = await ctx
        .search({
          query: q,
          ...(since ? { since: new Date(since) } : {}),
          ...(country ? { country } : {}),
          ...(type ? { type } : {}),
          ...(limit ? { limit } : {}),
        })
        .catch((err: unknown) => {
          throw classifySearchError(err);
        });
      return { query: q, count: hits.length, hits };
    },
  );
}

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
        throw new HttpError(503, 'search is off: set DATABASE_URL to the PostgreSQL of the publisher');
      const parsed = SearchQuery.safeParse(req.query);
      if (!parsed.success) {
        throw new HttpError(
          400,
          parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '),
        );
      }
      const { q, since, country, type, limit } = parsed.data;
      const hits = await ctx.search({
        query: q,
        ...(since ? { since: new Date(since) } : {}),
        ...(country ? { country } : {}),
        ...(type ? { type } : {}),
        ...(limit ? { limit } : {}),
      });
      return { query: q, count: hits.length, hits };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ArticleItemSchema,
  HtmlItemSchema,
  UrlItemSchema,
  describeIssues,
  parseIngestBody,
} from '../ingest-schema.js';
import { IDEMPOTENCY_HEADER } from '../idempotency.js';
import { HttpError, errorBody } from '../http-error.js';
import type { ItemResult } from '../ingester.js';
import type { ApiContext } from '../context.js';
import { ErrorSchema, jsonSchema, routeDoc } from '../openapi.js';

const ItemResultSchema = z.object({
  index: z.int(),
  url: z.string(),
  status: z.enum(['queued', 'duplicate', 'refused']),
  queue: z.string().optional(),
  jobId: z.string().optional(),
  reason: z.string().optional(),
});
const IngestAnswerSchema = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  refused: z.int(),
  items: z.array(ItemResultSchema),
});

const DocBodySchema = z.object({
  items: z.array(z.union([UrlItemSchema, HtmlItemSchema, ArticleItemSchema])).min(1),
  sourceName: z.string().optional(),
  priority: z.int().min(0).max(2_097_152).optional(),
});

/** The answer to an ingest request and its status: 202 when something was queued, 422 when all was refused. */
export function ingestAnswer(results: ItemResult[]): { statusCode: number; body: Record<string, unknown> } {
  const count = (s: ItemResult['status']) => results.filter((r) => r.status === s).length;
  const summary = {
    accepted: count('queued'),
    duplicates: count('duplicate'),
    refused: count('refused'),
    items: results,
  };
  if (summary.accepted > 0) return { statusCode: 202, body: summary };
  if (summary.refused === results.length) {
    const reasons = results.map((r) => `items[${r.index}]: ${r.status === 'refused' ? r.reason : r.status}`);
    return {
      statusCode: 422,
      body: { ...errorBody(422, `no item was accepted: ${reasons.join('; ')}`), ...summary },
    };
  }
  return { statusCode: 200, body: summary };
}

export function registerIngestRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post(
    '/v1/ingest',
    {
      preValidation: ctx.authenticate,
      preHandler: ctx.rateLimit,
      schema: routeDoc({
        summary: 'Submit URLs to fetch, pages to extract or extracted articles',
        description:
          'Authenticate with `Authorization: Bearer <key>` or `x-wirehose-signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. ' +
          'An `Idempotency-Key` header makes a repeat return the first answer. A bad item rejects the whole request (400).',
        tags: ['ingest'],
        headers: jsonSchema(
          z.object({
            'idempotency-key': z.string().max(200).optional(),
            'x-wirehose-signature': z.string().optional(),
            'x-wirehose-client': z.string().optional(),
          }),
        ),
        body: jsonSchema(DocBodySchema),
        response: {
          200: jsonSchema(IngestAnswerSchema),
          202: jsonSchema(IngestAnswerSchema),
          400: ErrorSchema,
          401: ErrorSchema,
          409: ErrorSchema,
          413: ErrorSchema,
          422: ErrorSchema,
          429: ErrorSchema,
        },
      }),
    },
    async (req, reply) => {
      if (Buffer.isBuffer(req.body)) {
        throw new HttpError(415, 'send the body as application/json');
      }
      const parsed = parseIngestBody(req.body, ctx.options.maxItems);
      if (!parsed.ok) {
        throw new HttpError(400, describeIssues(parsed.issues), { issues: parsed.issues });
      }
      const client = req.client?.name ?? 'anonymous';
      const key = req.headers[IDEMPOTENCY_HEADER];
      const idemKey = Array.isArray(key) ? key[0] : key;
      if (idemKey !== undefined && (idemKey.length === 0 || idemKey.length > 200)) {
        throw new HttpError(400, 'Idempotency-Key must be 1 to 200 characters');
      }
      const claim =
        idemKey === undefined
          ? null
          : await ctx.idempotency.claim(client, idemKey, req.rawBody ?? Buffer.alloc(0));
      if (claim?.kind === 'replay') {
        void reply.header('idempotent-replayed', 'true');
        return reply.code(claim.statusCode).send(claim.body);
      }
      if (claim?.kind === 'in-progress') {
        throw new HttpError(409, 'a request with this Idempotency-Key is still being handled; retry later');
      }
      if (claim?.kind === 'mismatch') {
        throw new HttpError(422, 'this Idempotency-Key was used with a different body', {
          code: 'WH_ERR_IDEMPOTENCY_MISMATCH',
        });
      }
      let answer: { statusCode: number; body: Record<string, unknown> };
      try {
        const results = await ctx.ingester.ingest(parsed.items, 'ingest');
        results.forEach((r, i) =>
          ctx.metrics.items.inc({ via: 'ingest', kind: parsed.items[i]?.kind ?? 'url', outcome: r.status }),
        );
        answer = ingestAnswer(results);
      } catch (err) {
        if (claim?.kind === 'claimed') await claim.release().catch(() => undefined);
        if (err instanceof HttpError) throw err;
        req.log.error({ err }, 'ingest failed');
        throw new HttpError(
          503,
          'the queues could not be reached; retry later (items already taken answer as duplicates)',
          {},
          {
            'retry-after': '5',
          },
        );
      }
      if (claim?.kind === 'claimed') await claim.complete(answer.statusCode, answer.body);
      req.log.info(
        { client, accepted: answer.body['accepted'], duplicates: answer.body['duplicates'] },
        'ingest request handled',
      );
      return reply.code(answer.statusCode).send(answer.body);
    },
  );
}

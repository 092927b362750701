import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FeedParseError, parseDiscovery } from '@wirehose/sources';
import { HttpError } from '../http-error.js';
import type { Submission } from '../ingester.js';
import type { ApiContext } from '../context.js';
import { ErrorSchema, jsonSchema, routeDoc } from '../openapi.js';
import { verifyHubSignature } from '../websub/hub-signature.js';

const SubscribeBodySchema = z.strictObject({
  hub: z.url({ protocol: /^https?$/ }),
  topic: z.url({ protocol: /^https?$/ }),
  sourceName: z.string().min(1).max(200).optional(),
  leaseSeconds: z.int().positive().optional(),
});

const IdParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/) });

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function registerWebSubRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const requireWebSub = () => {
    if (!ctx.options.websub) {
      throw new HttpError(503, 'WebSub is off: set WEBSUB_CALLBACK_URL to the public base URL of this API', {
        code: 'WH_ERR_WEBSUB_OFF',
      });
    }
  };

  app.post(
    '/v1/websub/subscriptions',
    {
      preValidation: ctx.authenticate,
      preHandler: ctx.rateLimit,
      schema: routeDoc({
        summary: 'Subscribe to a feed through its WebSub hub',
        tags: ['websub'],
        body: jsonSchema(SubscribeBodySchema),
        response: {
          400: ErrorSchema,
          401: ErrorSchema,
          422: ErrorSchema,
          502: ErrorSchema,
          503: ErrorSchema,
        },
      }),
    },
    async (req, reply) => {
      requireWebSub();
      const parsed = SubscribeBodySchema.safeParse(req.body);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
        throw new HttpError(400, message.join('; '));
      }
      const sub = await ctx.websub.subscribe(parsed.data);
      return reply.code(202).send(ctx.websub.publicView(sub));
    },
  );

  app.get(
    '/v1/websub/subscriptions',
    {
      preValidation: ctx.authenticate,
      schema: routeDoc({ summary: 'List WebSub subscriptions (secrets left out)', tags: ['websub'] }),
    },
    async () => ({ subscriptions: (await ctx.websub.list()).map(ctx.websub.publicView) }),
  );

  app.delete(
    '/v1/websub/subscriptions/:id',
    {
      preValidation: ctx.authenticate,
      preHandler: ctx.rateLimit,
      schema: routeDoc({ summary: 'Unsubscribe', tags: ['websub'], params: jsonSchema(IdParams) }),
    },
    async (req, reply) => {
      requireWebSub();
      const { id } = req.params as { id: string };
      const sub = await ctx.websub.unsubscribe(id);
      return reply.code(202).send(ctx.websub.publicView(sub));
    },
  );

  app.get(
    '/websub/callback/:id',
    {
      schema: routeDoc({
        summary: "A hub's verification of intent",
        tags: ['websub'],
        params: jsonSchema(IdParams),
        security: [],
      }),
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const answer = await ctx.websub.verify(id, req.query as Record<string, unknown>);
      if (answer.statusCode === 404) throw new HttpError(404, answer.message);
      return reply.code(200).type('text/plain; charset=utf-8').send(answer.challenge);
    },
  );

  app.post(
    '/websub/callback/:id',
    {
      schema: routeDoc({
        summary: "A hub's content delivery (signed with hub.secret)",
        tags: ['websub'],
        params: jsonSchema(IdParams),
        security: [],
      }),
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const sub = await ctx.websub.get(id);
      if (!sub || sub.state === 'denied') throw new HttpError(404, 'no WebSub subscription here');
      const body = req.rawBody ?? Buffer.alloc(0);
      const check = verifyHubSignature(sub.secret, body, {
        sha256: headerValue(req.headers['x-hub-signature-256']),
        legacy: headerValue(req.headers['x-hub-signature']),
      });
      if (!check.ok) throw new HttpError(403, check.message);
      let items;
      try {
        items = parseDiscovery(body.toString('utf8'), sub.topic).items;
      } catch (err) {
        if (err instanceof FeedParseError) throw new HttpError(400, `the delivered feed could not be parsed`);
        throw err;
      }
      const submissions: Submission[] = items.map((item) => ({
        kind: 'url',
        item: { url: item.url, ...(sub.sourceName ? { sourceName: sub.sourceName } : {}) },
        hint: { title: item.title, publishedAt: item.publishedAt, updatedAt: item.updatedAt },
      }));
      const results = await ctx.ingester.ingest(submissions, 'websub');
      for (const r of results) ctx.metrics.items.inc({ via: 'websub', kind: 'url', outcome: r.status });
      const count = (s: string) => results.filter((r) => r.status === s).length;
      req.log.info(
        { websub: { id, topic: sub.topic }, items: results.length, accepted: count('queued') },
        'websub delivery handled',
      );
      return reply.code(202).send({
        accepted: count('queued'),
        duplicates: count('duplicate'),
        refused: count('refused'),
        items: results,
      });
    },
  );
}

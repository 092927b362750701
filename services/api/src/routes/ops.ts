import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { routeDoc } from '../openapi.js';

export function registerOpsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    '/healthz',
    { schema: routeDoc({ summary: 'The process is up', tags: ['operations'], security: [] }) },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    {
      schema: routeDoc({
        summary: 'Redis reachable and no stage queue paused (503 otherwise)',
        tags: ['operations'],
        security: [],
      }),
    },
    async (_req, reply) => {
      const problems: string[] = [];
      try {
        await ctx.redis.ping();
        const paused = await Promise.all(
          ctx.stageQueues.map(async (q) => [q.name, await q.isPaused()] as const),
        );
        for (const [name, isPaused] of paused) if (isPaused) problems.push(`queue ${name} is paused`);
      } catch (err) {
        problems.push(`redis unreachable: ${(err as Error).message}`);
      }
      if (problems.length > 0) {
        return reply.code(503).send({ status: 'unavailable', statusCode: 503, message: problems.join('; ') });
      }
      return { status: 'ready' };
    },
  );

  app.get(
    '/metrics',
    { schema: routeDoc({ summary: 'Prometheus metrics', tags: ['operations'], security: [] }) },
    async (_req, reply) => {
      const body = await ctx.registry.metrics();
      return reply.type(ctx.registry.contentType).send(body);
    },
  );
}

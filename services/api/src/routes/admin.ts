import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { authenticate, type AuthConfig } from '../auth.js';
import { HttpError, errorBody } from '../http-error.js';

export const ADMIN_BASE_PATH = '/admin/queues';

/**
 * The bull-board queue dashboard under `/admin/queues`, behind the API keys: `Authorization: Bearer <key>`
 * or basic auth with an API key as the password (browsers prompt for it).
 */
export async function registerAdminRoutes(
  app: FastifyInstance,
  queues: readonly Queue[],
  auth: AuthConfig,
): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(ADMIN_BASE_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  await app.register(async (scope) => {
    // Answered here: bull-board sets an error handler of its own inside its plugin.
    scope.addHook('onRequest', async (req, reply) => {
      try {
        req.client = authenticate({ headers: req.headers, rawBody: undefined }, auth, {
          allowSignature: false,
        });
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        return reply.code(err.statusCode).headers(err.headers).send(errorBody(err.statusCode, err.message));
      }
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: ADMIN_BASE_PATH });
  });
}

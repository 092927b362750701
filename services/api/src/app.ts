import { Queue } from 'bullmq';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import rateLimitPlugin from '@fastify/rate-limit';
import swaggerPlugin from '@fastify/swagger';
import type { Redis } from 'ioredis';
import type { Logger } from '@wirehose/logger';
import { registerPipelineCollectors, createMetricsRegistry } from '@wirehose/metrics';
import {
  createProducer,
  deadLetterQueue,
  dedupQueue,
  extractQueue,
  fetchQueue,
  queueOptions,
  STAGE_QUEUES,
  type QueueContext,
} from '@wirehose/queue';
import type { SearchHit, SearchOptions } from '@wirehose/sinks';
import { createStores } from '@wirehose/store';
import { authenticate, type Client } from './auth.js';
import { createApiMetrics } from './api-metrics.js';
import type { ApiContext } from './context.js';
import { HttpError, errorBody } from './http-error.js';
import { createIdempotencyStore } from './idempotency.js';
import { createIngester } from './ingester.js';
import { parseJsonBody } from './json-body.js';
import type { ApiOptions } from './options.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerDocsRoutes } from './routes/docs.js';
import { registerIngestRoutes } from './routes/ingest.js';
import { registerOpsRoutes } from './routes/ops.js';
import { registerStoryRoutes } from './routes/stories.js';
import { registerWebSubRoutes } from './routes/websub.js';
import { createWebSub, type WebSub } from './websub/subscriptions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for signature checks. */
    rawBody?: Buffer;
    /** Who sent the request, once authenticated. */
    client?: Client;
  }
  interface FastifyInstance {
    /** The WebSub subscriber (lease renewal runs from `startApi`). */
    websub: WebSub;
  }
}

export interface ApiDeps {
  /** Data connection for the request path (fail fast: no offline queue). */
  redis: Redis;
  /** Queue connection for the request path. */
  queues: QueueContext;
  prefix: string;
  log: Logger;
  options: ApiOptions;
  /** Full-text search (PostgreSQL); null or absent: `GET /v1/search` answers 503. */
  search?: ((opts: SearchOptions) => Promise<SearchHit[]>) | null;
  /** Clock seam for tests (ms since the epoch). */
  now?: () => number;
}

function routeLabel(req: FastifyRequest): string {
  return req.routeOptions.url ?? 'unmatched';
}

/**
 * The API as a Fastify instance, not listening (`inject()` in tests, `listen()` in `startApi`). Closing it
 * closes the producers and queue handles it opened; the connections in `deps` stay open.
 */
export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const { redis, prefix, options, log } = deps;
  const loggerInstance: FastifyBaseLogger = log;
  const app = Fastify({
    loggerInstance,
    bodyLimit: options.bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: true },
  });

  // Routes validate with zod themselves; the JSON schemas on routes are documentation only.
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // Keep the raw body: HMAC signatures are over the exact bytes received.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const raw = body as Buffer;
    req.rawBody = raw;
    if (raw.length === 0) return done(null, undefined);
    try {
      done(null, parseJsonBody(raw));
    } catch (err) {
      done(err as HttpError, undefined);
    }
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (req, body, done) => {
    req.rawBody = body as Buffer;
    done(null, body);
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      if (err.statusCode >= 500)
        req.log.warn({ status: err.statusCode, reason: err.message }, 'request failed');
      return reply
        .code(err.statusCode)
        .headers(err.headers)
        .send(errorBody(err.statusCode, err.message, err.details));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send(errorBody(413, `request body is larger than the limit of ${options.bodyLimitBytes} bytes`));
    }
    const status = err.statusCode ?? 500;
    if (status < 500) return reply.code(status).send(errorBody(status, err.message));
    req.log.error({ err }, 'request failed');
    return reply.code(status).send(errorBody(status, 'internal error; see the API logs'));
  });

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(errorBody(404, `no route ${req.method} ${req.url.split('?')[0] ?? ''}`)),
  );

  await app.register(swaggerPlugin, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'wirehose API',
        version: '0.1.0',
        description: [
          'Ingest articles into the wirehose pipeline, read published story records, operate queues.',
          '',
          'Authenticate with `Authorization: Bearer <API key>` (`API_KEYS`) or an `x-wirehose-signature`',
          'HMAC of the body (`API_HMAC_SECRETS`). Every error answer carries a stable `code` (`WH_ERR_*`).',
          '',
          'Also served: the queue dashboard at [/admin/queues](/admin/queues) (an API key as the basic-auth',
          'password), [/healthz](/healthz), [/readyz](/readyz), [/metrics](/metrics), and this description as',
          '[JSON](/docs/json) or [YAML](/docs/yaml).',
        ].join('\n'),
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer' },
          signature: { type: 'apiKey', in: 'header', name: 'x-wirehose-signature' },
        },
      },
      security: [{ apiKey: [] }, { signature: [] }],
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/admin') || url.startsWith('/docs') ? { ...schema, hide: true } : schema,
      url,
    }),
  });

  await app.register(rateLimitPlugin, {
    global: false,
    redis,
    // Redis away: let the request through; it fails where it needs Redis, with a 503.
    skipOnError: true,
    nameSpace: `${prefix}:api:rl:`,
    max: options.rateLimit.max,
    timeWindow: options.rateLimit.windowSeconds * 1000,
    keyGenerator: (req) => (req.client ? `client-${req.client.name}` : `ip-${req.ip}`),
    errorResponseBuilder: (req, ctx) =>
      new HttpError(
        429,
        `rate limit of ${ctx.max} requests per ${options.rateLimit.windowSeconds} s exceeded` +
          `${req.client ? ` for client ${req.client.name}` : ''}; retry in ${ctx.after}`,
      ),
  });

  const registry = createMetricsRegistry();
  registerPipelineCollectors(registry, {
    queues: deps.queues,
    redis,
    prefix,
    recentRecords: options.recentRecords,
    extraQueues: options.sinkQueues,
  });
  const metrics = createApiMetrics(registry);
  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.inc({ route: routeLabel(req), status: String(reply.statusCode) });
  });

  const stores = createStores({ redis, prefix });
  const producers = {
    fetch: createProducer(fetchQueue, deps.queues),
    extract: createProducer(extractQueue, deps.queues),
    dedup: createProducer(dedupQueue, deps.queues),
  };
  const stageQueues = STAGE_QUEUES.map((def) => new Queue(def.name, queueOptions(deps.queues, def.name)));
  // The dashboard shows every queue: the stages, the dead letters and each sink's.
  const otherQueues = [deadLetterQueue.name, ...options.sinkQueues].map(
    (name) => new Queue(name, queueOptions(deps.queues, name)),
  );
  for (const q of [...stageQueues, ...otherQueues])
    q.on('error', (err) => log.error({ err, queue: q.name }, 'queue error'));
  const now = deps.now ?? (() => Date.now());
  const websub = createWebSub({
    redis,
    prefix,
    callbackBase: options.websub?.callbackBase ?? '',
    leaseSeconds: options.websub?.leaseSeconds ?? 10 * 24 * 3600,
    renewMarginSeconds: options.websub?.renewMarginSeconds ?? 24 * 3600,
    urlPolicy: options.urlPolicy,
    log,
    now,
  });
  const authConfig = {
    apiKeys: options.apiKeys,
    hmacSecrets: options.hmacSecrets,
    toleranceSeconds: options.toleranceSeconds,
    now,
  };

  const ctx: ApiContext = {
    redis,
    prefix,
    log,
    options,
    stores,
    ingester: createIngester({
      redis,
      prefix,
      producers,
      stores,
      urlPolicy: options.urlPolicy,
      claimTtlSeconds: options.idempotencyTtlSeconds,
      now: () => new Date(now()),
    }),
    idempotency: createIdempotencyStore({ redis, prefix, ttlSeconds: options.idempotencyTtlSeconds }),
    websub,
    stageQueues,
    registry,
    metrics,
    search: deps.search ?? null,
    authenticate: async (req) => {
      req.client = authenticate({ headers: req.headers, rawBody: req.rawBody }, authConfig);
    },
    rateLimit: app.rateLimit(),
  };

  registerOpsRoutes(app, ctx);
  registerIngestRoutes(app, ctx);
  registerWebSubRoutes(app, ctx);
  registerStoryRoutes(app, ctx);
  await registerAdminRoutes(app, [...stageQueues, ...otherQueues], authConfig);
  await registerDocsRoutes(app);

  app.addHook('onClose', async () => {
    await Promise.all([
      ...Object.values(producers).map((p) => p.close()),
      ...[...stageQueues, ...otherQueues].map((q) => q.close()),
    ]);
  });
  app.decorate('websub', websub);
  return app;
}

import swaggerUiPlugin from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const DOCS_PATH = '/docs';

/**
 * The human API docs: Swagger UI at `/docs` (assets served from the package, nothing from a CDN) over
 * the OpenAPI description at `/docs/json` and `/docs/yaml`; `/` redirects there.
 */
export async function registerDocsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUiPlugin, {
    routePrefix: DOCS_PATH,
    theme: { title: 'wirehose API docs' },
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
  });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect(DOCS_PATH, 302));
}

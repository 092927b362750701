import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICES, isServiceName } from '@wirehose/cli';
import { type BaseEnvSchema, loadConfig } from '@wirehose/config';
import { PublisherEnvSchema } from '@wirehose/svc-publisher';

// Docker is not run here: the composed configuration is read as Compose reads it (YAML merge keys,
// `${VAR:-default}` interpolation) and each service's environment is parsed by its own zod schema.

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Compose's `${VAR:-default}` / `${VAR}` with nothing set in the environment. */
function interpolate(value: string | number | boolean): string {
  return String(value).replace(
    /\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g,
    (_m, fallback: string | undefined) => fallback ?? '',
  );
}

function environment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v)]));
}

/** The zod schema a wirehose container parses its environment with, from its command. */
type EnvSchema = typeof BaseEnvSchema;

function schemaOf(service: ComposeService): EnvSchema | null {
  const [verb, ...names] = service.command ?? [];
  if (verb === 'migrate') return PublisherEnvSchema;
  if (verb !== 'run') return null;
  // `run a b` parses the union of the services' settings; one service per container here.
  expect(names).toHaveLength(1);
  const name = names[0] ?? '';
  if (!isServiceName(name)) throw new Error(`unknown service ${name}`);
  return SERVICES[name].schema;
}

/** Keys a schema cannot do without (no default, not optional). */
function requiredKeys(schema: EnvSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
}

const compose = parse(await read('docker-compose.yml'), { merge: true }) as Compose;
const wirehose = Object.entries(compose.services).filter(([, s]) => s.image === 'wirehose:local');
const longRunning = wirehose.filter(([, s]) => s.command?.[0] === 'run');

describe('docker-compose.yml', () => {
  it('runs every pipeline stage and the API, each in its own container, plus a migrate step', () => {
    const started = longRunning.map(([, s]) => s.command?.[1]).sort();
    expect(started).toEqual(Object.keys(SERVICES).sort());
    expect(compose.services['migrate']?.command).toEqual(['migrate']);
    expect(compose.services['migrate']?.restart).toBe('no');
  });

  it('gives every wirehose container a valid configuration with each required key of its schema', () => {
    for (const [name, service] of wirehose) {
      const schema = schemaOf(service);
      expect(schema, name).not.toBeNull();
      const env = environment(service);
      for (const key of requiredKeys(schema as EnvSchema))
        expect(env, `${name} lacks ${key}`).toHaveProperty(key);
      // Throws listing every problem when a value is missing or invalid.
      expect(() => loadConfig(schema as EnvSchema, env), name).not.toThrow();
    }
  });

  it('points every container at the compose Redis and PostgreSQL, never at its own loopback or a relative path', () => {
    for (const [name, service] of wirehose) {
      const schema = schemaOf(service) as EnvSchema;
      const env = environment(service);
      // The CLI starts a private redis-server inside the container without REDIS_URL.
      if (service.command?.[0] === 'run') expect(env['REDIS_URL'], name).toBe('redis://redis:6379');
      const config = loadConfig(schema, env) as Record<string, unknown>;
      for (const [key, value] of Object.entries(config)) {
        if (typeof value !== 'string') continue;
        expect(value, `${name} ${key}`).not.toMatch(/127\.0\.0\.1|localhost/);
        if (/_(FILE|PATH)$/.test(key) && value !== '')
          expect(isAbsolute(value), `${name} ${key}=${value}`).toBe(true);
      }
      if ('DATABASE_URL' in schema.shape)
        expect(env['DATABASE_URL'], name).toBe('postgres://wirehose:wirehose@postgres:5432/wirehose');
    }
  });

  it('keeps the shared settings in services that add their own (merged, not replaced)', () => {
    const shared = environment(compose.services['fetcher'] as ComposeService);
    for (const name of ['scheduler', 'publisher', 'api', 'migrate']) {
      const env = environment(compose.services[name] as ComposeService);
      for (const key of [
        'REDIS_URL',
        'DATABASE_URL',
        'WIREHOSE_PREFIX',
        'LOG_LEVEL',
        'NDJSON_PATH',
        'PG_SINK',
      ])
        expect(env[key], `${name} ${key}`).toBe(shared[key]);
    }
    expect(environment(compose.services['publisher'] as ComposeService)['PG_SINK']).toBe('true');
    expect(environment(compose.services['scheduler'] as ComposeService)['SOURCES_FILE']).toBe(
      '/config/sources.yaml',
    );
  });

  it('gives the API the sink settings of the publisher, so its dashboard shows the same sink queues', () => {
    const api = environment(compose.services['api'] as ComposeService);
    const publisher = environment(compose.services['publisher'] as ComposeService);
    for (const key of ['SINKS_FILE', 'NDJSON_PATH', 'PG_SINK', 'DATABASE_URL', 'PG_SCHEMA'])
      expect(api[key], key).toBe(publisher[key]);
  });

  it('starts the API and the publisher only after migrate completed, and migrate after PostgreSQL', () => {
    for (const name of ['api', 'publisher']) {
      expect(compose.services[name]?.depends_on?.['migrate'], name).toEqual({
        condition: 'service_completed_successfully',
      });
      expect(compose.services[name]?.depends_on?.['redis']?.condition, name).toBe('service_healthy');
    }
    expect(compose.services['migrate']?.depends_on?.['postgres']).toEqual({ condition: 'service_healthy' });
    for (const [name, service] of Object.entries(compose.services))
      for (const dep of Object.keys(service.depends_on ?? {}))
        expect(Object.keys(compose.services), `${name} depends on ${dep}`).toContain(dep);
  });

  it('health-checks every long-running container on a port it serves: /readyz for the API, /healthz for workers', () => {
    for (const [name, service] of longRunning) {
      const env = environment(service);
      const check = (service.healthcheck?.test ?? []).join(' ');
      if (service.command?.[1] === 'api') {
        expect(check, name).toContain(`http://127.0.0.1:${env['API_PORT']}/readyz`);
      } else {
        expect(env['METRICS_PORT'], `${name} serves /healthz only with METRICS_PORT`).toBeDefined();
        expect(check, name).toContain(`http://127.0.0.1:${env['METRICS_PORT']}/healthz`);
      }
      expect(service.healthcheck?.disable, name).not.toBe(true);
    }
    for (const name of ['redis', 'postgres'])
      expect(compose.services[name]?.healthcheck?.test, name).toBeDefined();
  });

  it('writes the NDJSON records to a named volume over a folder the image gives to the node user', async () => {
    const publisher = compose.services['publisher'] as ComposeService;
    const folder = dirname(environment(publisher)['NDJSON_PATH'] ?? '');
    const mount = (publisher.volumes ?? []).find((v) => v.split(':')[1] === folder);
    expect(mount, `a volume at ${folder}`).toBeDefined();
    const volume = mount?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    const dockerfile = await read('infra/Dockerfile');
    expect(dockerfile).toMatch(new RegExp(`mkdir -p ${folder}\\b`));
    expect(dockerfile).toMatch(new RegExp(`chown -R node:node [^\\n]*${folder}\\b`));
    expect(dockerfile).toMatch(/^USER node$/m);
    // tsx, which runs the services, is a dev dependency: an install under NODE_ENV=production (or with
    // --prod) would leave it out.
    const install = dockerfile.indexOf('pnpm@${PNPM_VERSION} install');
    expect(install).toBeGreaterThan(0);
    expect(dockerfile).not.toMatch(/install[^\n]*(--prod\b|-P\b)/);
    const production = /^ENV [^\n]*NODE_ENV=production/m.exec(dockerfile)?.index;
    if (production !== undefined) expect(production).toBeGreaterThan(install);
  });

  it('keeps node_modules, .git and local output out of the build context', async () => {
    const ignored = (await read('.dockerignore')).split('\n').map((l) => l.trim());
    for (const entry of ['**/node_modules', '.git', 'out', '.env']) expect(ignored).toContain(entry);
  });
});

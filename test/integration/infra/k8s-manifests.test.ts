import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BaseEnvSchema } from '@wirehose/config';
import {
  crawlQueue,
  dedupQueue,
  eventsQueue,
  extractQueue,
  fetchQueue,
  parseRedisUrl,
  publishQueue,
  queueKey,
} from '@wirehose/queue';

const K8S = resolve(dirname(fileURLToPath(import.meta.url)), '../../../infra/k8s');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}

/** The resources a kustomization lists, read recursively (files and directories with a kustomization). */
function resolveKustomization(dir: string): Manifest[] {
  const kustomization = parseAllDocuments(
    readFileSync(join(dir, 'kustomization.yaml'), 'utf8'),
  )[0]?.toJS() as {
    resources?: string[];
  };
  return (kustomization.resources ?? []).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return resolveKustomization(path);
    return parseAllDocuments(readFileSync(path, 'utf8'))
      .map((d) => d.toJS() as Manifest | null)
      .filter((m): m is Manifest => m !== null);
  });
}

/** `kubectl kustomize` output, or null when kubectl is not installed. */
function kubectlRender(dir: string): Manifest[] | null {
  if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status !== 0) return null;
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJS() as Manifest);
}

// Field access on parsed YAML, typed loosely on purpose: the test checks the shape.
type Loose = Record<string, unknown>;
const get = (obj: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Loose)[k]), obj);

const base = resolveKustomization(join(K8S, 'base'));
const byKind = (ms: Manifest[], kind: string) => ms.filter((m) => m.kind === kind);
const env = byKind(base, 'ConfigMap').find((m) => m.metadata.name === 'wirehose-env');
const envData = (get(env, 'data') ?? {}) as Record<string, string>;
const prefix = envData['WIREHOSE_PREFIX'] ?? 'wh';

/** The queue each stage's Deployment consumes, and so scales on. */
const STAGE_QUEUE: Record<string, string[]> = {
  fetcher: [fetchQueue.name, crawlQueue.name],
  extractor: [extractQueue.name],
  dedup: [dedupQueue.name],
  events: [eventsQueue.name],
  publisher: [publishQueue.name],
};

/** SHUTDOWN_TIMEOUT_MS a container runs with: its own env, else the env ConfigMap, else the default. */
function shutdownTimeoutMs(container: unknown): number {
  const own = (get(container, 'env') as { name: string; value?: string }[] | undefined)?.find(
    (e) => e.name === 'SHUTDOWN_TIMEOUT_MS',
  )?.value;
  return BaseEnvSchema.shape.SHUTDOWN_TIMEOUT_MS.parse(own ?? envData['SHUTDOWN_TIMEOUT_MS']);
}

function checkDeployments(manifests: Manifest[]): void {
  const deployments = byKind(manifests, 'Deployment');
  expect(deployments.map((d) => d.metadata.name).sort()).toEqual(
    ['api', 'dedup', 'events', 'extractor', 'fetcher', 'publisher', 'scheduler'].sort(),
  );
  for (const d of deployments) {
    const pod = get(d, 'spec', 'template', 'spec');
    const grace = get(pod, 'terminationGracePeriodSeconds');
    for (const c of get(pod, 'containers') as unknown[]) {
      const where = `${d.metadata.name}/${String(get(c, 'name'))}`;
      expect(get(c, 'resources', 'requests', 'cpu'), `${where} cpu request`).toBeTruthy();
      expect(get(c, 'resources', 'requests', 'memory'), `${where} memory request`).toBeTruthy();
      expect(typeof grace, `${where} terminationGracePeriodSeconds`).toBe('number');
      expect((grace as number) * 1000, `${where} grace vs SHUTDOWN_TIMEOUT_MS`).toBeGreaterThan(
        shutdownTimeoutMs(c),
      );
      expect(get(c, 'livenessProbe'), `${where} liveness probe`).toBeTruthy();
    }
    // Every Deployment is covered by a PodDisruptionBudget selecting its pods.
    const labels = get(d, 'spec', 'selector', 'matchLabels') as Record<string, string>;
    const pdb = byKind(manifests, 'PodDisruptionBudget').find((p) => {
      const sel = get(p, 'spec', 'selector', 'matchLabels') as Record<string, string>;
      return Object.entries(sel).every(([k, v]) => labels[k] === v);
    });
    expect(pdb, `PodDisruptionBudget for ${d.metadata.name}`).toBeDefined();
  }
}

function checkScaledObjects(manifests: Manifest[], triggerType: string): void {
  const scaled = byKind(manifests, 'ScaledObject');
  for (const [stage, queues] of Object.entries(STAGE_QUEUE)) {
    const so = scaled.find((s) => get(s, 'spec', 'scaleTargetRef', 'name') === stage);
    expect(so, `ScaledObject for ${stage}`).toBeDefined();
    const triggers = get(so, 'spec', 'triggers') as unknown[];
    expect(triggers.map((t) => get(t, 'metadata', 'listName')).sort()).toEqual(
      queues.map((q) => queueKey(prefix, q, 'wait')).sort(),
    );
    for (const t of triggers) expect(get(t, 'type')).toBe(triggerType);
  }
  // No ScaledObject points at something that is not a Deployment here.
  const names = new Set(byKind(manifests, 'Deployment').map((d) => d.metadata.name));
  for (const s of scaled) expect(names.has(String(get(s, 'spec', 'scaleTargetRef', 'name')))).toBe(true);
}

describe('the Kubernetes manifests (infra/k8s)', () => {
  it('give every Deployment requests, a liveness probe, a PodDisruptionBudget and a grace above SHUTDOWN_TIMEOUT_MS', () => {
    checkDeployments(base);
  });

  it('probe the API on /healthz (liveness) and /readyz (readiness) at its port', () => {
    const api = byKind(base, 'Deployment').find((d) => d.metadata.name === 'api');
    const [container] = get(api, 'spec', 'template', 'spec', 'containers') as unknown[];
    expect(get(container, 'livenessProbe', 'httpGet', 'path')).toBe('/healthz');
    expect(get(container, 'readinessProbe', 'httpGet', 'path')).toBe('/readyz');
    const port = get(container, 'readinessProbe', 'httpGet', 'port');
    const ports = get(container, 'ports') as { name: string; containerPort: number }[];
    const apiPort = (get(container, 'env') as { name: string; value: string }[]).find(
      (e) => e.name === 'API_PORT',
    );
    expect(ports.find((p) => p.name === port)?.containerPort).toBe(Number(apiPort?.value));
  });

  it("scale every stage with KEDA on its queue's waiting list, the key the queues really use", () => {
    checkScaledObjects(base, 'redis');
    expect(envData['REDIS_ADDRESS']).toMatch(/^[^:/]+:\d+$/);
  });

  it('run the migrate Job and mount the sources and sinks ConfigMaps and the secrets', () => {
    const job = byKind(base, 'Job').find((j) => j.metadata.name === 'migrate');
    expect(get(job, 'spec', 'template', 'spec', 'containers', 0, 'args')).toEqual(['migrate']);
    const text = JSON.stringify(base);
    for (const name of ['wirehose-sources', 'wirehose-sinks']) {
      expect(byKind(base, 'ConfigMap').some((m) => m.metadata.name === name)).toBe(true);
      expect(text).toContain(`"configMap":{"name":"${name}"}`);
    }
    expect(byKind(base, 'Secret').some((m) => m.metadata.name === 'wirehose-secrets')).toBe(true);
    expect(text).toContain('"secretRef":{"name":"wirehose-secrets"}');
  });

  for (const [overlay, kind] of [
    ['redis-cluster', 'cluster'],
    ['redis-sentinel', 'sentinel'],
  ] as const) {
    it(`sets a ${kind} REDIS_URL in the ${overlay} overlay, and (with kubectl) renders it with ${overlay} triggers`, () => {
      const dir = join(K8S, 'overlays', overlay);
      const patch = parseAllDocuments(readFileSync(join(dir, 'env.yaml'), 'utf8'))[0]?.toJS() as Manifest;
      const url = String(get(patch, 'data', 'REDIS_URL'));
      expect(parseRedisUrl(url).kind).toBe(kind);
      expect(BaseEnvSchema.shape.REDIS_URL.safeParse(url).success).toBe(true);
      const rendered = existsSync(dir) ? kubectlRender(dir) : null;
      if (rendered === null) {
        process.stdout.write(`kubectl not installed: ${overlay} overlay not rendered (base checked above)\n`);
        return;
      }
      checkDeployments(rendered);
      checkScaledObjects(rendered, overlay);
    });
  }
});

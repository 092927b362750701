import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '@wirehose/queue';
import {
  deletePrefixEverywhere,
  keysPerPrimary,
  latestVersions,
  runPipeline,
  SINGLE_URL,
  stories,
  versions,
  type PipelineRun,
} from './support.js';

/** Set by scripts/test-cluster.sh, which starts the cluster and tears it down. */
const CLUSTER_URL = process.env['CLUSTER_REDIS_URL'];

describe.skipIf(!CLUSTER_URL)('the whole pipeline on a 3-primary Redis Cluster', () => {
  const prefix = `cluster-${randomUUID().slice(0, 8)}`;
  const peerPrefix = `cluster-peer-${randomUUID().slice(0, 8)}`;
  const cluster = createRedis(CLUSTER_URL ?? '', 'worker');
  const single = createRedis(SINGLE_URL, 'worker');
  let dir: string;
  let onCluster: PipelineRun;
  let onSingle: PipelineRun;
  let spread: number[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirehose-cluster-'));
    onCluster = await runPipeline(CLUSTER_URL ?? '', prefix, join(dir, 'cluster.ndjson'));
    spread = await keysPerPrimary(cluster, prefix);
    onSingle = await runPipeline(SINGLE_URL, peerPrefix, join(dir, 'single.ndjson'));
  }, 600_000);

  afterAll(async () => {
    await deletePrefixEverywhere(cluster, prefix);
    await deletePrefixEverywhere(single, peerPrefix);
    cluster.disconnect();
    single.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  it('spreads the deployment over more than one primary', () => {
    expect(spread).toHaveLength(3);
    expect(spread.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('sends no job to the dead-letter queue', () => {
    expect(onCluster.deadLetters).toEqual([]);
  });

  it('publishes the same stories, copies and events as on one server', () => {
    // 10 sample articles: 3 copies of one story + 7 stories of one copy each.
    expect(onCluster.records).toHaveLength(8);
    expect(stories(onCluster.records)).toEqual(stories(onSingle.records));
  });

  it('publishes each record version at most once per sink, and both sinks end on the same latest versions', () => {
    expect(new Set(versions(onCluster.written)).size).toBe(onCluster.written.length);
    expect(new Set(versions(onCluster.streamed)).size).toBe(onCluster.streamed.length);
    expect(latestVersions(onCluster.written)).toEqual(latestVersions(onCluster.streamed));
  });
});

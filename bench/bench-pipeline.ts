/**
 * End-to-end throughput of the whole pipeline, every stage its own process, on a Redis of its own.
 *
 * Usage: pnpm -s bench:pipeline [--articles N] [--dataset DIR]... [--redis-url URL]
 *
 * A local site serves N article pages: the real pages of the extraction dev sets (extraction-dev, plus
 * the `article` pages of extraction-wcxb-dev when present), each at least once; past the number of
 * distinct pages, pages are served again under another outlet's URL (syndicated copies). N fetch jobs
 * go in; the run ends when every queue is idle. Printed per run: end-to-end articles/s, each stage's
 * p50/p99 processing time and time in stage, CPU and peak RSS per process, Redis memory per 10k
 * articles; then the extraction ceiling (extractArticle alone, one process, the same N pages, pages per
 * CPU second). `ratio` = articles per CPU second of the whole pipeline (every stage process and the
 * Redis server) / extraction-only pages per CPU second: the throughput ratio the two reach on the same
 * cores when each keeps them busy. CPU seconds, not wall time, because the machine may be shared.
 * The run is repeated with 2 processes of the stage that used the most CPU per article; the last line
 * is that run's ratio.
 *
 * Without --redis-url a private redis-server is started on a free port (its memory and CPU are then
 * the pipeline's alone) and stopped at the end; with one, keys live under a fresh prefix, deleted after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { ensureRedis } from '@wirehose/cli';
import { extractArticle } from '@wirehose/extraction';
import {
  createProducer,
  createRedis,
  fetchQueue,
  queueOptions,
  toJobId,
  waitForIdle,
  type Redis,
} from '@wirehose/queue';
import { loadExtractionDataset, type ExtractionPage } from './lib/extraction-dataset.js';

const argv = process.argv.slice(2);
const argAll = (name: string): string[] =>
  argv.flatMap((a, i) => (a === `--${name}` && argv[i + 1] !== undefined ? [argv[i + 1] as string] : []));
const articles = Number(argAll('articles')[0] ?? 2000);
if (!Number.isInteger(articles) || articles <= 0) {
  console.error(`--articles must be a positive integer (got ${argAll('articles')[0]})`);
  process.exit(2);
}
const datasetsRoot = new URL('../../shared/datasets/', import.meta.url).pathname;
const datasets = argAll('dataset').length
  ? argAll('dataset')
  : [join(datasetsRoot, 'extraction-dev'), join(datasetsRoot, 'extraction-wcxb-dev')];

/** Page types of a dataset's ground truth, when it gives them (extraction-wcxb-dev does). */
function articleIds(dir: string): Set<string> | null {
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { page_type?: string; articleBody?: string }
  >;
  const typed = Object.entries(gt).filter(([, v]) => v.page_type !== undefined);
  if (typed.length === 0) return null;
  return new Set(typed.filter(([, v]) => v.page_type === 'article' && v.articleBody).map(([id]) => id));
}

const present = datasets.filter((d) => existsSync(join(d, 'ground-truth.json')));
if (present.length === 0) {
  console.log(
    `bench:pipeline skipped: no extraction dataset found (looked in ${datasets.join(', ')}); ` +
      'pass --dataset DIR (html/<id>.html.gz + ground-truth.json)',
  );
  process.exit(0);
}
const pool: ExtractionPage[] = present.flatMap((dir) => {
  const only = articleIds(dir);
  return loadExtractionDataset(dir).filter((p) => only === null || only.has(p.id));
});

/** One served article: its path, its HTML (canonical links point at it) and whether it is a copy. */
interface Served {
  path: string;
  html: string;
  outlet: string;
}
const OUTLETS = ['Harbor Times', 'Daily Meridian', 'UNN', 'Valley Post', 'The Courier'];
function servedPages(port: number): Served[] {
  return Array.from({ length: articles }, (_, i) => {
    const page = pool[i % pool.length] as ExtractionPage;
    const copy = Math.floor(i / pool.length);
    const slug = (OUTLETS[copy % OUTLETS.length] ?? 'outlet').toLowerCase().replaceAll(' ', '-');
    const path = `/${slug}/${copy}/${page.id}`;
    const self = `http://127.0.0.1:${port}${path}`;
    // A republished page names itself as canonical, as a syndicating outlet's page does.
    const html = page.html
      .replace(/<link[^>]+rel=["']?canonical["']?[^>]*>/gi, `<link rel="canonical" href="${self}">`)
      .replace(/<meta[^>]+property=["']og:url["'][^>]*>/gi, `<meta property="og:url" content="${self}">`);
    return { path, html, outlet: OUTLETS[copy % OUTLETS.length] ?? 'outlet' };
  });
}

async function startSite(): Promise<{ server: Server; port: number; pages: Served[] }> {
  const byPath = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = byPath.get(req.url ?? '');
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    } else if (html === undefined) {
      res.writeHead(404).end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const pages = servedPages(port);
  for (const p of pages) byPath.set(p.path, p.html);
  return { server, port, pages };
}

// ---- process accounting (Linux /proc) ----
const TICK = 100; // USER_HZ
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK;
}
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const STAGES = [
  { name: 'fetcher', queues: ['fetch'] },
  { name: 'extractor', queues: ['extract'] },
  { name: 'dedup', queues: ['dedup'] },
  { name: 'events', queues: ['extract-events'] },
  { name: 'publisher', queues: ['publish', 'publish-redis-stream', 'publish-ndjson'] },
] as const;
type StageName = (typeof STAGES)[number]['name'];

interface StageProc {
  stage: StageName;
  child: ChildProcess;
  cpuAtReady: number;
}

function startStage(stage: StageName, env: Record<string, string>): StageProc {
  const child = spawn(process.execPath, ['--import', 'tsx', `services/${stage}/src/main.ts`], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { stage, child, cpuAtReady: 0 };
}

async function waitForWorkers(redis: Redis, prefix: string, procs: StageProc[]): Promise<void> {
  for (const p of procs) {
    const def = STAGES.find((s) => s.name === p.stage);
    const queue = new Queue(
      def?.queues[0] ?? '',
      queueOptions({ connection: redis, prefix }, def?.queues[0] ?? ''),
    );
    const want = procs.filter((q) => q.stage === p.stage).length;
    try {
      for (;;) {
        if (p.child.exitCode !== null)
          throw new Error(`${p.stage} exited with ${p.child.exitCode} before it started`);
        if ((await queue.getWorkersCount()) >= want) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await queue.close();
    }
    p.cpuAtReady = cpuSeconds(p.child.pid ?? 0);
  }
}

async function stopStages(procs: StageProc[]): Promise<void> {
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null) return resolve();
          p.child.once('exit', () => resolve());
          p.child.kill('SIGTERM');
        }),
    ),
  );
}

function pct(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function redisInfo(redis: Redis, field: string): Promise<number> {
  const info = await redis.info();
  const m = new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info);
  return m ? Number(m[1]) : NaN;
}

interface RunResult {
  label: string;
  wallSeconds: number;
  perSecond: number;
  perCpuSecond: number;
  cpuPerArticleMs: Map<StageName, number>;
}

async function runPipeline(
  redisUrl: string,
  isPrivate: boolean,
  site: { port: number; pages: Served[] },
  counts: Partial<Record<StageName, number>>,
  label: string,
): Promise<RunResult> {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const dir = await mkdtemp(join(tmpdir(), 'wirehose-bench-'));
  const redis = createRedis(redisUrl, 'worker');
  const env = {
    REDIS_URL: redisUrl,
    WIREHOSE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    FETCH_HOST_MIN_DELAY_MS: '0',
    FETCH_HOST_CONCURRENCY: '16',
    FETCHER_CONCURRENCY: '16',
    NDJSON_PATH: join(dir, 'records.ndjson'),
  };
  const procs = STAGES.flatMap((s) =>
    Array.from({ length: counts[s.name] ?? 1 }, () => startStage(s.name, env)),
  );
  try {
    await waitForWorkers(redis, prefix, procs);
    const memBefore = await redisInfo(redis, 'used_memory');
    const redisCpuBefore =
      (await redisInfo(redis, 'used_cpu_user')) + (await redisInfo(redis, 'used_cpu_sys'));
    const fetches = createProducer(fetchQueue, { connection: redis, prefix });
    const started = Date.now();
    for (let i = 0; i < site.pages.length; i += 500) {
      await fetches.queue.addBulk(
        site.pages.slice(i, i + 500).map((p) => {
          const url = `http://127.0.0.1:${site.port}${p.path}`;
          return {
            name: fetchQueue.name,
            data: fetchQueue.schema.parse({ url, sourceName: p.outlet, outlet: p.outlet, via: 'ingest' }),
            opts: { jobId: toJobId(`bench-${i}-${p.path}`) },
          };
        }),
      );
    }
    await fetches.close();
    await waitForIdle(
      { connection: redis, prefix },
      { timeoutMs: 60 * 60_000, settleMs: 1_000, pollMs: 250 },
    );

    const stageCpu = new Map<StageName, number>();
    const rss: string[] = [];
    for (const p of procs) {
      const pid = p.child.pid ?? 0;
      const cpu = cpuSeconds(pid) - p.cpuAtReady;
      stageCpu.set(p.stage, (stageCpu.get(p.stage) ?? 0) + cpu);
      rss.push(`${p.stage} ${peakRssMb(pid).toFixed(0)} MB`);
    }
    const redisCpu =
      (await redisInfo(redis, 'used_cpu_user')) + (await redisInfo(redis, 'used_cpu_sys')) - redisCpuBefore;
    const memAfter = await redisInfo(redis, 'used_memory');

    // Per stage: processing time (processedOn -> finishedOn) and time in stage (added -> finished).
    let finishedLast = started;
    const lines: string[] = [];
    let completedFetches = 0;
    let failed = 0;
    for (const s of STAGES) {
      const proc: number[] = [];
      const inStage: number[] = [];
      for (const name of s.queues) {
        const queue = new Queue(name, queueOptions({ connection: redis, prefix }, name));
        const jobs = await queue.getJobs(['completed'], 0, -1);
        failed += await queue.getFailedCount();
        if (name === 'fetch') completedFetches = jobs.length;
        for (const j of jobs) {
          if (j.finishedOn === undefined || j.processedOn === undefined) continue;
          proc.push(j.finishedOn - j.processedOn);
          inStage.push(j.finishedOn - j.timestamp);
          finishedLast = Math.max(finishedLast, j.finishedOn);
        }
        await queue.close();
      }
      proc.sort((a, b) => a - b);
      inStage.sort((a, b) => a - b);
      const cpu = stageCpu.get(s.name) ?? 0;
      lines.push(
        `  ${s.name.padEnd(9)} x${counts[s.name] ?? 1}: jobs ${String(proc.length).padStart(5)}  ` +
          `processing p50 ${pct(proc, 0.5).toFixed(0)} ms p99 ${pct(proc, 0.99).toFixed(0)} ms  ` +
          `in stage p50 ${pct(inStage, 0.5).toFixed(0)} ms p99 ${pct(inStage, 0.99).toFixed(0)} ms  ` +
          `CPU ${cpu.toFixed(1)} s (${((cpu * 1000) / articles).toFixed(2)} ms/article)`,
      );
    }
    const wallSeconds = (finishedLast - started) / 1000;
    const pipelineCpu = [...stageCpu.values()].reduce((a, b) => a + b, 0) + (isPrivate ? redisCpu : 0);
    const perSecond = completedFetches / wallSeconds;
    const perCpuSecond = completedFetches / pipelineCpu;
    console.log(`\n${label}`);
    console.log(
      `end to end: ${perSecond.toFixed(1)} articles/s wall (${completedFetches} articles in ${wallSeconds.toFixed(1)} s), ` +
        `${perCpuSecond.toFixed(1)} articles per CPU second (pipeline CPU ${pipelineCpu.toFixed(1)} s` +
        (isPrivate
          ? `, of which Redis ${redisCpu.toFixed(1)} s)`
          : '; Redis is shared, its CPU not counted)') +
        `; failed jobs: ${failed}`,
    );
    console.log('stages (processing = a worker on the job; in stage = queued + processing):');
    for (const l of lines) console.log(l);
    console.log(`peak RSS per process: ${rss.join(', ')}`);
    console.log(
      `redis memory: ${(((memAfter - memBefore) / 1e6) * (10_000 / articles)).toFixed(1)} MB per 10k articles ` +
        `(used_memory +${((memAfter - memBefore) / 1e6).toFixed(1)} MB for ${articles}, finished jobs kept as configured` +
        (isPrivate ? ')' : '; shared Redis: other clients count too)'),
    );
    return {
      label,
      wallSeconds,
      perSecond,
      perCpuSecond,
      cpuPerArticleMs: new Map([...stageCpu].map(([k, v]) => [k, (v * 1000) / articles])),
    };
  } finally {
    await stopStages(procs);
    if (!isPrivate) {
      for (const node of [redis]) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scanBuffer(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          cursor = next.toString();
          await Promise.all(keys.map((k) => node.unlink(k)));
        } while (cursor !== '0');
      }
    }
    redis.disconnect();
    await rm(dir, { recursive: true, force: true });
  }
}

/** extractArticle alone over the same served pages, in this process: pages per CPU second. */
function extractionCeiling(pages: Served[], port: number): { perCpu: number; perWall: number; cpu: number } {
  const first = pages[0];
  if (first) extractArticle(first.html, `http://127.0.0.1:${port}${first.path}`);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const p of pages) extractArticle(p.html, `http://127.0.0.1:${port}${p.path}`);
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  return { perCpu: pages.length / cpu, perWall: pages.length / ((performance.now() - wall0) / 1000), cpu };
}

const redisArg = argAll('redis-url')[0];
const redisHandle = await ensureRedis(redisArg);
const site = await startSite();
try {
  const copies = Math.max(0, articles - pool.length);
  console.log(
    `pipeline bench: ${articles} articles (${Math.min(articles, pool.length)} distinct real pages from ` +
      `${present.join(', ')}; ${copies} syndicated copies), every stage its own process, ` +
      `Redis ${redisHandle.isPrivate ? 'private (started for this run)' : redisHandle.url}; CPU seconds from /proc`,
  );
  const ceiling = extractionCeiling(site.pages, site.port);
  console.log(
    `extraction ceiling: ${ceiling.perCpu.toFixed(1)} pages per CPU second (extractArticle alone, one process, ` +
      `the same ${site.pages.length} pages, ${ceiling.cpu.toFixed(1)} s CPU; wall ${ceiling.perWall.toFixed(1)} pages/s)`,
  );
  const one = await runPipeline(
    redisHandle.url,
    redisHandle.isPrivate,
    site,
    {},
    'run 1: one process per stage',
  );
  console.log(`ratio (one process per stage): ${(one.perCpuSecond / ceiling.perCpu).toFixed(2)}`);
  const [slowest] = [...one.cpuPerArticleMs].sort((a, b) => b[1] - a[1]);
  const slowName = slowest?.[0] ?? 'extractor';
  const two = await runPipeline(
    redisHandle.url,
    redisHandle.isPrivate,
    site,
    { [slowName]: 2 },
    `run 2: two processes of the stage with the most CPU per article (${slowName})`,
  );
  console.log(
    `scaling: ${one.perSecond.toFixed(1)} -> ${two.perSecond.toFixed(1)} articles/s wall ` +
      `(x${(two.perSecond / one.perSecond).toFixed(2)}) with 2 ${slowName} processes on this machine`,
  );
  console.log(`ratio: ${(two.perCpuSecond / ceiling.perCpu).toFixed(2)}`);
} finally {
  await new Promise((resolve) => site.server.close(resolve));
  await redisHandle.stop();
}

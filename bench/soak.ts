/**
 * Soak: the whole pipeline (fetcher, extractor, dedup, events, publisher, each its own process, as
 * their `main.ts` runs them) on a local site of generated articles, fed at a steady rate, for N
 * minutes. Every 10 s it samples each process's RSS and Redis's used memory; at the end it prints the
 * slope of each against the articles processed (MB per 10k articles), fitted after the warm-up.
 *
 *   pnpm -s soak --minutes 10 --rate 4 [--warmup 5] [--retention 120]
 *
 * Redis is a redis-server of the soak's own with the append-only file on (as production should run
 * it), so its memory is the pipeline's alone. `--retention` (seconds) sets how long per-article data
 * is kept (articles, events, records, the dedup window, the records stream's length at rate × it):
 * with the production windows (days), memory grows until the windows fill, which no run of minutes
 * can show; a short retention shows whether anything grows beyond its bound. `--retention 0` keeps
 * the production defaults and so measures what each article costs while its window lasts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import {
  createDeadLetters,
  createProducer,
  dedupQueue,
  extractQueue,
  fetchQueue,
  getQueueCounts,
  toJobId,
} from '@wirehose/queue';
import { sinkQueueName } from '@wirehose/sinks';
import { arg, seededRandom } from './lib/cli.js';
import { startRedisServer } from './lib/redis-server.js';

const minutes = Number(arg('minutes') ?? 10);
const rate = Number(arg('rate') ?? 4);
const warmupMinutes = Number(arg('warmup') ?? Math.min(5, minutes / 2));
const retention = Number(arg('retention') ?? 120);
const sampleMs = 10_000;
const root = fileURLToPath(new URL('../', import.meta.url));
const prefix = 'soak';
const SERVICES = ['fetcher', 'extractor', 'dedup', 'events', 'publisher'] as const;

// Our own vocabulary (no dev-set text): articles are random but fixed by their number.
const SUBJECTS = [
  'The council',
  'A harbour pilot',
  'The rail union',
  'Local growers',
  'The weather office',
  'A school board',
  'The port authority',
  'Two ferry crews',
  'The water company',
  'A museum curator',
];
const VERBS = [
  'announced',
  'postponed',
  'questioned',
  'approved',
  'criticised',
  'welcomed',
  'reviewed',
  'extended',
  'cancelled',
  'defended',
];
const OBJECTS = [
  'the new tram timetable',
  'a plan for the northern docks',
  'the budget for road repairs',
  'winter opening hours',
  'a study of river levels',
  'the festival route',
  'repairs to the sea wall',
  'a ban on night deliveries',
  'the fishing quota',
  'a second bus depot',
];
const TAILS = [
  'on Monday',
  'after a long meeting',
  'despite objections',
  'for the third time this year',
  'without a vote',
  'in a short statement',
  'ahead of the holidays',
  'as costs rose',
  'after residents complained',
  'under pressure from traders',
];
const OUTLETS = ['Harbour Ledger', 'Valley Post', 'Coastline Daily', 'The Northern Lamp'];

function articleHtml(n: number): string {
  // Every fifth article is a syndicated copy of the one before, on another outlet.
  const base = n % 5 === 4 ? n - 1 : n;
  const rnd = seededRandom(base * 7919 + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const sentences = Array.from(
    { length: 24 },
    () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`,
  );
  const title = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} (${base})`;
  const outlet = OUTLETS[n % OUTLETS.length] ?? 'Valley Post';
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 4)
    paragraphs.push(`<p>${sentences.slice(i, i + 4).join(' ')}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${new Date().toISOString()}">
</head><body><header><nav><a href="/">Home</a></nav></header><article><h1>${title}</h1>${paragraphs.join('\n')}</article>
<footer>Copyright ${outlet}</footer></body></html>`;
}

async function startSite(): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const match = /^\/a\/(\d+)$/.exec(req.url ?? '');
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    } else if (match) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(match[1])));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, server };
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Least-squares slope of y on x. */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

interface Sample {
  atS: number;
  fed: number;
  processed: number;
  backlog: number;
  redisMb: number;
  rss: Record<string, number>;
}

/** Redis memory by key family at the end (MEMORY USAGE of every key), the 16 largest. */
async function familyBreakdown(redis: Redis): Promise<string[]> {
  const families = new Map<string, { keys: number; bytes: number }>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key);
    const sizes = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      // Queue keys may carry a hash tag (`<prefix>:{<tag>}:<queue>:...`); the family ignores it.
      const [, head = '', second = ''] = key.replace(/:\{[^}]*\}/, '').split(':');
      // Queue keys: the queue and its structure, or "<job>" for a job's hash and side keys.
      const isQueueKey = /^(crawl|fetch|extract|dedup|extract-events|publish|publish-.+|dead-letter)$/.test(
        head,
      );
      const family = isQueueKey
        ? `${head}:${/^(id|meta|events|completed|failed|wait|active|delayed|prioritized|marker|stalled-check|pc|waiting-children)$/.test(second) ? second : '<job>'}`
        : head.replace(/[0-9a-f]{3,}.*$/, '*');
      const entry = families.get(family) ?? { keys: 0, bytes: 0 };
      entry.keys += 1;
      entry.bytes += Number(sizes[i]?.[1] ?? 0);
      families.set(family, entry);
    });
  } while (cursor !== '0');
  return [...families]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 16)
    .map(
      ([family, e]) =>
        `${family.padEnd(28)} ${String(e.keys).padStart(7)} keys ${(e.bytes / 2 ** 20).toFixed(2).padStart(8)} MB`,
    );
}

async function main(): Promise<void> {
  const redisServer = await startRedisServer(['--appendonly', 'yes', '--appendfsync', 'everysec']);
  const site = await startSite();
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    REDIS_URL: redisServer.url,
    WIREHOSE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    FETCH_HOST_MIN_DELAY_MS: '0',
    FETCH_HOST_CONCURRENCY: '8',
    NDJSON_PATH: '',
  };
  if (retention > 0) {
    env['DATA_TTL_SECONDS'] = String(retention);
    env['HTML_TTL_SECONDS'] = String(retention);
    env['DEDUP_WINDOW_SECONDS'] = String(retention);
    env['RECORDS_STREAM_MAXLEN'] = String(Math.max(100, Math.ceil(rate * retention)));
  }
  const errors: Record<string, number> = {};
  const children = new Map<string, ChildProcess>();
  for (const name of SERVICES) {
    const child = spawn(process.execPath, ['--import', 'tsx', `services/${name}/src/main.ts`], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!/"level":(50|60)/.test(line)) continue;
        errors[name] = (errors[name] ?? 0) + 1;
        // The first error of each service, whole, so a failing run says why.
        if (errors[name] === 1) process.stderr.write(`soak: first error of ${name}: ${line}\n`);
      }
    });
    child.on('exit', (code, signal) => {
      if (!stopping) process.stderr.write(`soak: ${name} exited (${code ?? signal}) during the run\n`);
    });
    children.set(name, child);
  }
  let stopping = false;
  const ctx = { connection: redis, prefix };
  const fetches = createProducer(fetchQueue, ctx);
  const deadLetters = createDeadLetters(ctx);
  // Articles still before or in dedup; the rest have been placed in a story.
  const upstream = new Set<string>([fetchQueue.name, extractQueue.name, dedupQueue.name]);

  process.stdout.write(
    `soak: ${minutes} min at ${rate} articles/s, retention ${retention > 0 ? `${retention} s` : 'production defaults'}, ` +
      `redis ${redisServer.url} (appendonly yes), site ${site.base}\n`,
  );
  const started = performance.now();
  const endAt = started + minutes * 60_000;
  let fed = 0;
  const feeder = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    const batch: { name: string; data: unknown; opts: { jobId: string } }[] = [];
    while (fed < due) {
      batch.push({
        name: fetchQueue.name,
        data: { url: `${site.base}/a/${fed}`, sourceName: null, outlet: null, hint: null, via: 'ingest' },
        opts: { jobId: toJobId(`soak-${fed}`) },
      });
      fed += 1;
    }
    if (batch.length > 0) void fetches.queue.addBulk(batch);
  }, 100);

  const samples: Sample[] = [];
  const header = ['t(s)', 'fed', 'done', 'backlog', 'redis MB', ...SERVICES.map((s) => `${s} MB`)];
  process.stdout.write(`${header.join('\t')}\n`);
  while (performance.now() < endAt) {
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    const counts = await getQueueCounts(ctx, [sinkQueueName('redis-stream')]);
    const info = await redis.info('memory');
    const redisMb = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 2 ** 20;
    const rss: Record<string, number> = {};
    for (const [name, child] of children) rss[name] = await rssMb(child.pid ?? 0);
    const pending = counts
      .filter((c) => upstream.has(c.queue))
      .reduce((n, c) => n + c.waiting + c.active + c.delayed, 0);
    const sample: Sample = {
      atS: Math.round((performance.now() - started) / 1000),
      fed,
      processed: fed - pending,
      backlog: counts.reduce((n, c) => n + c.waiting + c.active + c.delayed, 0),
      redisMb,
      rss,
    };
    samples.push(sample);
    process.stdout.write(
      `${[sample.atS, fed, sample.processed, sample.backlog, redisMb.toFixed(1), ...SERVICES.map((s) => (rss[s] ?? 0).toFixed(1))].join('\t')}\n`,
    );
  }
  clearInterval(feeder);
  stopping = true;

  const steady = samples.filter((s) => s.atS >= warmupMinutes * 60);
  const xs = steady.map((s) => s.processed / 10_000);
  const line = (name: string, ys: number[]): string => {
    const first = ys[0] ?? 0;
    const last = ys[ys.length - 1] ?? 0;
    return `${name.padEnd(12)} ${first.toFixed(1).padStart(8)} ${last.toFixed(1).padStart(8)} ${slope(xs, ys).toFixed(2).padStart(10)}`;
  };
  const span =
    steady.length > 0 ? (steady[steady.length - 1]?.processed ?? 0) - (steady[0]?.processed ?? 0) : 0;
  process.stdout.write(
    `\nafter the first ${warmupMinutes} min (${steady.length} samples, ${span} articles):\n` +
      `${'series'.padEnd(12)} ${'first MB'.padStart(8)} ${'last MB'.padStart(8)} ${'MB/10k art'.padStart(10)}\n`,
  );
  if (steady.length >= 3) {
    process.stdout.write(
      `${line(
        'redis',
        steady.map((s) => s.redisMb),
      )}\n`,
    );
    for (const name of SERVICES)
      process.stdout.write(
        `${line(
          name,
          steady.map((s) => s.rss[name] ?? 0),
        )}\n`,
      );
  } else {
    process.stdout.write('too few samples after the warm-up for a slope; run longer\n');
  }
  const dead = await deadLetters.count();
  const last = samples[samples.length - 1];
  process.stdout.write(
    `\nfed ${fed}, through dedup ${last?.processed ?? 0}, backlog at the end ${last?.backlog ?? 0}, dead letters ${dead}, ` +
      `error log lines ${JSON.stringify(errors)}\n`,
  );

  process.stdout.write(
    `\nRedis memory by key family at the end:\n${(await familyBreakdown(redis)).join('\n')}\n`,
  );

  for (const child of children.values()) child.kill('SIGTERM');
  await Promise.all(
    [...children.values()].map(
      (c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve))),
    ),
  );
  await deadLetters.close();
  await fetches.close();
  redis.disconnect();
  site.server.close();
  await redisServer.stop();
}

await main();

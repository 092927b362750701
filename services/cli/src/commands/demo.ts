import { resolve } from 'node:path';
import { crawlQueue, createProducer, waitForIdle, type QueueCounts } from '@wirehose/queue';
import { sampleSources, startSampleSite } from '@wirehose/sample-site';
import { SourceSchema, type StoryEvent, type StoryRecord } from '@wirehose/schemas';
import { createStores } from '@wirehose/store';
import type { Logger } from '@wirehose/logger';
import { startPipeline } from '../pipeline.js';
import { formatProgress } from '../progress.js';
import { assertWritable } from '../reach.js';
import { SERVICE_NAMES } from '../service-names.js';

export interface DemoOptions {
  redisUrl: string;
  prefix: string;
  outPath: string;
  log: Logger;
  env: Record<string, string | undefined>;
  /** Where progress and the summary go. */
  print: (line: string) => void;
  timeoutMs?: number;
  /** The Redis is the demo's own and goes away when it exits (said in the summary). */
  redisIsPrivate?: boolean;
  /** Stops the demo early (SIGTERM, Ctrl-C): the wait ends, everything started is closed, it rejects. */
  signal?: AbortSignal;
}

/** Reject as soon as `signal` aborts; `work` goes on, its owner closes what it uses. */
async function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  // Once abandoned, `work` may fail as its connections close; that failure is expected, not news.
  work.catch(() => undefined);
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error(`demo stopped (${String(signal.reason)})`));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

export interface DemoResult {
  records: StoryRecord[];
  counts: QueueCounts[];
  outPath: string;
}

/**
 * Serve the bundled sample site on 127.0.0.1, run every stage over it once (crawl its feed and sitemap
 * index), wait until the queues are idle, and summarise the published stories.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { print, log, signal } = options;
  const outPath = resolve(options.outPath);
  await assertWritable(outPath);
  signal?.throwIfAborted();
  const site = await startSampleSite();
  print(`sample site on ${site.baseUrl} (${site.content.articles.length} articles)`);
  const pipeline = await startPipeline({
    redisUrl: options.redisUrl,
    prefix: options.prefix,
    log,
    services: SERVICE_NAMES.filter((s) => s !== 'scheduler'),
    env: {
      ...options.env,
      NDJSON_PATH: outPath,
      // The sample site is on loopback, which the fetcher refuses unless allowed; it is our own local
      // server, so the per-host politeness delay (meant for other people's sites) is off for it.
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      FETCH_HOST_MIN_DELAY_MS: '0',
      FETCH_HOST_CONCURRENCY: '8',
    },
  }).catch(async (err: unknown) => {
    await site.close();
    throw err;
  });
  try {
    signal?.throwIfAborted();
    const crawls = createProducer(crawlQueue, pipeline.deps.queues);
    for (const source of sampleSources(site.baseUrl))
      await crawls.add({ source: SourceSchema.parse(source) });
    await crawls.close();
    let lastLine = '';
    let lastAt = 0;
    const idle = waitForIdle(pipeline.deps.queues, {
      timeoutMs: options.timeoutMs ?? 120_000,
      onProgress(c) {
        const line = formatProgress(c);
        if (line !== lastLine && Date.now() - lastAt > 300) {
          print(`progress: ${line}`);
          lastLine = line;
          lastAt = Date.now();
        }
      },
    });
    const counts = await unlessAborted(idle, signal);
    const stores = createStores({ redis: pipeline.deps.redis, prefix: options.prefix });
    const ids = await stores.records.idsSince(new Date(0));
    const records = (await Promise.all(ids.map((id) => stores.records.get(id)))).filter(
      (r): r is StoryRecord => r !== null,
    );
    printSummary(print, records, counts, outPath, options.prefix, options.redisIsPrivate ?? false);
    return { records, counts, outPath };
  } finally {
    await pipeline.close();
    await site.close();
  }
}

function printSummary(
  print: (line: string) => void,
  records: StoryRecord[],
  counts: QueueCounts[],
  outPath: string,
  prefix: string,
  redisIsPrivate: boolean,
): void {
  const fetched = counts.find((c) => c.queue === 'fetch')?.completed ?? 0;
  const copies = records.reduce((n, r) => n + r.copies.length, 0);
  const events = records.reduce((n, r) => n + r.events.length, 0);
  const failed = counts.reduce((n, c) => n + c.failed, 0);
  print('');
  print(
    `articles fetched: ${fetched}   stories: ${records.length}   copies: ${copies}   events: ${events}   failed jobs: ${failed}`,
  );
  for (const record of [...records].sort((a, b) => b.copies.length - a.copies.length)) {
    const original = record.story.original;
    print(`- [${copiesLabel(record.copies.length)}] ${record.story.title}`);
    if (record.copies.length > 1) {
      print(
        `    outlets: ${record.story.outlets.join(', ')}; original: ${original.source} (${original.basis})`,
      );
    }
    for (const event of record.events) {
      const targets = event.targets.map((t) => t.code).join(', ') || '-';
      print(
        `    ${eventDateLabel(event, record.story.firstPublishedAt)}: ${event.source?.code ?? '-'} ${event.type}${event.mode ? `/${event.mode}` : ''} -> ${targets} (CAMEO ${event.cameo.code}; ${copiesLabel(event.mentions.copies)})`,
      );
    }
  }
  print('');
  print(
    `records: ${outPath} (NDJSON) and Redis stream ${prefix}:records` +
      (redisIsPrivate ? ' (in the private Redis, gone when the demo exits; set REDIS_URL to keep it)' : ''),
  );
}

/** An event dated this many days or more before its story was first published is background, not news. */
export const BACKGROUND_DAYS = 30;

/**
 * "event 2026-11-20", or "background event 2023-03-14 (about 3 years before the story)" for an event
 * dated well before the story (a story's look back at an earlier event); "(date of publication)" when
 * the text gave no date of its own.
 */
export function eventDateLabel(
  event: Pick<StoryEvent, 'date' | 'dateBasis'>,
  storyDate: string | null,
): string {
  const basis = event.dateBasis === 'published' ? ' (date of publication)' : '';
  const days = storyDate ? Math.floor((Date.parse(storyDate) - Date.parse(event.date)) / 86_400_000) : 0;
  if (days < BACKGROUND_DAYS) return `event ${event.date}${basis}`;
  const ago =
    days >= 365 * 2
      ? `about ${Math.round(days / 365)} years`
      : days >= 60
        ? `about ${Math.round(days / 30.4)} months`
        : `${days} days`;
  return `background event ${event.date}${basis} (${ago} before the story)`;
}

function copiesLabel(n: number): string {
  return `${n} ${n === 1 ? 'copy' : 'copies'}`;
}

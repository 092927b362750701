import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '@wirehose/cli';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { waitForIdle } from '@wirehose/queue';
import type { StoryRecord } from '@wirehose/schemas';
import { signPayload } from '@wirehose/signing';
import { createStores } from '@wirehose/store';
import { ApiEnvSchema, startApi, type RunningApi } from '@wirehose/svc-api';
import { REDIS_URL, connect, deletePrefix, testPrefix } from '../../support/redis.js';
import { HMAC_SECRET, startServer, type TestServer } from './harness.js';

const ARTICLES: Record<string, { title: string; paragraphs: string[] }> = {
  '/news/harbour-bridge-reopens': {
    title: 'Harbour bridge reopens after two years of repairs',
    paragraphs: [
      'The harbour bridge reopened to traffic on Monday morning after two years of structural repairs that cost the city more than 40 million euros.',
      'Engineers replaced the corroded steel cables and resurfaced the full length of the deck, the transport department said in a statement.',
      'Commuters who had faced detours of up to forty minutes welcomed the reopening, while shop owners near the old approach roads hoped for more customers.',
      'The mayor thanked the workers and promised that the remaining works on the pedestrian walkway would be finished before the summer.',
    ],
  },
  '/news/library-opens-late': {
    title: 'City library extends its opening hours into the evening',
    paragraphs: [
      'The central library will stay open until ten in the evening on weekdays from next month, the council announced after a public consultation.',
      'Students had asked for longer hours during exam periods, and the library will hire six more staff members to cover the evening shifts.',
      'The extended hours are funded for one year; the council will decide on a permanent change after counting the evening visitors.',
      'A new study room with forty desks will open on the second floor at the same time, with power sockets at every desk.',
    ],
  },
};

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Test Gazette"></head><body>
<header><nav><a href="/">Home</a></nav></header>
<article><h1>${title}</h1><p class="byline">By Staff Reporter</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>Copyright Test Gazette</footer></body></html>`;
}

describe('a signed webhook delivery through the whole pipeline', () => {
  const prefix = testPrefix('api-e2e');
  const redis = connect();
  const log = createLogger({ service: 'api-e2e', level: 'silent' });
  let site: TestServer;
  let pipeline: Pipeline;
  let api: RunningApi;

  beforeAll(async () => {
    site = await startServer((req, _body, res) => {
      const article = ARTICLES[req.url ?? ''];
      if (!article) return void res.writeHead(404).end('not found');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(article.title, article.paragraphs));
    });
    const env = {
      NDJSON_PATH: '',
      FETCH_ALLOW_PRIVATE: 'true',
      FETCH_ALLOW_HOSTS: '127.0.0.1',
    };
    pipeline = await startPipeline({
      redisUrl: REDIS_URL,
      prefix,
      log,
      services: ['fetcher', 'extractor', 'dedup', 'events', 'publisher'],
      env,
    });
    api = await startApi(
      pipeline.deps,
      loadConfig(ApiEnvSchema, {
        WIREHOSE_PREFIX: prefix,
        API_PORT: '0',
        API_HOST: '127.0.0.1',
        API_HMAC_SECRETS: `partner:${HMAC_SECRET}`,
        FETCH_ALLOW_HOSTS: '127.0.0.1',
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await pipeline?.close();
    await site?.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('fetches, extracts and publishes both URLs as story records', async () => {
    const body = JSON.stringify({
      sourceName: 'partner-webhook',
      items: Object.keys(ARTICLES).map((path) => ({ url: `${site.baseUrl}${path}` })),
    });
    const res = await fetch(`http://127.0.0.1:${api.port}/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wirehose-signature': signPayload(HMAC_SECRET, body) },
      body,
    });
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { accepted: number };
    expect(answer.accepted).toBe(2);

    const counts = await waitForIdle(pipeline.deps.queues, { timeoutMs: 60_000 });
    expect(counts.reduce((n, c) => n + c.failed, 0)).toBe(0);
    const stores = createStores({ redis: pipeline.deps.redis, prefix });
    const ids = await stores.records.idsSince(new Date(0));
    const records = (await Promise.all(ids.map((id) => stores.records.get(id)))).filter(
      (r): r is StoryRecord => r !== null,
    );
    expect(records.map((r) => r.story.title).sort()).toEqual(
      Object.values(ARTICLES)
        .map((a) => a.title)
        .sort(),
    );
    for (const record of records) {
      expect(record.copies).toHaveLength(1);
      expect(record.copies[0]?.sourceName).toBe('partner-webhook');
      expect(record.story.url.startsWith(site.baseUrl)).toBe(true);
    }
    // The API serves what the publisher wrote.
    const first = records[0];
    const story = await fetch(`http://127.0.0.1:${api.port}/v1/stories/${first?.id ?? ''}`, {
      headers: { 'x-wirehose-signature': signPayload(HMAC_SECRET, '') },
    });
    expect(story.status).toBe(200);
    expect(((await story.json()) as StoryRecord).id).toBe(first?.id);
  }, 90_000);
});

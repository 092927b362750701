import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { createProducer, deadLetterQueue } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { ApiEnvSchema, startApi, type RunningApi } from '@wirehose/svc-api';
import { REDIS_URL, connect, deletePrefix, testPrefix } from '../../support/redis.js';
import { findChromium, launchChromium, type Browser } from './chromium.js';

const executable = findChromium();
if (!executable) {
  process.stderr.write(
    'skipping the browser tests: no chromium found (CHROMIUM_PATH, /usr/bin/chromium or PATH); ' +
      'install it with `apt-get install -y chromium`\n',
  );
}

/** Starting Chromium on a busy two-core CI machine can take a while. */
const BROWSER_TIMEOUT_MS = 120_000;
const API_KEY = 'browser-key-0123456789abcdef';
const SINKS_YAML = `sinks:
  - type: redis-stream
  - type: webhook
    name: partner-hook
    url: https://hooks.example.org/wirehose
    secret: hook-secret-0123456789abcdef
`;

/** What went wrong on a page that a person would notice: script errors and failed same-origin loads. */
function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('response', (res) => {
    if (res.url().startsWith(origin) && res.status() >= 400 && !res.url().endsWith('/favicon.ico'))
      problems.push(`${res.status()} ${res.url()}`);
  });
  return problems;
}

describe.runIf(executable)('the API in a real headless Chromium', () => {
  const prefix = testPrefix('api-browser');
  const redis = connect();
  const log = createLogger({ service: 'api-browser', level: 'silent' });
  let deps: ReturnType<typeof createStageDeps>;
  let api: RunningApi;
  let browser: Browser;
  let dir: string;
  let origin: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wh-browser-'));
    const sinksFile = join(dir, 'sinks.yaml');
    await writeFile(sinksFile, SINKS_YAML);
    deps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
    api = await startApi(
      deps,
      loadConfig(ApiEnvSchema, {
        REDIS_URL,
        WIREHOSE_PREFIX: prefix,
        API_PORT: '0',
        API_HOST: '127.0.0.1',
        API_KEYS: `ops:${API_KEY}`,
        SINKS_FILE: sinksFile,
      }),
    );
    origin = `http://127.0.0.1:${api.port}`;
    // One dead letter, so the dashboard has something to show on that queue.
    const dlq = createProducer(deadLetterQueue, deps.queues);
    await dlq.add({
      queue: 'publish-partner-hook',
      jobId: 'story-1-v1',
      name: 'deliver',
      data: { storyId: 'story-1', version: 1 },
      error: 'webhook answered 500',
      stack: null,
      attemptsMade: 5,
      failedAt: new Date().toISOString(),
    });
    await dlq.close();
    // A person opening the dashboard types the key as the basic-auth password when the browser asks.
    browser = await launchChromium(executable as string, {
      httpCredentials: { username: 'ops', password: API_KEY },
    });
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await deps?.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'shows the API docs at /docs, reached from /, with the ingest operation listed',
    async () => {
      const page = await browser.context.newPage();
      const problems = watchPage(page, origin);
      await page.goto(`${origin}/`);
      expect(new URL(page.url()).pathname).toBe('/docs');
      await expect.poll(() => page.title()).toBe('wirehose API docs');
      const heading = page.locator('.information-container .title');
      await heading.waitFor({ state: 'visible' });
      expect(await heading.innerText()).toContain('wirehose API');
      const ingest = page.locator('.opblock-post', { hasText: '/v1/ingest' });
      await ingest.first().waitFor({ state: 'visible' });
      expect(await ingest.first().locator('.opblock-summary-method').innerText()).toBe('POST');
      await expect
        .poll(() => page.locator('.opblock-summary-path', { hasText: '/v1/search' }).count())
        .toBe(1);
      expect(problems).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'shows the dead-letter queue and each sink queue on /admin/queues',
    async () => {
      const page = await browser.context.newPage();
      const problems = watchPage(page, origin);
      const res = await page.goto(`${origin}/admin/queues`);
      expect(res?.status()).toBe(200);
      for (const name of ['fetch', 'dead-letter', 'publish-redis-stream', 'publish-partner-hook']) {
        await page.getByText(name, { exact: true }).first().waitFor({ state: 'visible' });
      }
      // The dead-letter queue's own page lists the failed delivery.
      await page.getByRole('link', { name: 'dead-letter', exact: true }).first().click();
      await page.getByText('webhook answered 500').first().waitFor({ state: 'visible' });
      expect(problems).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});

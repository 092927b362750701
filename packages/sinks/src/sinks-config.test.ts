import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SINK_ENV,
  loadSinksConfig,
  parseSinksFile,
  resolveSinks,
  SinksConfigError,
} from './sinks-config.js';

describe('the sinks file', () => {
  it('without a file runs the stream and NDJSON sinks from the environment defaults', async () => {
    const sinks = await loadSinksConfig(undefined, DEFAULT_SINK_ENV);
    expect(sinks.map((s) => [s.name, s.type])).toEqual([
      ['redis-stream', 'redis-stream'],
      ['ndjson', 'ndjson'],
    ]);
    const off = await loadSinksConfig(undefined, { ...DEFAULT_SINK_ENV, NDJSON_PATH: '', PG_SINK: true });
    expect(off.map((s) => s.type)).toEqual(['redis-stream', 'postgres']);
  });

  it('fills in names, env defaults and retry settings', async () => {
    const file = parseSinksFile(`
sinks:
  - type: redis-stream
    stream: wire
  - type: postgres
  - type: ndjson
    path: out/x.ndjson
    rotate: { maxBytes: 1000000, daily: true }
  - type: webhook
    name: partner-a
    url: https://hooks.example/wirehose
    secret: 0123456789abcdef0123
    filter: { countries: [VEN] }
    retry: { attempts: 8 }
  - type: webhook
    name: partner-b
    enabled: false
    url: https://b.example/
    secret: 0123456789abcdef0123
`);
    const sinks = await resolveSinks(file, { ...DEFAULT_SINK_ENV, PG_SCHEMA: 'idx' });
    expect(sinks.map((s) => s.name)).toEqual(['redis-stream', 'postgres', 'ndjson', 'partner-a']);
    const [stream, pg, ndjson, hook] = sinks;
    expect(stream).toMatchObject({
      stream: 'wire',
      maxLen: 100_000,
      retry: { attempts: 14, backoffMs: 2_000 },
    });
    expect(pg).toMatchObject({ databaseUrl: DEFAULT_SINK_ENV.DATABASE_URL, schema: 'idx', migrate: true });
    expect(ndjson).toMatchObject({ path: 'out/x.ndjson', rotate: { maxBytes: 1_000_000, daily: true } });
    expect(hook).toMatchObject({
      allowPrivate: false,
      timeoutMs: 10_000,
      retry: { attempts: 8, backoffMs: 2_000 },
      filter: { countries: ['VEN'] },
    });
  });

  it('reads a webhook secret from a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirehose-sinks-'));
    try {
      await writeFile(join(dir, 'secret'), 'a-secret-from-a-file-123\n');
      const file = parseSinksFile(
        `sinks: [{ type: webhook, url: "https://h.example/", secretFile: "${join(dir, 'secret')}" }]`,
      );
      const [hook] = await resolveSinks(file, DEFAULT_SINK_ENV);
      expect(hook?.type === 'webhook' ? hook.secret : null).toBe('a-secret-from-a-file-123');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names every problem of an invalid file', () => {
    let caught: unknown;
    try {
      parseSinksFile(`
sinks:
  - type: webhook
    url: ftp://x.example/
  - type: kafka
  - type: ndjson
    name: Bad Name
`);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SinksConfigError);
    const message = (caught as Error).message;
    expect(message).toContain('sinks[0]');
    expect(message).toContain('sinks[1]');
    expect(message).toContain('sinks[2]');
  });

  it('refuses two sinks with the same name', async () => {
    const file = parseSinksFile('sinks: [{ type: ndjson }, { type: ndjson, path: b.ndjson }]');
    await expect(resolveSinks(file, DEFAULT_SINK_ENV)).rejects.toThrow(/second sink is named "ndjson"/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinkQueueNames } from './sink-queues.js';

describe('sinkQueueNames', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wh-sinks-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the queues of the enabled sinks of a sinks file, without reading webhook secrets', async () => {
    const file = join(dir, 'sinks.yaml');
    await writeFile(
      file,
      [
        'sinks:',
        '  - type: redis-stream',
        '  - { type: ndjson, name: archive, enabled: false }',
        '  - { type: webhook, name: partner, url: "https://hooks.example.org/in", secretFile: /nowhere/secret }',
      ].join('\n'),
    );
    expect(await sinkQueueNames({ SINKS_FILE: file, NDJSON_PATH: '', PG_SINK: false })).toEqual([
      'publish-redis-stream',
      'publish-partner',
    ]);
  });

  it('follows NDJSON_PATH and PG_SINK without a sinks file, as the publisher does', async () => {
    expect(await sinkQueueNames({ NDJSON_PATH: 'out/r.ndjson', PG_SINK: true })).toEqual([
      'publish-redis-stream',
      'publish-ndjson',
      'publish-postgres',
    ]);
    expect(await sinkQueueNames({ NDJSON_PATH: '', PG_SINK: false })).toEqual(['publish-redis-stream']);
  });

  it('names the file and SINKS_FILE when the file cannot be read', async () => {
    const missing = join(dir, 'missing.yaml');
    await expect(sinkQueueNames({ SINKS_FILE: missing, NDJSON_PATH: '', PG_SINK: false })).rejects.toThrow(
      `cannot read sinks file ${missing} (SINKS_FILE)`,
    );
  });
});

import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { StoryRecord } from '@wirehose/schemas';
import type { Sink, SinkOutcome } from './sink.js';

/** Versions already in the file, so a restart or a second run appends nothing it already wrote. */
async function readVersions(path: string): Promise<Map<string, { version: number; contentHash: string }>> {
  const seen = new Map<string, { version: number; contentHash: string }>();
  let lines;
  try {
    lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      try {
        const { id, version, contentHash } = JSON.parse(line) as Partial<StoryRecord>;
        if (typeof id === 'string' && typeof version === 'number' && typeof contentHash === 'string') {
          const prev = seen.get(id);
          if (!prev || prev.version < version) seen.set(id, { version, contentHash });
        }
      } catch {
        // A torn last line (crash mid-append) is not a record; it is left as is and skipped.
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return seen;
}

/**
 * Appends one JSON line per record version to a file. A version (or the same content) already in the
 * file is skipped.
 */
export function createNdjsonSink({ path, name = 'ndjson' }: { path: string; name?: string }): Sink {
  let versions: Promise<Map<string, { version: number; contentHash: string }>> | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  async function write(record: StoryRecord): Promise<SinkOutcome> {
    versions ??= mkdir(dirname(path), { recursive: true }).then(() => readVersions(path));
    const seen = await versions;
    const prev = seen.get(record.id);
    if (prev && (prev.version >= record.version || prev.contentHash === record.contentHash)) return 'skipped';
    await appendFile(path, `${JSON.stringify(record)}\n`, 'utf8');
    seen.set(record.id, { version: record.version, contentHash: record.contentHash });
    return 'written';
  }

  return {
    name,
    write(record) {
      // Appends are serialised so that concurrent jobs never interleave lines or race the version check.
      const next = tail.then(() => write(record));
      tail = next.catch(() => undefined);
      return next;
    },
    async close() {
      await tail;
    },
  };
}

import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { StoryRecord } from '@wirehose/schemas';
import type { Sink, SinkOutcome } from './sink.js';

export interface NdjsonRotation {
  /** Start a new file when the current one would grow past this many bytes (a line is never split). */
  maxBytes?: number;
  /** One set of files per UTC day: `records.2026-11-24.ndjson`, `records.2026-11-24.1.ndjson`, … */
  daily?: boolean;
}

export interface NdjsonSinkOptions {
  /** The file; when rotating, the base of the file names (`out/records.ndjson`). */
  path: string;
  name?: string;
  rotate?: NdjsonRotation;
  /** Clock seam for daily rotation. */
  now?: () => Date;
}

type Seen = Map<string, { version: number; contentHash: string }>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fold the versions in one file into `seen`. */
async function readVersions(path: string, seen: Seen): Promise<void> {
  try {
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
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
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/**
 * Appends one JSON line per record version to a file, optionally rotated by size and/or UTC day. A
 * version (or the same content) already in any of the sink's files is skipped, so restarts, redelivery
 * and re-runs append nothing twice. Appends are serialised within a process; give each process its own
 * path (or run this sink in one process).
 */
export function createNdjsonSink({
  path,
  name = 'ndjson',
  rotate,
  now = () => new Date(),
}: NdjsonSinkOptions): Sink {
  const dir = dirname(path);
  const ext = extname(path);
  const stem = basename(path, ext);
  const rotating = Boolean(rotate?.daily || rotate?.maxBytes);
  // stem[.YYYY-MM-DD][.N]ext
  const pattern = new RegExp(
    `^${escapeRegExp(stem)}(?:\\.(\\d{4}-\\d{2}-\\d{2}))?(?:\\.(\\d+))?${escapeRegExp(ext)}$`,
  );

  const fileName = (day: string | null, seq: number): string =>
    join(dir, `${stem}${day ? `.${day}` : ''}${seq > 0 ? `.${seq}` : ''}${ext}`);

  interface State {
    seen: Seen;
    /** Highest sequence number per day key ('' without daily rotation). */
    seqs: Map<string, number>;
    current: { file: string; day: string; size: number } | null;
  }
  let state: Promise<State> | undefined;

  async function load(): Promise<State> {
    await mkdir(dir, { recursive: true });
    const seen: Seen = new Map();
    const seqs = new Map<string, number>();
    const files = rotating ? (await readdir(dir)).filter((f) => pattern.test(f)).sort() : [basename(path)];
    for (const file of files) {
      await readVersions(join(dir, file), seen);
      const match = pattern.exec(file);
      if (match) {
        const day = match[1] ?? '';
        const seq = Number(match[2] ?? 0);
        seqs.set(day, Math.max(seqs.get(day) ?? 0, seq));
      }
    }
    return { seen, seqs, current: null };
  }

  async function target(s: State, lineBytes: number): Promise<string> {
    if (!rotating) return path;
    const day = rotate?.daily ? now().toISOString().slice(0, 10) : '';
    if (!s.current || s.current.day !== day) {
      const seq = s.seqs.get(day) ?? 0;
      const file = fileName(day || null, seq);
      s.current = { file, day, size: await sizeOf(file) };
    }
    const max = rotate?.maxBytes;
    if (max && s.current.size > 0 && s.current.size + lineBytes > max) {
      const seq = (s.seqs.get(day) ?? 0) + 1;
      s.seqs.set(day, seq);
      s.current = { file: fileName(day || null, seq), day, size: 0 };
    }
    return s.current.file;
  }

  async function write(record: StoryRecord): Promise<SinkOutcome> {
    state ??= load();
    const s = await state;
    const prev = s.seen.get(record.id);
    if (prev && (prev.version >= record.version || prev.contentHash === record.contentHash)) return 'skipped';
    const line = `${JSON.stringify(record)}\n`;
    const bytes = Buffer.byteLength(line);
    const file = await target(s, bytes);
    await appendFile(file, line, 'utf8');
    if (s.current) s.current.size += bytes;
    s.seen.set(record.id, { version: record.version, contentHash: record.contentHash });
    return 'written';
  }

  let tail: Promise<unknown> = Promise.resolve();
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

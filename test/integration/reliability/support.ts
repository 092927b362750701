import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ArticleSchema, type Article } from '@wirehose/schemas';
import { hashId } from '@wirehose/store';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A service in a child process, as its `main.ts` runs, with its JSON log lines collected. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
  /** Resolve with the first log line (present or future) that `match` accepts. */
  waitFor(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended by itself (or by a signal: null). */
  exited(): Promise<number | null>;
  /** SIGKILL (no shutdown, locks held): resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export function spawnService(service: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', `services/${service}/src/main.ts`], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  let rest = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    rest += chunk.toString();
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      lines.push(JSON.parse(part) as Record<string, unknown>);
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    lines,
    waitFor(match, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines.find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (child.exitCode !== null) {
            cleanup();
            reject(new Error(`${service} exited ${child.exitCode} first: ${stderr.slice(-2000)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${service}: no such log line within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', check);
        };
        waiters.add(check);
        child.on('exit', check);
        check();
      });
    },
    async exited() {
      await gone;
      return child.exitCode;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await gone;
    },
  };
}

/** A stored article of our own words (not from any dev set), unique per `label`. */
export function makeArticle(label: string): Article {
  const url = `https://reliability.example/${label}`;
  const text = [
    `The ${label} river authority opened its new flood gates on Tuesday after three years of building.`,
    'Engineers said the gates can hold back water two metres above the record level of the last decade.',
    'Farmers downstream welcomed the work but asked for a second channel to drain the eastern fields.',
    'The authority will publish its maintenance plan next month and hold public meetings in each town.',
    'Officials expect the gates to protect about twelve thousand homes during the spring thaw.',
  ].join(' ');
  return ArticleSchema.parse({
    articleId: hashId(url),
    url,
    canonicalUrl: url,
    source: 'Valley Courier',
    sourceName: null,
    fetchedAt: new Date().toISOString(),
    title: `Flood gates open on the ${label} river`,
    subtitle: null,
    text,
    authors: [],
    publishedAt: new Date().toISOString(),
    modifiedAt: null,
    language: 'en',
    siteName: 'Valley Courier',
    image: null,
    section: null,
    tags: [],
    wordCount: text.split(/\s+/).length,
    isPaywalled: false,
    isTruncated: false,
    attribution: null,
  });
}

/** Milliseconds since `since`, rounded, for printed figures. */
export const elapsed = (since: number): number => Math.round(performance.now() - since);

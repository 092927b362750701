import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The `wirehose` launcher, by absolute path so a test can run it from any directory. */
export const BIN = fileURLToPath(new URL('../../../bin/wirehose.mjs', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `wirehose ARGS` as a newcomer would, with `env` as its whole environment. `onStdout` sees the
 * output as it comes (to send a signal at a chosen moment).
 */
export async function runCli(
  args: readonly string[],
  {
    env,
    cwd = REPO,
    onOutput,
  }: {
    env: Record<string, string | undefined>;
    cwd?: string;
    onOutput?: (output: string, child: { kill(signal: NodeJS.Signals): boolean }) => void;
  },
): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    onOutput?.(stdout + stderr, child);
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    onOutput?.(stdout + stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * The environment of a newcomer's shell: this process's, without the variables wirehose reads (so a
 * test sets exactly those it means) and with `TMPDIR` at `tmp` (where a private redis-server keeps its
 * directory, so the test can look for leftovers there).
 */
export function newcomerEnv(
  tmp: string,
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(REDIS_URL|DATABASE_URL|PG_SCHEMA|SOURCES_FILE|WIREHOSE_PREFIX|LOG_LEVEL|NODE_OPTIONS|VITEST.*)$/.test(
        key,
      )
    )
      continue;
    env[key] = value;
  }
  return { ...env, TMPDIR: tmp, ...extra };
}

/** Lines that look like a JavaScript stack frame. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at .+[(:]\d+/.test(l) || /node:internal/.test(l));
}

/**
 * What a private redis-server left under `tmp`: its data directories (`wirehose-redis-*`) and the pids
 * of redis-server processes still working in one (redis-server runs in its `--dir`).
 */
export async function leftoverRedis(tmp: string): Promise<{ dirs: string[]; pids: number[] }> {
  const dirs = (await readdir(tmp)).filter((d) => d.startsWith('wirehose-redis-'));
  const pids: number[] = [];
  if (existsSync('/proc')) {
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const comm = (await readFile(`/proc/${entry}/comm`, 'utf8')).trim();
        if (comm !== 'redis-server') continue;
        if ((await readlink(`/proc/${entry}/cwd`)).startsWith(tmp)) pids.push(Number(entry));
      } catch {
        // the process ended while we looked, or is not ours to read
      }
    }
  }
  return { dirs, pids };
}

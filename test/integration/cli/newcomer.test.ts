import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, ensureRedis } from '@wirehose/cli';
import { leftoverRedis, newcomerEnv, REPO, runCli, stackLines, type CliRun } from './spawn-cli.js';

// A newcomer's first hour, scripted: every command's help, the usual mistakes, and every service the
// CLI needs missing in turn. Each failure must say what is wrong in one line, exit non-zero, print no
// stack trace, and leave no private redis-server behind. Time is not asserted (machines differ); the
// report of the change gives measured figures.

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const UNREACHABLE_REDIS = 'redis://127.0.0.1:1';
const EXAMPLE_SOURCES = join(REPO, 'sources.example.yaml');

/** The one line a failed command printed on stderr (JSON log lines aside). */
function errorLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
}

function expectOneLineFailure(run: CliRun, pattern: RegExp): void {
  const lines = errorLines(run);
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.code, run.stderr).not.toBeNull();
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stackLines(run.stdout + run.stderr)).toEqual([]);
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

describe('a newcomer runs wirehose', () => {
  let tmp: string;
  let empty: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'wirehose-newcomer-'));
    empty = await mkdtemp(join(tmpdir(), 'wirehose-empty-'));
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  it('gets help with options and examples from every command and sub-command', async () => {
    const forms = COMMANDS.flatMap((c) => [
      { path: [c.name], options: c.options ?? [] },
      ...(c.subcommands ?? []).map((s) => ({ path: [c.name, s.name], options: s.options ?? [] })),
    ]);
    expect(forms.length).toBe(13);
    const runs = await inBatches(forms, 4, (f) => runCli([...f.path, '--help'], { env: newcomerEnv(tmp) }));
    forms.forEach((form, i) => {
      const run = runs[i] as CliRun;
      expect(run.code, `${form.path.join(' ')} --help: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`Usage: wirehose ${form.path.join(' ')}`);
      expect(run.stdout).toMatch(/Examples:\n {2}\$ wirehose /);
      for (const option of form.options) expect(run.stdout).toContain(`--${option.name}`);
    });
    const [short, helpCommand, top] = await Promise.all([
      runCli(['crawl', '-h'], { env: newcomerEnv(tmp) }),
      runCli(['help', 'search'], { env: newcomerEnv(tmp) }),
      runCli(['--help'], { env: newcomerEnv(tmp) }),
    ]);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('--once');
    expect(helpCommand.code).toBe(0);
    expect(helpCommand.stdout).toContain('--country');
    expect(top.code).toBe(0);
    for (const command of COMMANDS) expect(top.stdout).toContain(`  ${command.name} `);
  }, 180_000);

  it('is told the closest command, sub-command or option on a typo, and exit 2', async () => {
    const [command, option, sub, far] = await Promise.all([
      runCli(['demoo'], { env: newcomerEnv(tmp) }),
      runCli(['crawl', '--onse', 'x'], { env: newcomerEnv(tmp) }),
      runCli(['dlq', 'lsit'], { env: newcomerEnv(tmp) }),
      runCli(['sources', 'bogus'], { env: newcomerEnv(tmp) }),
    ]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'demoo'");
    expect(command.stderr).toContain('Did you mean demo?');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Did you mean --once?');
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('Did you mean list?');
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("unknown command 'bogus'");
    expect(far.stderr).toContain('wirehose sources has: list, check');
    for (const run of [command, option, sub, far]) expect(stackLines(run.stderr)).toEqual([]);
  });

  it('is told in one line that Redis cannot be reached, by every command that needs it', async () => {
    const env = newcomerEnv(tmp, { REDIS_URL: UNREACHABLE_REDIS });
    const cases = [
      ['sources', 'list', '--file', EXAMPLE_SOURCES],
      ['dlq', 'list'],
      ['replay', '--since', '2026-01-01'],
      ['crawl', '--once', '--file', EXAMPLE_SOURCES, 'example-rss'],
      ['consume', '--group', 'newcomer'],
      ['demo', '--out', join(tmp, 'demo.ndjson')],
      ['run', 'fetcher'],
    ];
    const runs = await inBatches(cases, 4, (args) => runCli(args, { env }));
    cases.forEach((args, i) => {
      const run = runs[i] as CliRun;
      expect(run.code, args.join(' ')).toBe(1);
      expectOneLineFailure(
        run,
        /^wirehose: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\).*REDIS_URL/,
      );
    });
  }, 180_000);

  it('stops `consume` on SIGTERM after Redis went away, logging each Redis error once', async () => {
    const redis = await ensureRedis(undefined);
    const group = `newcomer-${randomUUID().slice(0, 8)}`;
    const prefix = `newcomer-${randomUUID().slice(0, 8)}`;
    let redisStopped = false;
    let signalled = false;
    const watcher = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    watcher.on('error', () => {});
    try {
      const run = runCli(['consume', '--group', group], {
        env: newcomerEnv(tmp, { REDIS_URL: redis.url, WIREHOSE_PREFIX: prefix, LOG_LEVEL: 'info' }),
        onOutput(output, child) {
          if (redisStopped && !signalled && output.includes('redis error')) {
            signalled = true;
            child.kill('SIGTERM');
          }
        },
      });
      let exited: CliRun | undefined;
      void run.then((r) => (exited = r));
      // The consumer is reading once its group exists (or it ended early: the assertions below say why).
      while (!exited) {
        const groups = (await watcher.xinfo('GROUPS', `${prefix}:records`).catch(() => [])) as unknown[];
        if (groups.length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(exited?.stderr).toBeUndefined();
      watcher.disconnect();
      redisStopped = true;
      await redis.stop();
      const result = await run;
      expect(signalled).toBe(true);
      expect(result.code, result.stderr).toBe(0);
      const errors = result.stderr
        .split('\n')
        .filter((l) => l.includes('"msg":"redis error; reconnecting"'))
        .map((l) => (JSON.parse(l) as { err: { message: string } }).err.message);
      expect(errors.length).toBeGreaterThan(0);
      errors.forEach((message, i) => expect(message).not.toBe(errors[i - 1]));
    } finally {
      watcher.disconnect();
      await redis.stop();
    }
  });

  it('is told where a sources file is expected and how to give one', async () => {
    const env = newcomerEnv(tmp, { REDIS_URL });
    const cases = [
      ['sources', 'list'],
      ['sources', 'check'],
      ['crawl', '--once', 'example-rss'],
    ];
    const runs = await Promise.all(cases.map((args) => runCli(args, { env, cwd: empty })));
    runs.forEach((run) =>
      expectOneLineFailure(
        run,
        /^wirehose: no sources file at sources\.yaml: pass --file FILE, set SOURCES_FILE, or copy sources\.example\.yaml/,
      ),
    );
  });

  it('is told at once that the demo output cannot be written, naming the path', async () => {
    const paths = [join(EXAMPLE_SOURCES, 'x.ndjson')];
    if (existsSync('/proc')) paths.push('/proc/nope/x.ndjson');
    const runs = await Promise.all(paths.map((p) => runCli(['demo', '--out', p], { env: newcomerEnv(tmp) })));
    runs.forEach((run, i) =>
      expectOneLineFailure(run, new RegExp(`cannot write the demo output ${paths[i]}.*--out`)),
    );
    expect(await leftoverRedis(tmp)).toEqual({ dirs: [], pids: [] });
  });

  it('gets every configuration problem of every service named in one go', async () => {
    const run = await runCli(['run', 'api', 'fetcher', 'dedup'], {
      env: newcomerEnv(tmp, { FETCHER_CONCURRENCY: 'abc', DEDUP_BUCKETS: '0', API_PORT: '-1' }),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/FETCHER_CONCURRENCY: .*\(fetcher\)/);
    expect(run.stderr).toMatch(/DEDUP_BUCKETS: .*\(dedup\)/);
    expect(run.stderr).toMatch(/API_PORT: .*\(api\)/);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(await leftoverRedis(tmp)).toEqual({ dirs: [], pids: [] });
  });

  describe('`run` and `demo` with their own redis-server stop it on every way out', () => {
    let busy: Server;
    let badSources: string;

    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      badSources = join(tmp, 'bad-sources.yaml');
      await writeFile(badSources, 'sources:\n  - name: lonely\n    kind: carrier-pigeon\n');
    });

    afterAll(async () => {
      await new Promise((resolve) => busy.close(resolve));
    });

    it('run without a sources.yaml', async () => {
      const run = await runCli(['run'], { env: newcomerEnv(tmp), cwd: empty });
      expectOneLineFailure(run, /no sources file at sources\.yaml: pass --file FILE, set SOURCES_FILE/);
      expect(await leftoverRedis(tmp)).toEqual({ dirs: [], pids: [] });
    });

    it('run with an invalid sources file', async () => {
      const run = await runCli(['run', 'scheduler'], { env: newcomerEnv(tmp, { SOURCES_FILE: badSources }) });
      expect(run.code).toBe(1);
      expect(errorLines(run)[0]).toContain(`${badSources}: invalid sources file`);
      expect(stackLines(run.stderr)).toEqual([]);
      expect(await leftoverRedis(tmp)).toEqual({ dirs: [], pids: [] });
    });

    it('run api on a port already in use', async () => {
      const address = busy.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const run = await runCli(['run', 'api'], {
        env: newcomerEnv(tmp, { API_PORT: String(port), API_HOST: '127.0.0.1' }),
      });
      expect(run.code).toBe(1);
      expect(errorLines(run).at(-1)).toContain('EADDRINUSE');
      expect(stackLines(errorLines(run).join('\n'))).toEqual([]);
      expect(await leftoverRedis(tmp)).toEqual({ dirs: [], pids: [] });
    });

    it('demo stopped by SIGTERM while it runs', async () => {
      let signalled = false;
      const run = await runCli(['demo', '--out', join(tmp, 'stopped.ndjson')], {
        env: newcomerEnv(tmp),
        onOutput(output, child) {
          if (!signalled && output.includes('sample site on')) {
            signalled = true;
            child.kill('SIGTERM');
          }
        },
      });
      expect(signalled).toBe(true);
      expect(run.code, run.stderr).toBe(143);
      expect(errorLines(run)).toEqual(['wirehose: stopped by SIGTERM']);
      expect(await leftoverRedis(tmp)).toEqual({ dirs: [], pids: [] });
    });
  });

  describe('search, before and after `wirehose migrate`', () => {
    const schema = `newcomer_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });

    afterAll(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    });

    it('names a DATABASE_URL that is not a URL', async () => {
      const run = await runCli(['search', 'harbour'], { env: newcomerEnv(tmp, { DATABASE_URL: 'notaurl' }) });
      expectOneLineFailure(run, /^wirehose: DATABASE_URL is not a URL: "notaurl"; set it to postgres:\/\//);
    });

    it('points at `wirehose migrate` when the index does not exist, and answers [] after it', async () => {
      const env = newcomerEnv(tmp, { DATABASE_URL, PG_SCHEMA: schema });
      const before = await runCli(['search', 'harbour'], { env });
      expectOneLineFailure(before, /search index not found .*run `wirehose migrate`/);
      const migrate = await runCli(['migrate'], { env });
      expect(migrate.code, migrate.stderr).toBe(0);
      const [json, named, unknown] = await Promise.all([
        runCli(['search', 'harbour', '--json', '--country', 'Venezuela'], { env }),
        runCli(['search', 'harbour', '--country', 'venezuelan'], { env }),
        runCli(['search', 'harbour', '--country', 'Narnia'], { env }),
      ]);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual([]);
      expect(named.code, named.stderr).toBe(0);
      expect(named.stdout).toContain('no stories match');
      expectOneLineFailure(unknown, /--country expects an ISO 3166 alpha-3 code/);
    });
  });
});

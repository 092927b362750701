import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, connect, deletePrefix, testPrefix } from '../../support/redis.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Files whose marked shell blocks run, in this order (the README's start block first). */
const FILES = ['README.md', 'docs/api.md'];
const EXAMPLE_HOST = 'http://localhost:8080';

interface Block {
  file: string;
  start: boolean;
  code: string;
}

/** The ```sh blocks right after a `<!-- shell-example -->` (or `<!-- shell-example: start -->`) marker. */
export function markedBlocks(file: string, text: string): Block[] {
  const found: Block[] = [];
  const marker = /<!-- shell-example(: start)? -->\s*\n```sh\n([\s\S]*?)\n```/g;
  for (const m of text.matchAll(marker)) found.push({ file, start: m[1] !== undefined, code: m[2] ?? '' });
  return found;
}

/** A port nothing listens on now: the README's start command needs it before the API starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Answer {
  status: number;
  method: string;
  url: string;
}

/** Every curl of the script reports its answer on stderr (the bodies stay on stdout). */
const PRELUDE = `set -euo pipefail
curl() { command curl -w '%{stderr}WH-ANSWER %{http_code} %{method} %{url_effective}\\n' "$@"; }
# Stop what the start block put in the background, gracefully, however the script ends.
trap 'kill -TERM $(jobs -p) 2>/dev/null; wait' EXIT
`;

describe('the shell examples of the README and docs/api.md', () => {
  const prefix = testPrefix('api-docs');
  const schema = `docs_${randomUUID().slice(0, 8)}`;
  const redis = connect();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  let dir: string;
  let blocks: Block[];

  beforeAll(async () => {
    blocks = [];
    for (const file of FILES) blocks.push(...markedBlocks(file, await readFile(join(ROOT, file), 'utf8')));
    dir = await mkdtemp(join(tmpdir(), 'wh-shell-'));
    // The examples run from a checkout's root (`node bin/wirehose.mjs`); logs and output land in `dir`.
    await symlink(join(ROOT, 'bin'), join(dir, 'bin'));
  });

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('marks one start block and the request examples', () => {
    expect(blocks.filter((b) => b.start).map((b) => b.file)).toEqual(['README.md']);
    expect(blocks.filter((b) => b.file === 'README.md' && !b.start).length).toBeGreaterThanOrEqual(1);
    expect(blocks.filter((b) => b.file === 'docs/api.md').length).toBeGreaterThanOrEqual(4);
  });

  it('run as written against the API they start, every request answered 2xx', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const ordered = [...blocks.filter((b) => b.start), ...blocks.filter((b) => !b.start)];
    const script =
      PRELUDE + ordered.map((b) => `# ${b.file}\n${b.code.replaceAll(EXAMPLE_HOST, base)}\n`).join('\n');
    const { PATH, HOME, LANG } = process.env;
    const child = spawn('bash', ['-c', script], {
      cwd: dir,
      detached: true,
      env: {
        PATH,
        HOME,
        LANG,
        // Where this test's Redis, key prefix and PostgreSQL schema are; the blocks set the rest.
        REDIS_URL,
        WIREHOSE_PREFIX: prefix,
        PG_SCHEMA: schema,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // A start that never gets ready would loop forever: end the whole group and report.
    const guard = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, 150_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    const log = await readFile(join(dir, 'wirehose.log'), 'utf8').catch(() => '(no wirehose.log)');
    const report = `exit ${code}\n--- stderr\n${stderr.slice(-3000)}\n--- stdout\n${stdout.slice(-2000)}\n--- wirehose.log\n${log.slice(-3000)}`;
    expect(code, report).toBe(0);

    const answers: Answer[] = [...stderr.matchAll(/^WH-ANSWER (\d{3}) (\S+) (\S+)$/gm)].map((m) => ({
      status: Number(m[1]),
      method: m[2] ?? '',
      url: m[3] ?? '',
    }));
    // 000: the start block's wait loop knocking before the API listens.
    const answered = answers.filter((a) => a.status !== 0);
    expect(
      answered.filter((a) => a.status < 200 || a.status > 299),
      report,
    ).toEqual([]);
    const requests = ordered
      .filter((b) => !b.start)
      .flatMap((b) => b.code.split('\n'))
      .filter((line) => /^curl\s/.test(line));
    // Each example request once, plus the readiness check that ended the wait.
    expect(answered.length, report).toBe(requests.length + 1);
    const paths = answered.map((a) => `${a.method} ${new URL(a.url).pathname}`);
    expect(paths.filter((p) => p === 'POST /v1/ingest').length).toBe(3);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /v1/search',
        'GET /admin/queues/api/queues',
        'GET /docs/json',
        'GET /metrics',
      ]),
    );
  }, 180_000);
});

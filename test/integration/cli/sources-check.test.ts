import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@wirehose/logger';
import { sourcesCommand } from '@wirehose/cli';

const log = createLogger({ service: 'cli-test', level: 'silent' });

describe('wirehose sources check: source URLs under the fetch policy', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirehose-sources-check-'));
    file = join(dir, 'sources.yaml');
    await writeFile(
      file,
      `sources:
  - name: files
    kind: rss
    url: ftp://files.example/feed.xml
  - name: passwd
    kind: rss
    url: file:///etc/passwd
  - name: local
    kind: atom
    url: http://127.0.0.1:9/feed.xml
`,
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function check(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await sourcesCommand.run({
      args: ['check'],
      flags: { file },
      env,
      log,
      print: (l) => lines.push(l),
    });
    return { code, lines };
  }

  it('refuses ftp://, file:// and loopback sources, says why, and exits 1', async () => {
    const { code, lines } = await check({});
    expect(code).toBe(1);
    expect(lines).toEqual([
      '  files: ftp://files.example/feed.xml refused: scheme ftp is not http or https',
      '  passwd: file:///etc/passwd refused: scheme file is not http or https',
      '  local: http://127.0.0.1:9/feed.xml refused: loopback address 127.0.0.1',
      `${file}: 3 source(s), 3 refused by the fetcher's URL policy (FETCH_ALLOW_PRIVATE, FETCH_ALLOW_HOSTS)`,
    ]);
  });

  it('lets a host through when the fetcher would (FETCH_ALLOW_HOSTS), but never another scheme', async () => {
    const { code, lines } = await check({ FETCH_ALLOW_HOSTS: '127.0.0.1' });
    expect(code).toBe(1);
    expect(lines.filter((l) => l.includes('refused:')).map((l) => l.split(':')[0]?.trim())).toEqual([
      'files',
      'passwd',
    ]);
  });
});

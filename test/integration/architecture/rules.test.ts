import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// The layer rules of .dependency-cruiser.cjs, run by `pnpm arch:check`, are tried here on small
// trees written for the test: a tree that breaks each rule must fail, and a tree that keeps them passes.
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function tree(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'wh-arch-'));
  const all = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
    }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      depcruise,
      ['packages', 'services', '--config', config, '--output-type', 'err'],
      {
        cwd,
      },
    );
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? 1, out: e.stdout ?? '' };
  }
}

describe('architecture rules', () => {
  it('passes a tree that keeps the layers', async () => {
    const cwd = await tree({
      'packages/schemas/src/index.ts': 'export const kind = 1;\n',
      'packages/queue/src/index.ts':
        "import { kind } from '../../schemas/src/index.js';\nexport const q = kind;\n",
      'services/fetcher/src/index.ts':
        "import { q } from '../../../packages/queue/src/index.js';\nexport const f = q;\n",
      'services/fetcher/src/main.ts': "import { f } from './index.js';\nexport const m = f;\n",
    });
    const { code, out } = await cruise(cwd);
    expect(out).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('fails on a deep import, a cycle, a leaf importing upward, a package importing a service, and services importing each other', async () => {
    const cwd = await tree({
      'packages/queue/src/index.ts': "export { inner } from './inner.js';\n",
      'packages/queue/src/inner.ts': 'export const inner = 1;\n',
      'packages/store/src/index.ts':
        "import { inner } from '../../queue/src/inner.js';\nexport const s = inner;\n",
      'packages/schemas/src/index.ts': "import { s } from '../../store/src/index.js';\nexport const k = s;\n",
      'packages/sinks/src/index.ts': "export { a } from './a.js';\n",
      'packages/sinks/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'packages/sinks/src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'packages/metrics/src/index.ts':
        "import { f } from '../../../services/fetcher/src/index.js';\nexport const m = f;\n",
      'services/fetcher/src/index.ts': 'export const f = 1;\n',
      'services/dedup/src/index.ts': "import { f } from '../../fetcher/src/index.js';\nexport const d = f;\n",
    });
    const { code, out } = await cruise(cwd);
    expect(code).not.toBe(0);
    expect(out).toContain('no-deep-import: packages/store/src/index.ts → packages/queue/src/inner.ts');
    expect(out).toContain('no-cycle');
    expect(out).toContain(
      'leaf-packages-stand-alone: packages/schemas/src/index.ts → packages/store/src/index.ts',
    );
    expect(out).toContain(
      'packages-below-services: packages/metrics/src/index.ts → services/fetcher/src/index.ts',
    );
    expect(out).toContain(
      'services-meet-through-queues: services/dedup/src/index.ts → services/fetcher/src/index.ts',
    );
  });
});

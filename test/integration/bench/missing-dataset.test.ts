import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The evaluation scripts are run by hand with a dataset path: a wrong path is one line naming it, exit 2,
// not a Node stack trace.
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const missing = resolve(root, 'no-such-folder/nothing-here.jsonl');

async function evaluate(script: string): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['--import', 'tsx', `bench/${script}`, '--dataset', missing], { cwd: root });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code?: number; stderr?: string };
    return { code: e.code ?? 1, stderr: e.stderr ?? '' };
  }
}

describe('evaluation scripts given a dataset that does not exist', () => {
  it.each(['eval-events.ts', 'eval-dedup.ts'])('%s names the path and exits 2', async (script) => {
    const { code, stderr } = await evaluate(script);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`dataset not found: ${missing}`)]);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

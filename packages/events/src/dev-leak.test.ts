import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The labelled dev sentences live in the shared workspace, outside the repository. Tests, lexicons,
// comments and docs must use sentences written here: no run of RUN words of a dev sentence may appear in them.
const RUN = 6;
const devDir = fileURLToPath(new URL('../../../../shared/datasets/events-dev', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const hasDev = existsSync(devDir);
if (!hasDev)
  process.stderr.write(`dev-leak test skipped: ${devDir} is absent (the shared datasets are not mounted)\n`);

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every run of RUN consecutive words of `text`, joined by spaces. */
function runs(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + RUN <= w.length; i++) out.push(w.slice(i, i + RUN).join(' '));
  return out;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(name) ? [path] : [];
  });
}

describe.skipIf(!hasDev)('dev sentences stay out of the package', () => {
  it(`has no run of ${RUN} words of a dev sentence in a test, source, lexicon or doc file`, () => {
    const devRuns = new Map<string, string>();
    for (const file of readdirSync(devDir).filter((n) => n.endsWith('.jsonl')))
      for (const lineText of readFileSync(join(devDir, file), 'utf8').split('\n')) {
        if (!lineText.trim()) continue;
        const item = JSON.parse(lineText) as { id: string; text: string };
        for (const run of runs(item.text)) devRuns.set(run, item.id);
      }
    expect(devRuns.size).toBeGreaterThan(0);
    const checked = filesUnder(packageDir, (n) => /\.(ts|tsv|ya?ml|json|txt|md)$/.test(n));
    expect(checked.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const file of checked) {
      if (file.endsWith('dev-leak.test.ts')) continue;
      // In actor tables each name (between | and tabs) is a unit of its own.
      const text = readFileSync(file, 'utf8');
      const units = file.endsWith('.tsv') ? text.split(/[|\t\n]/) : [text];
      for (const run of new Set(units.flatMap(runs))) {
        const id = devRuns.get(run);
        if (id !== undefined) leaks.push(`${file.slice(packageDir.length)}: "${run}" (from ${id})`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

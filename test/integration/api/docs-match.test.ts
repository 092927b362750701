import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseSinksFile, sinkQueueName } from '@wirehose/sinks';

const read = (path: string) => readFile(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the docs match the code', () => {
  it('docs/publishing.md names only the queues its own sinks file example has', async () => {
    const doc = await read('docs/publishing.md');
    const example = /```yaml\n(# sinks\.yaml\n[\s\S]*?)```/.exec(doc)?.[1];
    expect(example, 'the sinks.yaml example').toBeDefined();
    const sinks = parseSinksFile(example ?? '', 'docs/publishing.md').sinks;
    const queues = new Set(sinks.map((s) => sinkQueueName(s.name ?? s.type)));
    const named = [...doc.matchAll(/\bpublish-([a-z0-9][a-z0-9-]*)/g)].map((m) => `publish-${m[1]}`);
    expect(named.length).toBeGreaterThan(3);
    for (const queue of named) expect([...queues], queue).toContain(queue);
  });

  it('sources.example.yaml points at a section that exists', async () => {
    const header = (await read('sources.example.yaml')).split('\n').filter((l) => l.startsWith('#'));
    const pointer = /(docs\/[a-z-]+\.md|README\.md),\s*#?\s*"([^"]+)"/.exec(header.join(' '));
    expect(pointer, header.join('\n')).not.toBeNull();
    const [, file, heading] = pointer ?? [];
    const headings = (await read(file ?? '')).split('\n').filter((l) => /^#{1,4} /.test(l));
    expect(headings.map((h) => h.replace(/^#+ /, ''))).toContain(heading);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSourcesFile, SourcesFileError } from './sources-file.js';

const good = `# sources
sources:
  - name: wire-rss
    kind: rss
    url: https://news.example/feed.xml
    intervalSeconds: 300
    headers:
      x-api-key: abc
  - name: world-section
    kind: section
    url: https://news.example/world/
    linkPattern: '^https://news\\.example/world/\\d{4}/'
    limits:
      maxItemsPerPoll: 50
`;

function issuesOf(text: string): SourcesFileError {
  try {
    parseSourcesFile(text, 'sources.yaml');
  } catch (err) {
    if (err instanceof SourcesFileError) return err;
    throw err;
  }
  throw new Error('expected a SourcesFileError');
}

describe('parseSourcesFile', () => {
  it('reads a YAML file with defaults filled in', () => {
    const { sources } = parseSourcesFile(good);
    expect(sources.map((s) => s.name)).toEqual(['wire-rss', 'world-section']);
    expect(sources[0]?.headers).toEqual({ 'x-api-key': 'abc' });
    expect(sources[1]?.intervalSeconds).toBe(900);
    expect(sources[1]?.limits).toEqual({ maxItemsPerPoll: 50, sitemapsPerJob: 50, maxSitemaps: 0 });
  });

  it('reads the same file written as JSON', () => {
    const json = JSON.stringify({ sources: [{ name: 'a', kind: 'atom', url: 'https://x.example/atom' }] });
    expect(parseSourcesFile(json).sources[0]?.kind).toBe('atom');
  });

  it('names the line of a bad value in a tab-indented JSON file', () => {
    const json = JSON.stringify(
      { sources: [{ name: 'a', kind: 'atom', url: 'https://x.example/atom', intervalSeconds: 5 }] },
      null,
      '\t',
    );
    expect(issuesOf(json).issues[0]).toMatchObject({ line: 7, path: 'sources[0].intervalSeconds' });
  });

  it('names the line and field of a bad value', () => {
    const err = issuesOf(good.replace('intervalSeconds: 300', 'intervalSeconds: 3'));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ line: 6, path: 'sources[0].intervalSeconds' });
    expect(err.message).toContain('sources.yaml:6:');
  });

  it('names the line of an unknown field and of a missing one', () => {
    const text = `sources:\n  - name: a\n    kind: rss\n    url: https://x.example/f\n    intervall: 5\n  - name: b\n    kind: rss\n`;
    const err = issuesOf(text);
    const unknown = err.issues.find((i) => i.message.toLowerCase().includes('unrecognized'));
    expect(unknown?.line).toBe(5);
    const missing = err.issues.find((i) => i.path === 'sources[1].url');
    expect(missing?.line).toBe(6);
  });

  it('requires a valid linkPattern for section sources', () => {
    const err = issuesOf(`sources:\n  - name: s\n    kind: section\n    url: https://x.example/\n`);
    expect(err.issues[0]?.path).toBe('sources[0].linkPattern');
    const bad = issuesOf(
      `sources:\n  - name: s\n    kind: section\n    url: https://x.example/\n    linkPattern: '(['\n`,
    );
    expect(bad.issues[0]).toMatchObject({ line: 5, message: 'not a valid regular expression' });
  });

  it('reports a repeated source name at the repeat', () => {
    const text = `sources:\n  - name: a\n    kind: rss\n    url: https://x.example/1\n  - name: a\n    kind: rss\n    url: https://x.example/2\n`;
    expect(issuesOf(text).issues[0]).toMatchObject({ line: 5, path: 'sources[1].name' });
  });

  it('reports YAML syntax errors with their line', () => {
    const err = issuesOf(`sources:\n  - name: a\n    kind: [rss\n`);
    expect(err.issues[0]?.line).toBeGreaterThanOrEqual(3);
    expect(err.issues[0]?.message).toMatch(/not valid YAML/);
  });
});

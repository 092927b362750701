import { describe, expect, it } from 'vitest';
import { describeIssues, parseIngestBody } from './ingest-schema.js';

describe('parseIngestBody', () => {
  it('tells URLs, pages and articles apart and fills request-level defaults', () => {
    const parsed = parseIngestBody(
      {
        sourceName: 'feed',
        priority: 3,
        items: [
          { url: 'https://a.example/1' },
          { url: 'https://a.example/2', html: '<p>x</p>', priority: 1 },
          { url: 'https://a.example/3', title: 'T', text: 'Body' },
        ],
      },
      10,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.items.map((i) => i.kind)).toEqual(['url', 'html', 'article']);
    expect(parsed.items.map((i) => i.item.priority)).toEqual([3, 1, 3]);
    expect(parsed.items.every((i) => i.item.sourceName === 'feed')).toBe(true);
  });

  it('names the item index and field of every problem', () => {
    const parsed = parseIngestBody(
      { items: [{ url: 'ftp://a.example/x' }, { url: 'https://a.example/', title: 'T' }, 'nope'] },
      10,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const text = describeIssues(parsed.issues);
    expect(text).toContain('items[0].url: must be an absolute http(s) URL');
    expect(text).toContain('items[1].text');
    expect(text).toContain('items[2].(item)');
  });

  it('refuses unknown fields and an empty batch', () => {
    const unknown = parseIngestBody({ items: [{ url: 'https://a.example/', colour: 'red' }] }, 10);
    expect(unknown.ok).toBe(false);
    const empty = parseIngestBody({ items: [] }, 10);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.issues[0]).toMatchObject({ item: null, field: 'items' });
  });
});

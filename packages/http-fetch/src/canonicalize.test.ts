import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isSessionParam, isTrackingParam, urlIdentityKey } from './canonicalize.js';

const trackingName = fc.oneof(
  fc.constantFrom('fbclid', 'gclid', 'mc_cid', 'mc_eid', 'msclkid', 'FBCLID', 'Utm_Source'),
  fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `utm_${s}`),
);
const plainName = fc
  .stringMatching(/^[a-z][a-z0-9]{0,6}$/)
  .filter((n) => !isTrackingParam(n) && !isSessionParam(n));
const value = fc.string({ maxLength: 8 });
const host = fc
  .array(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,8}[a-zA-Z0-9]$/), { minLength: 1, maxLength: 3 })
  .map((labels) => `${labels.join('.')}.Example.COM`);
const path = fc
  .array(fc.stringMatching(/^[a-zA-Z0-9._~%-]{0,6}$/), { maxLength: 4 })
  .map((p) => `/${p.join('/')}`);

const urlArb = fc
  .record({
    scheme: fc.constantFrom('http', 'https', 'HTTP', 'HttpS'),
    host,
    port: fc.constantFrom('', ':80', ':443', ':8080'),
    path,
    params: fc.array(fc.tuple(fc.oneof(trackingName, plainName), value), { maxLength: 6 }),
    fragment: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
  })
  .map(({ scheme, host: h, port, path: p, params, fragment }) => {
    const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
    return `${scheme}://${h}${port}${p}${query}${fragment === undefined ? '' : `#${fragment}`}`;
  });

describe('canonicalizeUrl', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const once = canonicalizeUrl(url);
        expect(canonicalizeUrl(once)).toBe(once);
      }),
    );
  });

  it('keeps no tracking parameter and no fragment', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const out = new URL(canonicalizeUrl(url));
        expect([...out.searchParams.keys()].filter(isTrackingParam)).toEqual([]);
        expect(out.hash).toBe('');
        expect(canonicalizeUrl(url)).not.toContain('#');
      }),
    );
  });

  it('lower-cases scheme and host and drops default ports', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const out = canonicalizeUrl(url);
        const parsed = new URL(out);
        expect(parsed.hostname).toBe(parsed.hostname.toLowerCase());
        expect(out.startsWith('http://') || out.startsWith('https://')).toBe(true);
        expect(out).not.toMatch(/^http:\/\/[^/]+:80\//);
        expect(out).not.toMatch(/^https:\/\/[^/]+:443\//);
      }),
    );
  });

  it('keeps every non-tracking parameter with its value, whatever the order', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const before = [...new URL(url).searchParams].filter(([n]) => !isTrackingParam(n));
        const after = [...new URL(canonicalizeUrl(url)).searchParams];
        const key = (pairs: [string, string][]): string[] => pairs.map((p) => JSON.stringify(p)).sort();
        expect(key(after)).toEqual(key(before));
      }),
    );
  });

  it('gives the same identity to URLs that differ only in order of parameters and tracking', () => {
    expect(canonicalizeUrl('HTTPS://News.Example.com:443/a/./b/../c?b=2&utm_source=x&a=1#top')).toBe(
      'https://news.example.com/a/c?a=1&b=2',
    );
    expect(canonicalizeUrl('http://news.example.com/a/c?a=1&fbclid=zz&b=2&gclid=1&mc_cid=3')).toBe(
      'http://news.example.com/a/c?a=1&b=2',
    );
  });

  it('normalises percent escapes of unreserved characters and keeps the others', () => {
    expect(canonicalizeUrl('http://x.example/%7euser/a%2fb%3a')).toBe('http://x.example/~user/a%2Fb%3A');
  });

  it('throws on something that is not an absolute URL', () => {
    expect(() => canonicalizeUrl('/relative/path')).toThrow(TypeError);
  });

  it('removes session ids from the query, whatever their case', () => {
    expect(
      canonicalizeUrl(
        'https://n.example/story?PHPSESSID=9f8e&id=7&sid=abc&ASPSESSIONIDQQGGRTAB=KLMN&CFID=12&CFTOKEN=34&jsessionid=x',
      ),
    ).toBe('https://n.example/story?id=7');
  });

  it('removes ;jsessionid path parameters and ASP.NET cookieless segments', () => {
    expect(canonicalizeUrl('https://n.example/news/item.do;jsessionid=0A1B2C3D?id=5')).toBe(
      'https://n.example/news/item.do?id=5',
    );
    expect(canonicalizeUrl('https://n.example/(S(lit3py55t21z5v55vlm25s55))/page.aspx')).toBe(
      'https://n.example/page.aspx',
    );
    expect(canonicalizeUrl('https://n.example/(X(1)S(lit3py55t21z5v55vlm25s55))/page.aspx')).toBe(
      'https://n.example/page.aspx',
    );
    expect(canonicalizeUrl('https://n.example/a;v=2/b')).toBe('https://n.example/a;v=2/b');
  });

  it('keeps the query as written apart from removals and sorting', () => {
    expect(canonicalizeUrl('https://n.example/p?a')).toBe('https://n.example/p?a');
    expect(canonicalizeUrl('https://n.example/p?b=2;c=3&a=&utm_medium=x')).toBe(
      'https://n.example/p?a=&b=2;c=3',
    );
    expect(canonicalizeUrl('https://n.example/p?q=a+b&q=%7e%2f')).toBe('https://n.example/p?q=a+b&q=~%2F');
    expect(canonicalizeUrl('https://n.example/p?utm_source=x&fbclid=y')).toBe('https://n.example/p');
  });
});

describe('urlIdentityKey', () => {
  it('gives one key to the copies of a URL that differ in scheme, www, slash, session and tracking', () => {
    const keys = [
      'https://www.News.example/a/b/?utm_source=x&id=2#top',
      'http://news.example/a/b?id=2',
      'https://news.example/a/b;jsessionid=77?id=2&PHPSESSID=1',
    ].map(urlIdentityKey);
    expect(new Set(keys)).toEqual(new Set(['news.example/a/b?id=2']));
  });

  it('keeps a string that is not a URL as its own lower-cased key', () => {
    expect(urlIdentityKey(' Not A URL ')).toBe('not a url');
  });
});

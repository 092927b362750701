import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';
import type { ExtractResult } from './index.js';

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'section',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'script',
  'style',
  'h1',
  'h2',
  'br',
  'nav',
  'time',
];
const ATTRS = [
  '',
  ' class="share"',
  ' class="content"',
  ' id="comments"',
  ' hidden',
  ' style="display:none"',
  ' itemprop="articleBody"',
  ' datetime="2020-01-01"',
  ' rel="author"',
  ' href="/x"',
];

/** Random tag soup: unbalanced open/close tags, attributes, text, entities and junk. */
const tagSoup = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '&amp;',
        '&#0;',
        '&#xD800;',
        '&bogus;',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<',
        '>',
        '\u0000',
        '\uFFFD',
      ),
      fc.constantFrom(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
        '<script type="application/ld+json">[{"@graph":[null,1,"x",{"@type":["Article"],"author":[{}]}]}]</script>',
        '<meta property="article:published_time" content="2020-02-30T25:61:00Z">',
        '<link rel="canonical" href="http://[::1">',
      ),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

function checkShape(res: ExtractResult): void {
  if (res.kind === 'article') {
    expect(typeof res.article.text).toBe('string');
    expect(res.article.wordCount).toBeGreaterThanOrEqual(0);
  } else {
    expect(typeof res.reason).toBe('string');
  }
}

describe('extractArticle never throws', () => {
  it('on random strings', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 100 }), (html, url) => {
        checkShape(extractArticle(html, url));
      }),
      { numRuns: 200 },
    );
  });

  // Timeout covers slow shared CI machines; the property is about crashes, not speed.
  it('on random nested tag soup', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(tagSoup, fc.integer({ min: 0, max: 1500 }), (soup, depth) => {
        const html = `${'<div><span>'.repeat(depth)}${soup}${'</span>'.repeat(depth >> 1)}`;
        checkShape(extractArticle(html, 'https://example.com/a/b'));
        checkShape(extractArticle(soup, 'https://example.com/', { maxHtmlBytes: 50 }));
      }),
      { numRuns: 60 },
    );
  });

  it('on inputs that are not strings at runtime', () => {
    const bad: unknown[] = [null, undefined, 42, {}, []];
    for (const b of bad) {
      // A JavaScript caller can pass anything; the contract still holds.
      checkShape(extractArticle(b as string, 'https://example.com/'));
    }
  });
});

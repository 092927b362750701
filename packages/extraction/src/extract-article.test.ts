import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const para = (n: number): string =>
  `<p>Paragraph ${n} tells the story in full sentences, with enough words, commas, and detail to read as prose.</p>`;

describe('extractArticle', () => {
  it('extracts title, body paragraphs, date and canonical URL from a simple article', () => {
    const html = `<html lang="en"><head><title>Big news - Example Times</title>
      <link rel="canonical" href="https://example.com/news/big">
      <meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Big news</h1>${para(1)}${para(2)}${para(3)}</article>
      <footer>Copyright Example Times</footer></body></html>`;
    const res = extractArticle(html, 'https://example.com/news/big?utm=x');
    expect(res.kind).toBe('article');
    if (res.kind !== 'article') return;
    expect(res.article.title).toBe('Big news');
    expect(res.article.text.split('\n\n')).toHaveLength(3);
    expect(res.article.text).not.toContain('Copyright');
    expect(res.article.publishedAt).toBe('2024-03-05T09:00:00.000Z');
    expect(res.article.canonicalUrl).toBe('https://example.com/news/big');
  });
});

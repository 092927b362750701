import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const body = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i} tells how the harbour committee voted on the new ferry timetable, and what riders said.</p>`,
).join('');

function titleOf(head: string, bodyHtml: string): string {
  const res = extractArticle(
    `<html><head>${head}</head><body>${bodyHtml}</body></html>`,
    'https://port.example/ferry',
  );
  const t = res.kind === 'article' ? res.article.title : res.partial?.title;
  if (t === undefined) throw new Error('no title');
  return t;
}

describe('title', () => {
  it('prefers the page <h1> over og:title and a <title> with the site name', () => {
    const head =
      '<title>Ferry timetable changes | Harbour Times</title><meta property="og:title" content="Ferry timetable changes - Harbour Times">';
    expect(titleOf(head, `<article><h1>Committee backs a new ferry timetable</h1>${body}</article>`)).toBe(
      'Committee backs a new ferry timetable',
    );
  });

  it('skips an <h1> that is the site logo and falls back to the title without the site name', () => {
    const head = '<title>Committee backs a new ferry timetable | Harbour Times</title>';
    const html = `<header><h1><a href="/">Harbour Times</a></h1></header><article>${body}</article>`;
    expect(titleOf(head, html)).toBe('Committee backs a new ferry timetable');
  });

  it('skips an <h1> that shares no word with the metadata titles', () => {
    const head = '<title>Committee backs a new ferry timetable</title>';
    expect(titleOf(head, `<h1>Our Blog</h1><article>${body}</article>`)).toBe(
      'Committee backs a new ferry timetable',
    );
  });

  it('decodes entities left in metadata and returns plain text', () => {
    const head = '<meta property="og:title" content="Ferries &amp;amp; buses: what&amp;#39;s next">';
    expect(titleOf(head, `<article>${body}</article>`)).toBe("Ferries & buses: what's next");
  });

  it('takes a complete title over one cut short with an ellipsis', () => {
    const head =
      '<meta property="og:title" content="Committee backs a new ferry..."><title>Committee backs a new ferry timetable</title>';
    expect(titleOf(head, `<article>${body}</article>`)).toBe('Committee backs a new ferry timetable');
  });
});

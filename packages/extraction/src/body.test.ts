import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const line = (i: number): string =>
  `Point ${i}: the lighthouse keepers logged every passing ship, the weather at dawn, and the height of the tide.`;

function textOf(html: string): string {
  const res = extractArticle(html, 'https://coast.example/log');
  if (res.kind !== 'article') throw new Error(`not an article: ${res.reason}`);
  return res.article.text;
}

describe('body text', () => {
  it('keeps an article that a site placed inside a <header>', () => {
    const html = `<html><body><nav><a href="/">Home</a></nav><main><header class="section">
      <div class="story_content">${[1, 2, 3, 4].map((i) => `<p>${line(i)}</p>`).join('')}</div>
      </header></main><footer>Coast Log, all rights reserved.</footer></body></html>`;
    const text = textOf(html);
    for (const i of [1, 2, 3, 4]) expect(text).toContain(line(i));
    expect(text).not.toContain('rights reserved');
  });

  it('still leaves out a header that holds only the masthead and a byline', () => {
    const html = `<html><body><article><header><div class="kicker">Harbour news</div><p>By Tove Lind</p></header>
      ${[1, 2, 3].map((i) => `<p>${line(i)}</p>`).join('')}</article></body></html>`;
    const text = textOf(html);
    expect(text).toContain(line(1));
    expect(text).not.toContain('Tove Lind');
  });
});

describe('body text of an article split into cards', () => {
  it('takes every card, not only the best-scored one', () => {
    const card = (i: number): string => `<section class="block"><div class="wrap"><div class="inner">
      <h3>Station ${i}</h3><ul><li>Open: May to September</li><li>Keepers: 2</li></ul>
      <div class="widget"><div class="widget-body"><p>${line(i)} ${line(i + 10)}</p></div></div>
      </div></div></section>`;
    const html = `<html><body><nav><a href="/">Home</a> <a href="/map">Map</a></nav>
      <div class="page">${[1, 2, 3, 4, 5, 6].map(card).join('')}</div>
      <div class="footer-links"><a href="/a">About</a> <a href="/c">Contact</a></div></body></html>`;
    const text = textOf(html);
    for (const i of [1, 2, 3, 4, 5, 6]) expect(text).toContain(line(i));
    expect(text).toContain('Station 6');
  });
});

describe('pages that are not articles', () => {
  it('gives the listing in <main> rather than a stray paragraph or the navigation', () => {
    const items = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/lights/${i}">Lighthouse number ${i} on the northern cape</a></li>`,
    ).join('');
    const html = `<html><body><nav>${['Home', 'Maps', 'Shop', 'Contact'].map((n) => `<a href="/${n}">${n}</a>`).join(' ')}</nav>
      <main><h2>All lighthouses</h2><ul class="index">${items}</ul></main>
      <div class="promo"><p>${line(1)}</p></div></body></html>`;
    const res = extractArticle(html, 'https://coast.example/lights');
    const text = res.kind === 'article' ? res.article.text : (res.partial?.text ?? '');
    expect(text).toContain('Lighthouse number 0 on the northern cape');
    expect(text).toContain('Lighthouse number 39 on the northern cape');
    expect(text).not.toContain('Contact');
  });
});

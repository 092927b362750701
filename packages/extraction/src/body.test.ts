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

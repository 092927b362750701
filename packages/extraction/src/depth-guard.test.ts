import { describe, expect, it } from 'vitest';
import { limitNesting } from './depth-guard.js';

describe('limitNesting', () => {
  it('leaves ordinary pages untouched', () => {
    const html =
      '<html><body><p>a<p>b<ul><li>x<li>y</ul><br><img src=x><script>"<div><div>"</script></body></html>';
    expect(limitNesting(html, 5)).toBe(html);
  });

  it('flattens tags deeper than the limit and keeps their text, block tags as paragraph breaks', () => {
    expect(limitNesting('<div><div><div>text<b>bold</b></div></div></div>', 2)).toBe(
      '<div><div><br><br>textbold<br><br></div></div>',
    );
  });

  it('keeps the text after a flattened nest at its own depth', () => {
    expect(limitNesting('<div><span><i>a</i></span>b</div><p>c</p>', 1)).toBe('<div>ab</div><p>c</p>');
  });

  it('counts implied closes, so unclosed paragraphs and cells do not nest', () => {
    const html = '<p>x'.repeat(100) + '<table>' + '<tr><td>a<td>b'.repeat(100);
    expect(limitNesting(html, 10)).toBe(html);
  });

  it('cuts repeated deep nests once the total parser work is spent', () => {
    const nest = `${'<div>'.repeat(100)}${'</div>'.repeat(100)}`;
    // Each nest costs 1 + 2 + ... + 100 = 5050 units of stack work.
    const out = limitNesting(nest.repeat(10), 1000, 5050 * 3 + 100);
    expect(out.length).toBeLessThan(nest.length * 4);
    expect(out.length).toBeGreaterThan(nest.length * 3);
  });

  it('ignores tags inside comments and scripts, and keeps a deep script whole', () => {
    const html = `<!--${'<div>'.repeat(50)}--><script>${'<div>'.repeat(50)}</script><p>ok</p>`;
    expect(limitNesting(html, 3)).toBe(html);
    expect(limitNesting('<div><div><script>if (a<b) x()</script>t</div></div>', 1)).toBe(
      '<div><br><br><script>if (a<b) x()</script>t<br><br></div>',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTag, toPlainText, toPlainTextOrNull } from './plain-text.js';

describe('toPlainText', () => {
  it('removes tags and drops the content of script and style', () => {
    expect(toPlainText('Budget <b>vote</b> delayed<script>alert(1)</script><style>p{}</style>')).toBe(
      'Budget vote delayed',
    );
  });

  it('decodes named, numeric and hex entities', () => {
    expect(toPlainText('Fish &amp; chips &#8211; caf&eacute; &#x2019;24')).toBe('Fish & chips – café ’24');
  });

  it('removes escaped markup once decoded, however deep within three levels', () => {
    expect(toPlainText('Talks &lt;em&gt;resume&lt;/em&gt;')).toBe('Talks resume');
    expect(toPlainText('x &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; y')).toBe('x y');
  });

  it('never leaves anything that reads as a tag', () => {
    expect(hasTag(toPlainText('&amp;amp;amp;lt;b&amp;amp;amp;gt;bold'))).toBe(false);
    expect(hasTag(toPlainText('a <!-- note --> b <?pi x?> c'))).toBe(false);
  });

  it('keeps a lone less-than sign that opens no tag', () => {
    expect(toPlainText('rates < 3% and 5 > 4')).toBe('rates < 3% and 5 > 4');
  });

  it('puts everything on one line unless told to keep lines', () => {
    expect(toPlainText('<p>One\n two</p><p>Three</p>')).toBe('One two Three');
    expect(toPlainText('<p>One\n two</p><p>Three</p><br>Four', { multiline: true })).toBe(
      'One\ntwo\n\nThree\n\nFour',
    );
    expect(toPlainText('First.\n\n\n\nSecond   part.\n', { multiline: true })).toBe('First.\n\nSecond part.');
  });

  it('turns no-break and other wide spaces into plain spaces', () => {
    expect(toPlainText('a\u00a0b\u2009c\td')).toBe('a b c d');
  });

  it('gives an empty string (or null) for nothing', () => {
    expect(toPlainText(null)).toBe('');
    expect(toPlainTextOrNull('<br><b> </b>')).toBeNull();
    expect(toPlainTextOrNull(' Ok ')).toBe('Ok');
  });

  it('holds for any string: no tag survives and the result is trimmed', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<',
        '>',
        '&',
        '&lt;',
        '&gt;',
        '&amp;',
        '<b>',
        '</i>',
        '<script>',
        '<!--',
        ']]>',
        '<a href="x">',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const out = toPlainText(pieces.join(''));
        expect(hasTag(out)).toBe(false);
        expect(out).toBe(out.trim());
      }),
    );
  });
});

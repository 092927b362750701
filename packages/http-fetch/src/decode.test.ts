import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  charsetFromDocument,
  decodeBodyDetailed,
  normalizeCharset,
} from './decode.js';
import { parseRetryAfter } from './http-client.js';
import { identityUrl } from './identity.js';

describe('decodeBodyDetailed', () => {
  it('prefers a BOM over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Grüße', 'utf-16le')]);
    expect(decodeBodyDetailed(bytes, 'text/html; charset=iso-8859-1')).toMatchObject({
      text: 'Grüße',
      charsetSource: 'bom',
    });
  });

  it('uses the header charset, reading ISO-8859-1 as windows-1252', () => {
    const bytes = Buffer.from([0x93, 0x71, 0x94, 0x20, 0xe9]);
    expect(decodeBodyDetailed(bytes, 'text/html; charset="ISO-8859-1"')).toMatchObject({
      text: '\u201cq\u201d é',
      charset: 'windows-1252',
      charsetSource: 'header',
    });
  });

  it('falls back to the meta tag or XML declaration when the header has no known label', () => {
    const html = iconv.encode('<meta charset=koi8-r><p>Привет</p>', 'koi8-r');
    expect(decodeBodyDetailed(html, 'text/html; charset=x-unknown').text).toContain('Привет');
    const xml = iconv.encode(
      '<?xml version="1.0" encoding="ISO-8859-7"?><rss><title>Ειδήσεις</title></rss>',
      'iso-8859-7',
    );
    expect(decodeBodyDetailed(xml, 'application/xml')).toMatchObject({
      charset: 'iso-8859-7',
      charsetSource: 'document',
    });
    expect(decodeBodyDetailed(xml, 'application/xml').text).toContain('Ειδήσεις');
  });

  it('decodes EUC-JP and GBK declared in the document', () => {
    expect(decodeBodyDetailed(iconv.encode('<meta charset="euc-jp">東京', 'euc-jp'), null).text).toContain(
      '東京',
    );
    expect(decodeBodyDetailed(iconv.encode('<meta charset="gb2312">新闻', 'gbk'), null).text).toContain(
      '新闻',
    );
  });

  it('defaults to UTF-8', () => {
    expect(decodeBodyDetailed(Buffer.from('naïve', 'utf8'), null)).toMatchObject({
      text: 'naïve',
      charsetSource: 'default',
    });
  });

  it('marks ordinary decodes as not repaired', () => {
    expect(decodeBodyDetailed(Buffer.from('<p>plain</p>'), 'text/html; charset=utf-8')).toMatchObject({
      charset: 'utf-8',
      charsetSource: 'header',
      encodingRepaired: false,
    });
  });
});

describe('charset repair', () => {
  // Our own sentences, long enough for a statistical detector.
  const russian =
    '<html><head><meta charset="utf-8"><title>Вести с полей</title></head><body>' +
    '<p>Фермеры северных районов начали уборку урожая на две недели раньше обычного срока.</p>' +
    '<p>Погода этим летом была тёплой, и зерно созрело быстрее, чем ожидали агрономы.</p></body></html>';
  const french =
    '<html><head><meta charset="utf-8"><title>Fête de la musique à Lyon</title></head><body>' +
    '<p>Les musiciens amateurs se sont réunis près de la cathédrale, où les élèves du conservatoire ' +
    'ont joué des pièces célèbres devant un public très ému.</p></body></html>';

  it('decodes a windows-1251 page labelled UTF-8 as windows-1251 and marks it', () => {
    const r = decodeBodyDetailed(iconv.encode(russian, 'windows-1251'), 'text/html; charset=utf-8');
    expect(r).toMatchObject({ charset: 'windows-1251', charsetSource: 'detected', encodingRepaired: true });
    expect(r.text).toBe(russian);
  });

  it('decodes a Latin-1 page labelled UTF-8 without replacement characters', () => {
    const r = decodeBodyDetailed(iconv.encode(french, 'latin1'), 'text/html; charset=UTF-8');
    expect(r.encodingRepaired).toBe(true);
    expect(r.text).toBe(french);
    expect(r.text).not.toContain('\ufffd');
  });

  it('reads UTF-8 bytes labelled ISO-8859-1 as UTF-8', () => {
    const r = decodeBodyDetailed(Buffer.from(french, 'utf8'), 'text/html; charset=iso-8859-1');
    expect(r).toMatchObject({ charset: 'utf-8', encodingRepaired: true });
    expect(r.text).toBe(french);
  });

  it('keeps UTF-8 when a few stray bytes break an otherwise UTF-8 page', () => {
    const bytes = Buffer.concat([Buffer.from(french, 'utf8'), Buffer.from([0xe9, 0x20, 0x41])]);
    const r = decodeBodyDetailed(bytes, 'text/html; charset=utf-8');
    expect(r).toMatchObject({ charset: 'utf-8', encodingRepaired: false });
    expect(r.text.startsWith(french)).toBe(true);
  });

  it('leaves ASCII labelled ISO-8859-1 alone', () => {
    expect(
      decodeBodyDetailed(Buffer.from('<p>only ascii</p>'), 'text/html; charset=iso-8859-1'),
    ).toMatchObject({
      charset: 'windows-1252',
      encodingRepaired: false,
    });
  });

  it('parses charset labels', () => {
    expect(charsetFromContentType('text/html;charset=Windows-1251')).toBe('windows-1251');
    expect(
      charsetFromDocument(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'),
      ),
    ).toBe('shift_jis');
    expect(normalizeCharset('x-sjis')).toBe('shift_jis');
    expect(normalizeCharset('no-such-charset')).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('identityUrl', () => {
  it('takes rel=canonical, then og:url, on the same site, canonicalised', () => {
    expect(
      identityUrl('<link rel="canonical" href="/a/b?utm_source=x#y">', 'https://news.example/amp/a/b'),
    ).toBe('https://news.example/a/b');
    expect(
      identityUrl(
        '<meta property="og:url" content="https://www.news.example/s/1">',
        'https://news.example/x',
      ),
    ).toBe('https://www.news.example/s/1');
  });

  it('ignores a canonical on another site and falls back to the final URL', () => {
    expect(
      identityUrl('<link rel="canonical" href="https://evil.example/x">', 'https://News.example/p?fbclid=1'),
    ).toBe('https://news.example/p');
  });
});

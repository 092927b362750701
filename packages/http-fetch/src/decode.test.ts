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

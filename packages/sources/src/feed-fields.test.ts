import { describe, expect, it } from 'vitest';
import { parseDiscovery } from './parse-feed.js';

const base = 'https://wire.example/feed.xml';
const rss = (items: string, ns = ''): string =>
  `<?xml version="1.0"?><rss version="2.0"${ns}><channel><title>Wire</title>${items}</channel></rss>`;
const atom = (entries: string, ns = ''): string =>
  `<feed xmlns="http://www.w3.org/2005/Atom"${ns}><title>Wire</title>${entries}</feed>`;
const first = (xml: string) => parseDiscovery(xml, base).items[0];

describe('feed titles are plain text', () => {
  it('removes escaped markup from an RSS title, script content included', () => {
    const xml = rss(
      `<item><title>Port &lt;b&gt;reopens&lt;/b&gt;&lt;script&gt;steal()&lt;/script&gt; early</title><link>https://wire.example/1</link></item>`,
    );
    expect(first(xml)?.title).toBe('Port reopens early');
  });

  it('removes markup held in CDATA and decodes its entities', () => {
    const xml = rss(
      `<item><title><![CDATA[Ferry &amp; rail <i>strike</i> <script>x()</script>called off]]></title><link>https://wire.example/2</link></item>`,
    );
    expect(first(xml)?.title).toBe('Ferry & rail strike called off');
  });

  it('reads an inline XHTML title instead of returning null', () => {
    const xml = atom(
      `<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Harbour <em>crane</em> &amp; dock</div></title><link href="https://wire.example/3"/></entry>`,
    );
    expect(first(xml)?.title).toBe('Harbour crane & dock');
  });

  it('keeps the whole title when it holds undeclared inline markup', () => {
    const xml = rss(
      `<item><title>Council <b>approves</b> the <i>new</i> tram line</title><link>https://wire.example/4</link></item>`,
    );
    expect(first(xml)?.title).toBe('Council approves the new tram line');
  });

  it('decodes an Atom 0.3 base64 title', () => {
    const encoded = Buffer.from('Night <b>bus</b> routes extended').toString('base64');
    const xml = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title type="text/html" mode="base64">${encoded}</title><link rel="alternate" type="text/html" href="https://wire.example/5"/><issued>2024-04-02T09:00:00+02:00</issued></entry></feed>`;
    const item = first(xml);
    expect(item?.title).toBe('Night bus routes extended');
    expect(item?.publishedAt).toBe('2024-04-02T09:00:00.000+02:00');
  });

  it('does not let media:title override the item title, in either order', () => {
    const ns = ' xmlns:media="http://search.yahoo.com/mrss/"';
    const before = rss(
      `<item><media:title>Photo caption</media:title><title>Bridge inspection finished</title><link>https://wire.example/6</link></item>`,
      ns,
    );
    const after = rss(
      `<item><title>Bridge inspection finished</title><media:title>Photo caption</media:title><link>https://wire.example/6</link></item>`,
      ns,
    );
    expect(first(before)?.title).toBe('Bridge inspection finished');
    expect(first(after)?.title).toBe('Bridge inspection finished');
    const only = rss(
      `<item><media:title>Only a caption</media:title><link>https://wire.example/7</link></item>`,
      ns,
    );
    expect(first(only)?.title).toBe('Only a caption');
  });
});

describe('feed links, ids and authors', () => {
  it('takes an Atom link given as element text', () => {
    const xml = atom(`<entry><title>Text link</title><link>https://wire.example/8</link></entry>`);
    expect(first(xml)?.url).toBe('https://wire.example/8');
  });

  it('keeps an item with no link but a permalink guid or a URL id', () => {
    const guid = rss(
      `<item><title>G</title><guid isPermaLink="true">https://wire.example/9</guid></item><item><title>Not a link</title><guid>tag-4411</guid></item>`,
    );
    const d = parseDiscovery(guid, base);
    expect(d.items.map((i) => [i.url, i.guid])).toEqual([
      ['https://wire.example/9', 'https://wire.example/9'],
    ]);
    expect(d.problems).toEqual(['1 item(s) without a usable http(s) link skipped']);
    const id = atom(`<entry><title>I</title><id>https://wire.example/10</id></entry>`);
    expect(first(id)?.url).toBe('https://wire.example/10');
  });

  it('exposes the guid or id and the authors of each item', () => {
    const ns = ' xmlns:dc="http://purl.org/dc/elements/1.1/"';
    const item = first(
      rss(
        `<item><title>T</title><link>https://wire.example/11</link><guid isPermaLink="false">wire-11</guid><author>desk@wire.example (Mara &lt;b&gt;Olsen&lt;/b&gt;)</author><dc:creator>Jon Bye</dc:creator></item>`,
        ns,
      ),
    );
    expect([item?.guid, item?.authors]).toEqual(['wire-11', ['Mara Olsen', 'Jon Bye']]);
    const entry = first(
      atom(
        `<entry><title>T</title><id>urn:uuid:1b2c</id><link href="https://wire.example/12"/><author><name>Ines <i>Paz</i></name><email>i@wire.example</email></author><author><name>Li Wu</name></author></entry>`,
      ),
    );
    expect([entry?.guid, entry?.authors]).toEqual(['urn:uuid:1b2c', ['Ines Paz', 'Li Wu']]);
  });

  it('exposes JSON Feed ids and authors as plain text', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        {
          id: 'https://wire.example/13',
          title: 'Dam <b>opens</b>',
          authors: [{ name: 'Ola &amp; Ben' }],
          date_published: '2024-04-02T23:50:00-07:00',
        },
      ],
    });
    expect(parseDiscovery(json, base).items[0]).toEqual({
      url: 'https://wire.example/13',
      title: 'Dam opens',
      publishedAt: '2024-04-02T23:50:00.000-07:00',
      updatedAt: null,
      guid: 'https://wire.example/13',
      authors: ['Ola & Ben'],
    });
  });
});

describe('feed dates', () => {
  const dated = (value: string, tag = 'pubDate'): string | null | undefined =>
    first(rss(`<item><title>D</title><link>https://wire.example/d</link><${tag}>${value}</${tag}></item>`))
      ?.publishedAt;

  it('reads two-digit-year ISO forms as the 2000s', () => {
    expect(dated('031231', 'dc:date')).toBe('2003-12-31T00:00:00.000Z');
    expect(dated('03-12-31', 'dc:date')).toBe('2003-12-31T00:00:00.000Z');
  });

  it('reads obsolete zone names', () => {
    expect(dated('Mon, 01 Apr 2024 08:00:00 MEST')).toBe('2024-04-01T08:00:00.000+02:00');
    expect(dated('Mon, 01 Apr 2024 08:00:00 Etc/GMT')).toBe('2024-04-01T08:00:00.000Z');
    expect(dated('Mon, 01 Apr 2024 08:00:00 PT')).toBe('2024-04-01T08:00:00.000-08:00');
  });

  it('reads non-English month names', () => {
    expect(dated('1. April 2024 08:00')).toBe('2024-04-01T08:00:00.000Z');
    expect(dated('lun., 01 avr. 2024 08:00:00 +0200')).toBe('2024-04-01T08:00:00.000+02:00');
  });

  it('rejects invalid and implausible dates', () => {
    expect(dated('Sun, Dec x 2012')).toBeNull();
    expect(dated('Mon, 31 Feb 2024 08:00:00 GMT')).toBeNull();
    expect(dated('Mon, 01 Apr 1912 08:00:00 GMT')).toBeNull();
  });

  it('keeps the day the feed states rather than the UTC day', () => {
    expect(dated('Mon, 01 Apr 2024 23:30:00 -0500')).toBe('2024-04-01T23:30:00.000-05:00');
  });
});

import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';
import type { ExtractedArticle, ExtractResult } from './index.js';

const sentence = (n: number): string =>
  `Sentence ${n} of the report explains what happened, who was involved, and why it matters to readers.`;
const para = (n: number): string => `<p>${sentence(n)} ${sentence(n + 100)}</p>`;
const paras = (count: number, from = 1): string =>
  Array.from({ length: count }, (_, i) => para(from + i)).join('\n');

function page(opts: { head?: string; body: string; lang?: string }): string {
  return `<!doctype html><html${opts.lang === undefined ? '' : ` lang="${opts.lang}"`}><head><meta charset="utf-8">
    <title>Test page</title>${opts.head ?? ''}</head><body>${opts.body}</body></html>`;
}

function article(res: ExtractResult): ExtractedArticle {
  if (res.kind !== 'article') throw new Error(`expected an article, got not-article: ${res.reason}`);
  return res.article;
}

const URL_ = 'https://news.example.com/world/story-123';

describe('extractArticle: body text', () => {
  it('returns the paragraphs of the article separated by blank lines', () => {
    const a = article(
      extractArticle(page({ body: `<article><h1>Headline</h1>${paras(3)}</article>` }), URL_),
    );
    expect(a.text.split('\n\n')).toEqual([
      `${sentence(1)} ${sentence(101)}`,
      `${sentence(2)} ${sentence(102)}`,
      `${sentence(3)} ${sentence(103)}`,
    ]);
    expect(a.wordCount).toBe(a.text.match(/[\p{L}\p{N}_]+/gu)?.length);
  });

  it('leaves out navigation, share bars, related links, newsletter boxes, cookie banners and comments', () => {
    const body = `
      <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies to continue.</div>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
      <main><article>
        <h1>Headline</h1>
        <div class="byline">By Jane Reporter, Staff Writer</div>
        <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> Share this story with friends</div>
        ${paras(2)}
        <figure><img src="a.jpg"><figcaption>A caption describing the photograph in some detail.</figcaption></figure>
        ${paras(2, 3)}
        <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the news in your inbox every morning.</p></div>
        <div class="related-stories"><h3>Related</h3><ul>
          <li><a href="/a">Another story about something else entirely, with a long headline</a></li>
          <li><a href="/b">Yet another story about a different topic, also with a long headline</a></li>
        </ul></div>
      </article></main>
      <section id="comments"><p>I completely disagree with this article, and here is a long comment explaining why.</p></section>
      <footer><p>Copyright 2024 Example News. All rights reserved. Terms of use and privacy policy.</p></footer>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text.split('\n\n')).toHaveLength(4);
    for (const junk of [
      'cookies',
      'Home',
      'Facebook',
      'caption',
      'newsletter',
      'Another story',
      'disagree',
      'Copyright',
      'Jane Reporter',
    ]) {
      expect(a.text).not.toContain(junk);
    }
  });

  it('keeps subheadings and lists that belong to the article', () => {
    const body = `<article><h1>Headline</h1>${paras(2)}<h2>What comes next</h2>
      <ul><li>First step is to read the plan carefully.</li><li>Second step is to act on it quickly.</li></ul>
      ${paras(2, 3)}</article>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text).toContain('\n\nWhat comes next\n\n');
    expect(a.text).toContain(
      'First step is to read the plan carefully.\n\nSecond step is to act on it quickly.',
    );
  });

  it('takes an article split into several sections whole', () => {
    const body = `<div id="story"><div class="part">${paras(3)}</div><div class="part"><div>${paras(3, 4)}</div></div></div>
      <div class="sidebar"><p>Unrelated text in a sidebar that goes on long enough to look like a paragraph.</p></div>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text.split('\n\n')).toHaveLength(6);
    expect(a.text).not.toContain('sidebar');
  });

  it('keeps an article whose layout wrapper has a boilerplate-sounding class', () => {
    const body = `<div class="layout-with-sidebar"><div class="post-content">${paras(4)}</div>
      <aside><p>Popular posts this week and other things to read next.</p></aside></div>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text.split('\n\n')).toHaveLength(4);
  });

  it('keeps embedded tweets quoted by the article', () => {
    const body = `<article>${paras(2)}<div class="social-embed"><blockquote class="twitter-tweet">
      <p>This is what the senator wrote on social media about the vote today.</p>— Senator (@senator)</blockquote></div>
      ${paras(1, 3)}</article>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text).toContain('This is what the senator wrote');
  });

  it('uses a complete JSON-LD articleBody when the markup holds much less text', () => {
    const body = `Full text paragraph one is here with many words to read. ${sentence(1)}\n\n${sentence(2)} ${sentence(3)} ${sentence(4)} ${sentence(5)}`;
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'H',
      articleBody: body,
    });
    const html = page({
      head: `<script type="application/ld+json">${ld}</script>`,
      body: `<article><p>${sentence(1)}</p><p>Short teaser only, with a few words.</p></article>`,
    });
    const a = article(extractArticle(html, URL_));
    expect(a.text).toContain(sentence(5));
    expect(a.text.split('\n\n')).toHaveLength(2);
  });
});

describe('extractArticle: metadata', () => {
  it('takes the title from og:title and strips the site name from <title>', () => {
    const a = article(
      extractArticle(
        `<html><head><title>Storm hits the coast | Example News</title>
         <meta property="og:site_name" content="Example News"></head><body><article>${paras(3)}</article></body></html>`,
        URL_,
      ),
    );
    expect(a.title).toBe('Storm hits the coast');
    expect(a.siteName).toBe('Example News');
  });

  it('prefers JSON-LD dates, then meta, then <time>, then the URL, then the text', () => {
    const body = `<article><time datetime="2021-01-03T08:00:00Z">Jan 3</time>${paras(3)}</article>`;
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-01T10:00:00+02:00","dateModified":"2021-01-02T10:00:00Z"}</script>`;
    const meta = `<meta property="article:published_time" content="2021-01-02T00:00:00Z">`;
    const all = article(extractArticle(page({ head: ld + meta, body }), URL_));
    expect(all.publishedAt).toBe('2021-01-01T10:00:00.000+02:00');
    expect(all.modifiedAt).toBe('2021-01-02T10:00:00.000Z');
    expect(all.dateSource).toBe('json-ld');
    const noLd = article(extractArticle(page({ head: meta, body }), URL_));
    expect([noLd.publishedAt, noLd.dateSource]).toEqual(['2021-01-02T00:00:00.000Z', 'meta']);
    const timeOnly = article(extractArticle(page({ body }), 'https://x.example/2020/05/06/story'));
    expect([timeOnly.publishedAt, timeOnly.dateSource]).toEqual(['2021-01-03T08:00:00.000Z', 'time']);
    const urlOnly = article(
      extractArticle(page({ body: `<article>${paras(3)}</article>` }), 'https://x.example/2020/05/06/story'),
    );
    expect([urlOnly.publishedAt, urlOnly.dateSource]).toEqual(['2020-05-06T00:00:00.000Z', 'url']);
    const textOnly = article(
      extractArticle(
        page({
          body: `<article><div class="article-date">Published March 4, 2019 at 3:15 pm</div>${paras(3)}</article>`,
        }),
        URL_,
      ),
    );
    expect([textOnly.publishedAt, textOnly.dateSource]).toEqual(['2019-03-04T15:15:00.000Z', 'text']);
  });

  it('reads NewsArticle fields from JSON-LD, including @graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': ['NewsArticle'],
          headline: 'Council approves budget &amp; taxes',
          alternativeHeadline: 'The vote was close',
          author: [
            { '@type': 'Person', name: 'Ana Lima' },
            { '@type': 'Person', name: 'Bo Chen' },
          ],
          publisher: { '@type': 'Organization', name: 'City Paper' },
          articleSection: 'Politics',
          keywords: 'budget, council, taxes',
          image: { '@type': 'ImageObject', url: '/img/lead.jpg' },
          isAccessibleForFree: true,
        },
      ],
    });
    const a = article(
      extractArticle(
        page({
          head: `<script type="application/ld+json">${ld}</script>`,
          body: `<article>${paras(3)}</article>`,
        }),
        URL_,
      ),
    );
    expect(a.title).toBe('Council approves budget & taxes');
    expect(a.subtitle).toBe('The vote was close');
    expect(a.authors).toEqual(['Ana Lima', 'Bo Chen']);
    expect(a.siteName).toBe('City Paper');
    expect(a.section).toBe('Politics');
    expect(a.tags).toEqual(['budget', 'council', 'taxes']);
    expect(a.image).toBe('https://news.example.com/img/lead.jpg');
    expect(a.jsonLd?.type).toBe('NewsArticle');
    expect(a.jsonLd?.headline).toBe('Council approves budget & taxes');
  });

  it('survives broken JSON-LD', () => {
    const a = article(
      extractArticle(
        page({
          head: '<script type="application/ld+json">{"@type": "NewsArticle", headline: </script>',
          body: `<article>${paras(3)}</article>`,
        }),
        URL_,
      ),
    );
    expect(a.jsonLd).toBeNull();
  });

  it('resolves the canonical URL from rel=canonical, then og:url, else the given URL', () => {
    const body = `<article>${paras(3)}</article>`;
    const rel = article(
      extractArticle(
        page({ head: '<link rel="canonical" href="/world/story-123">', body }),
        `${URL_}?utm_source=x`,
      ),
    );
    expect(rel.canonicalUrl).toBe('https://news.example.com/world/story-123');
    const og = article(
      extractArticle(
        page({ head: '<meta property="og:url" content="https://news.example.com/s/1">', body }),
        URL_,
      ),
    );
    expect(og.canonicalUrl).toBe('https://news.example.com/s/1');
    const none = article(
      extractArticle(page({ head: '<link rel="canonical" href="javascript:void(0)">', body }), URL_),
    );
    expect(none.canonicalUrl).toBe(URL_);
  });

  it('finds authors in meta tags and bylines, without "By"', () => {
    const meta = article(
      extractArticle(
        page({
          head: '<meta name="author" content="By Jane Doe and John Roe"><meta property="og:site_name" content="Daily Planet">',
          body: `<article>${paras(3)}</article>`,
        }),
        URL_,
      ),
    );
    expect(meta.authors).toEqual(['Jane Doe', 'John Roe']);
    const byline = article(
      extractArticle(
        page({ body: `<article><div class="byline">By Maria Garcia</div>${paras(3)}</article>` }),
        URL_,
      ),
    );
    expect(byline.authors).toEqual(['Maria Garcia']);
    const inComments = article(
      extractArticle(
        page({
          body: `<article>${paras(3)}</article><section class="comments"><div class="byline">Olav Trent</div></section>`,
        }),
        URL_,
      ),
    );
    expect(inComments.authors).toEqual([]);
    const ldRef = article(
      extractArticle(
        page({
          head: `<script type="application/ld+json">${JSON.stringify({
            '@graph': [
              { '@type': 'Article', headline: 'H', author: { '@id': '#p1' } },
              { '@type': 'Person', '@id': '#p1', name: 'Rhea Solberg' },
            ],
          })}</script>`,
          body: `<article>${paras(3)}</article>`,
        }),
        URL_,
      ),
    );
    expect(ldRef.authors).toEqual(['Rhea Solberg']);
  });

  it('names the outlets of an attribution line, original first', () => {
    const body = `<article>${paras(2)}<p>This is reported by The Washington Post, according to UNN.</p></article>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.attribution).toEqual({
      text: 'This is reported by The Washington Post, according to UNN.',
      outlets: ['The Washington Post', 'UNN'],
    });
  });

  it('returns no attribution when the text credits no outlet', () => {
    const a = article(
      extractArticle(
        page({ body: `<article>${paras(3)}<p>According to police, the road is closed.</p></article>` }),
        URL_,
      ),
    );
    expect(a.attribution).toBeNull();
  });

  it('flags paywalled teasers', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>';
    const a = article(
      extractArticle(
        page({
          head: ld,
          body: `<article>${paras(2)}<p>${sentence(9)} The minister then said that the plan would…</p></article>`,
        }),
        URL_,
      ),
    );
    expect(a.isPaywalled).toBe(true);
    expect(a.isTruncated).toBe(true);
    const free = article(extractArticle(page({ body: `<article>${paras(6)}</article>` }), URL_));
    expect([free.isPaywalled, free.isTruncated]).toEqual([false, false]);
  });

  it('flags a subscribe-to-continue notice as a paywall', () => {
    const a = article(
      extractArticle(
        page({
          body: `<article>${paras(2)}<p>Subscribe to continue reading this article and all our journalism.</p></article>`,
        }),
        URL_,
      ),
    );
    expect(a.isPaywalled).toBe(true);
  });
});

describe('extractArticle: languages and scripts', () => {
  it('reports declared and detected language of a German article', () => {
    const de =
      'Die Bundesregierung hat am Mittwoch neue Maßnahmen zur Stärkung der Wirtschaft beschlossen. ' +
      'Nach Angaben des Ministeriums sollen vor allem kleine und mittlere Unternehmen von den Hilfen profitieren.';
    const body = `<article><p>${de}</p><p>${de}</p><p>${de}</p></article>`;
    const a = article(extractArticle(page({ lang: 'de-DE', body }), URL_));
    expect([a.language, a.languageDeclared, a.languageDetected]).toEqual(['de', 'de', 'de']);
  });

  it('trusts the text over a wrong declared language', () => {
    const es =
      'El gobierno anunció el miércoles un nuevo plan para mejorar la economía del país y apoyar a las familias. ' +
      'Según el ministerio, las medidas entrarán en vigor el próximo mes y beneficiarán a millones de personas.';
    const a = article(
      extractArticle(page({ lang: 'en', body: `<article><p>${es}</p><p>${es}</p></article>` }), URL_),
    );
    expect([a.languageDeclared, a.languageDetected, a.language]).toEqual(['en', 'es', 'es']);
  });

  it('extracts right-to-left Arabic text', () => {
    const ar =
      'أعلنت الحكومة يوم الأربعاء عن خطة جديدة لدعم الاقتصاد الوطني وتحسين مستوى المعيشة للمواطنين في جميع المناطق، ' +
      'وقال الوزير إن الإجراءات ستدخل حيز التنفيذ في الشهر المقبل.';
    const body = `<article dir="rtl"><p>${ar}</p><p>${ar}</p><p>${ar}</p></article>`;
    const a = article(extractArticle(page({ lang: 'ar', body }), URL_));
    expect(a.text.split('\n\n')[0]).toBe(ar);
    expect(a.languageDetected).toBe('ar');
    expect(a.wordCount).toBeGreaterThan(60);
  });

  it('extracts right-to-left Hebrew text and detects it by script', () => {
    const he =
      'הממשלה הודיעה ביום רביעי על תוכנית חדשה לחיזוק הכלכלה ולשיפור רמת החיים של האזרחים בכל האזורים, ' +
      'והשר אמר כי הצעדים ייכנסו לתוקף בחודש הבא.';
    const body = `<article dir="rtl"><p>${he}</p><p>${he}</p><p>${he}</p></article>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text).toContain(he);
    expect(a.languageDetected).toBe('he');
  });

  it('extracts Chinese and Japanese text without spaces', () => {
    const zh =
      '政府星期三宣布了一项支持经济发展的新计划，部长表示这些措施将于下个月生效，预计将惠及数百万家庭和中小企业。' +
      '专家认为，这一计划有助于稳定市场信心，并推动消费增长。';
    const zhPage = article(
      extractArticle(page({ lang: 'zh-CN', body: `<article><p>${zh}</p><p>${zh}</p></article>` }), URL_),
    );
    expect(zhPage.text).toBe(`${zh}\n\n${zh}`);
    expect(zhPage.languageDeclared).toBe('zh');
    const ja =
      '政府は水曜日、経済を支援するための新しい計画を発表しました。大臣によると、これらの措置は来月から実施され、' +
      '多くの家庭や中小企業が恩恵を受ける見込みです。専門家は市場の安定につながると話しています。';
    const jaPage = article(
      extractArticle(page({ lang: 'ja', body: `<article><p>${ja}</p><p>${ja}</p></article>` }), URL_),
    );
    expect(jaPage.text).toContain(ja);
    expect(jaPage.languageDetected).toBe('ja');
  });
});

describe('extractArticle: hostile input and non-articles', () => {
  it('reports an empty document as not an article', () => {
    expect(extractArticle('', URL_)).toEqual({ kind: 'not-article', reason: 'empty document' });
    expect(extractArticle('   \n ', URL_).kind).toBe('not-article');
  });

  it('reports a page of links as not an article', () => {
    const links = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/s/${i}">Headline number ${i} about the news of the day</a></li>`,
    ).join('');
    const res = extractArticle(page({ body: `<main><ul>${links}</ul></main>` }), 'https://news.example.com/');
    expect(res.kind).toBe('not-article');
  });

  it('returns metadata with a not-article result', () => {
    const res = extractArticle(
      page({
        head: '<meta property="og:title" content="Photo gallery">',
        body: '<div><img src="a.jpg"></div>',
      }),
      URL_,
    );
    expect(res.kind).toBe('not-article');
    if (res.kind === 'not-article') expect(res.partial?.title).toBe('Photo gallery');
  });

  it('handles tags nested thousands deep', () => {
    const depth = 10_000;
    const html = `<html><body>${'<div>'.repeat(depth)}${paras(3)}${'</div>'.repeat(depth)}</body></html>`;
    const a = article(extractArticle(html, URL_));
    expect(a.text.split('\n\n')).toHaveLength(3);
  });

  it('truncates input larger than maxHtmlBytes instead of failing', () => {
    const filler = `<div class="x">${'<span>filler</span>'.repeat(1000)}</div>`.repeat(30);
    const html = page({ body: `<article>${paras(3)}</article>${filler}<p>UNREACHABLE tail text.</p>` });
    const a = article(extractArticle(html, URL_, { maxHtmlBytes: 200_000 }));
    expect(a.text).not.toContain('UNREACHABLE');
    expect(a.text).toContain(sentence(3));
  });

  it('cuts a multi-byte character cleanly at the size limit', () => {
    const res = extractArticle(`<p>${'é'.repeat(100)}</p>`, URL_, { maxHtmlBytes: 10 });
    expect(res.kind).toBe('not-article');
  });

  // Generous timeout: the point is "no crash, sane result", not speed (bench/ measures that).
  it('extracts from 10 MB of markup with the default limit', { timeout: 60_000 }, () => {
    const junk = `<div class="c"><span>${'filler words '.repeat(20)}</span></div>`.repeat(35_000);
    const html = page({ body: `<article>${paras(3)}</article>${junk}` });
    expect(html.length).toBeGreaterThan(10_000_000);
    const a = article(extractArticle(html, URL_));
    expect(a.text).toContain(sentence(1));
  });

  it('tolerates broken encodings and stray NUL characters', () => {
    const body = `<article><p>Caf\uFFFD con le\u0000che y Ã±andÃº, ${sentence(1)}</p>${paras(2, 2)}</article>`;
    const a = article(extractArticle(page({ body }), URL_));
    expect(a.text).not.toContain('\u0000');
    expect(a.text).toContain('Caf\uFFFD');
  });
});

describe('extractArticle: nesting that would make the parser quadratic', () => {
  it('parses a million nested tags quickly by cutting the input at a safe depth', () => {
    const res = extractArticle(`${paras(3)}${'<div>'.repeat(1_000_000)}deep text`, URL_);
    expect(res.kind).toBe('article');
    if (res.kind === 'article') expect(res.article.text.split('\n\n')).toHaveLength(3);
  });

  it('reads text that is not inside any element', () => {
    const a = article(extractArticle(`${sentence(1)} ${sentence(2)} ${sentence(3)}`, URL_));
    expect(a.text).toBe(`${sentence(1)} ${sentence(2)} ${sentence(3)}`);
  });
});

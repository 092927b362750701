import { describe, expect, it } from 'vitest';
import { loadSampleContent } from './content.js';
import { renderArticle, renderRss, renderSitemap } from './render.js';

describe('the bundled sample site', () => {
  const content = loadSampleContent();

  it('has ten articles, three of them copies of one wire story from three outlets', () => {
    expect(content.articles).toHaveLength(10);
    const copies = content.articles.filter((a) =>
      a.paragraphs.some((p) => p.includes('worn-down armed forces')),
    );
    expect(new Set(copies.map((a) => a.outlet)).size).toBe(3);
  });

  it('lists every article in the RSS feed or a sitemap', () => {
    const base = 'http://127.0.0.1:1';
    const listed =
      renderRss(content, base) +
      renderSitemap(content, base, 'sitemap') +
      renderSitemap(content, base, 'news-sitemap');
    for (const article of content.articles) expect(listed).toContain(`${base}/${article.slug}<`);
  });

  it('escapes text into HTML and names the outlet as site name', () => {
    const [article] = content.articles;
    if (!article) throw new Error('no sample article');
    const html = renderArticle(content, { ...article, title: 'A <b> & "c"' }, 'http://x');
    expect(html).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
    expect(html).toContain(
      `<meta property="og:site_name" content="${content.outlets[article.outlet]?.name}">`,
    );
  });
});

describe('canonical URLs', () => {
  it("name the outlet's own site, whatever host serves the page", () => {
    const content = loadSampleContent();
    const [article] = content.articles;
    if (!article) throw new Error('no sample article');
    const site = content.outlets[article.outlet]?.site;
    const html = renderArticle(content, article, 'http://127.0.0.1:1234');
    expect(html).toContain(`<link rel="canonical" href="${site}/${article.slug}">`);
    expect(html).not.toContain('<link rel="canonical" href="http://127.0.0.1');
  });
});

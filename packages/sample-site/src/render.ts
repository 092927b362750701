import type { SampleArticle, SampleContent, SampleOutlet } from './content.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function paragraph(text: string, base: string): string {
  const promo = /^READ ALSO:\s*(.*)$/.exec(text);
  if (promo)
    return `<p class="read-also"><strong>READ ALSO:</strong> <a href="${base}/promo">${escapeHtml(promo[1] ?? '')}</a></p>`;
  if (text === 'Recall') return '<p><strong>Recall</strong></p>';
  return `<p>${escapeHtml(text)}</p>`;
}

function jsonLd(article: SampleArticle, outlet: SampleOutlet, url: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.published,
    author: [{ '@type': 'Person', name: article.author }],
    publisher: { '@type': 'Organization', name: outlet.name },
    mainEntityOfPage: url,
    articleSection: article.section,
    keywords: article.tags.join(', '),
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

function others(content: SampleContent, article: SampleArticle, base: string): string {
  return content.articles
    .filter((a) => a.slug !== article.slug)
    .slice(0, 4)
    .map((a) => `<li><a href="${base}/${a.slug}">${escapeHtml(a.title)}</a></li>`)
    .join('');
}

/** One article page, in its outlet's layout, with the chrome real pages carry around the story. */
export function renderArticle(content: SampleContent, article: SampleArticle, base: string): string {
  const outlet = content.outlets[article.outlet];
  if (!outlet) throw new Error(`unknown outlet ${article.outlet}`);
  const url = `${outlet.site}/${article.slug}`;
  const body = article.paragraphs.map((p) => paragraph(p, base)).join('\n');
  const date = new Date(article.published).toUTCString();
  const head = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(article.title)} | ${escapeHtml(outlet.name)}</title>
<link rel="canonical" href="${url}">
<meta property="og:site_name" content="${escapeHtml(outlet.name)}">
<meta property="og:title" content="${escapeHtml(article.title)}">
<meta property="og:url" content="${url}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="${article.published}">
<meta name="author" content="${escapeHtml(article.author)}">
${jsonLd(article, outlet, url)}
</head>`;
  const nav = `<nav class="main-nav"><a href="${base}/">Home</a> <a href="${base}/">World</a> <a href="${base}/">Business</a> <a href="${base}/">Sport</a></nav>`;
  if (outlet.layout === 'portal') {
    return `${head}
<body><div class="page">
<header class="site-header"><a class="logo" href="${base}/">${escapeHtml(outlet.name)}</a>${nav}</header>
<main>
<article class="story">
<h1 class="headline">${escapeHtml(article.title)}</h1>
<div class="byline">By ${escapeHtml(article.author)} · <time datetime="${article.published}">${date}</time></div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Copy link</a></div>
<div class="story-body">
${body}
</div>
</article>
<aside class="related"><h3>Read more</h3><ul>${others(content, article, base)}</ul></aside>
</main>
<footer class="site-footer"><p>© 2025 ${escapeHtml(outlet.name)}. All rights reserved.</p><a href="${base}/">About us</a> <a href="${base}/">Contact</a></footer>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
</div></body></html>
`;
  }
  return `${head}
<body><div id="wrapper">
<div class="topbar">${nav}<form class="search"><input name="q" placeholder="Search"></form></div>
<div class="content">
<span class="section-label">${escapeHtml(article.section)}</span>
<h1 class="entry-title">${escapeHtml(article.title)}</h1>
<p class="meta">${escapeHtml(article.author)} — ${date}</p>
<div class="entry-content">
${body}
</div>
<div class="tags">${article.tags.map((t) => `<a rel="tag" href="${base}/">${escapeHtml(t)}</a>`).join(' ')}</div>
<div class="newsletter-box"><h4>Get the newsletter</h4><p>The day's stories, every morning.</p><input type="email"></div>
<div id="comments"><h4>Comments (0)</h4><p>Be the first to comment.</p></div>
</div>
<div class="sidebar"><h3>Most read</h3><ul>${others(content, article, base)}</ul></div>
</div></body></html>
`;
}

function xmlEscape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderRss(content: SampleContent, base: string): string {
  const items = content.articles
    .filter((a) => a.feeds.includes('rss'))
    .map(
      (a) =>
        `<item><title>${xmlEscape(a.title)}</title><link>${base}/${a.slug}</link><guid>${base}/${a.slug}</guid><pubDate>${new Date(a.published).toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sample news</title><link>${base}/</link><description>wirehose sample site</description>
${items}
</channel></rss>
`;
}

export function renderSitemapIndex(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/sitemaps/pages.xml</loc></sitemap>
<sitemap><loc>${base}/sitemaps/news.xml</loc></sitemap>
</sitemapindex>
`;
}

export function renderSitemap(
  content: SampleContent,
  base: string,
  kind: 'sitemap' | 'news-sitemap',
): string {
  const urls = content.articles
    .filter((a) => a.feeds.includes(kind))
    .map((a) => {
      const news =
        kind === 'news-sitemap'
          ? `<news:news><news:publication><news:name>${xmlEscape(content.outlets[a.outlet]?.name ?? '')}</news:name><news:language>en</news:language></news:publication><news:publication_date>${a.published}</news:publication_date><news:title>${xmlEscape(a.title)}</news:title></news:news>`
          : '';
      return `<url><loc>${base}/${a.slug}</loc><lastmod>${a.published}</lastmod>${news}</url>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls}
</urlset>
`;
}

export function renderHome(content: SampleContent, base: string): string {
  const links = content.articles
    .map((a) => `<li><a href="${base}/${a.slug}">${escapeHtml(a.title)}</a></li>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sample news</title></head>
<body><h1>Sample news</h1><ul class="latest">
${links}
</ul></body></html>
`;
}

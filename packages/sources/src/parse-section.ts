import { load } from 'cheerio';
import { toPlainTextOrNull } from '@wirehose/text';
import type { Discovery, DiscoveredItem } from './parse-feed.js';

export interface SectionOptions {
  /** Regular expression an article link (absolute URL) must match. */
  linkPattern?: string | null;
  /** Keep only links on the page's own host (default true). */
  sameHostOnly?: boolean;
}

/**
 * Article links of an HTML section page: every `<a href>` resolved against the page (and its
 * `<base href>`), fragments dropped, matching `linkPattern` (when given) and on the same host, in page
 * order without repeats. The anchor text becomes the title hint.
 */
export function parseSectionPage(html: string, pageUrl: string, options: SectionOptions = {}): Discovery {
  const $ = load(html);
  const baseHref = $('base[href]').attr('href');
  let base = pageUrl;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).toString();
    } catch {
      base = pageUrl;
    }
  }
  const pattern = options.linkPattern ? new RegExp(options.linkPattern) : null;
  const host = new URL(pageUrl).host;
  const seen = new Set<string>();
  const items: DiscoveredItem[] = [];
  $('a[href]').each((_i, el) => {
    const href = $(el).attr('href');
    if (!href) return;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    url.hash = '';
    const absolute = url.toString();
    if ((options.sameHostOnly ?? true) && url.host !== host) return;
    if (pattern && !pattern.test(absolute)) return;
    if (absolute === pageUrl || seen.has(absolute)) return;
    seen.add(absolute);
    items.push({
      url: absolute,
      title: toPlainTextOrNull($(el).text()),
      publishedAt: null,
      updatedAt: null,
      guid: null,
      authors: [],
    });
  });
  return { format: 'html', items, sitemaps: [], problems: [] };
}

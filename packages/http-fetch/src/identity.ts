import { canonicalizeUrl, tryCanonicalizeUrl } from './canonicalize.js';

function attr(tag: string, name: string): string | null {
  const match = tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? null : value.replace(/&amp;/g, '&').trim();
}

/** Same site: equal hosts, or one a subdomain of the other (www.example.com and example.com). */
function sameSite(a: URL, b: URL): boolean {
  const x = a.hostname.replace(/^www\./, '');
  const y = b.hostname.replace(/^www\./, '');
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/**
 * The canonical identity of a fetched page: its `<link rel=canonical>`, else its `og:url`, else the
 * URL it was fetched from, canonicalised. A canonical pointing to another site (or not http(s)) is
 * ignored, so a page cannot claim another site's identity.
 */
export function identityUrl(html: string, finalUrl: string): string {
  const base = new URL(finalUrl);
  const head = html.slice(0, 200_000);
  const candidates: string[] = [];
  for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel');
    if (rel && rel.toLowerCase().split(/\s+/).includes('canonical')) {
      const href = attr(tag, 'href');
      if (href) candidates.push(href);
    }
  }
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const property = attr(tag, 'property') ?? attr(tag, 'name');
    if (property?.toLowerCase() === 'og:url') {
      const content = attr(tag, 'content');
      if (content) candidates.push(content);
    }
  }
  for (const candidate of candidates) {
    let resolved: URL;
    try {
      resolved = new URL(candidate, base);
    } catch {
      continue;
    }
    if ((resolved.protocol === 'http:' || resolved.protocol === 'https:') && sameSite(resolved, base)) {
      const canonical = tryCanonicalizeUrl(resolved.toString());
      if (canonical) return canonical;
    }
  }
  return canonicalizeUrl(finalUrl);
}

/** Query parameters that only track clicks and never change the page. Matched case-insensitively. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'cmpid',
  'ocid',
  'ncid',
  'sr_share',
  'smid',
  'at_medium',
  'at_campaign',
]);

/** Prefixes of tracking parameter families (`utm_source`, `utm_medium`, ... `pk_campaign`, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'ga_'] as const;

/** True when a query parameter name is a known tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/** Upper-case percent escapes and decode the ones that stand for unreserved characters (RFC 3986 6.2.2). */
function normalizeEscapes(part: string): string {
  return part.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const code = Number.parseInt(hex, 16);
    const ch = String.fromCharCode(code);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/**
 * The identity of a URL: scheme and host lower-cased, default port dropped, dot segments resolved,
 * percent escapes normalised, fragment and tracking parameters removed, remaining query parameters
 * sorted by name (stable, so repeated names keep their order). Idempotent. Not-http(s) URLs are only
 * parsed and re-serialised. Throws TypeError on a string that is not an absolute URL.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = new URL(url.trim());
  parsed.hash = '';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.toString();
  if (parsed.hostname.endsWith('.') && parsed.hostname.length > 1)
    parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  parsed.pathname = normalizeEscapes(parsed.pathname);
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  return parsed.toString();
}

/** `canonicalizeUrl`, or null for a string that is not an absolute URL. */
export function tryCanonicalizeUrl(url: string): string | null {
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}

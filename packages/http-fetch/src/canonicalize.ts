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
  'ref',
  'ref_src',
  'ref_url',
]);

/** Query parameters that carry a session, never the page. Matched case-insensitively. */
export const SESSION_PARAMS: ReadonlySet<string> = new Set([
  'jsessionid',
  'phpsessid',
  'sid',
  'sessionid',
  'session_id',
  'sessid',
  'oscsid',
  'zenid',
  'cfid',
  'cftoken',
]);

/** Prefixes of tracking parameter families (`utm_source`, `utm_medium`, ... `pk_campaign`, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'ga_'] as const;

/** True when a query parameter name is a known tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/** True when a query parameter name carries a session id (`PHPSESSID`, `ASPSESSIONIDQQGGRTAB`, `CFTOKEN`, ...). */
export function isSessionParam(name: string): boolean {
  const key = name.toLowerCase();
  return SESSION_PARAMS.has(key) || key.startsWith('aspsessionid');
}

/** Upper-case percent escapes and decode the ones that stand for unreserved characters (RFC 3986 6.2.2). */
function normalizeEscapes(part: string): string {
  return part.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const code = Number.parseInt(hex, 16);
    const ch = String.fromCharCode(code);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function decodedName(piece: string): string {
  const raw = piece.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * A path without session ids: `;jsessionid=...` (and other session names) path parameters, and ASP.NET
 * cookieless segments such as `/(S(abc123))/` or `/(X(1)S(abc123))/`.
 */
function stripPathSessions(path: string): string {
  return path
    .split('/')
    .filter(
      (segment) => !/^\((?:[A-Za-z]\([^()]*\))+\)$/.test(segment) || !/(?:^|\))S\(/i.test(segment.slice(1)),
    )
    .map((segment) =>
      segment.replace(/;([^;=/]*)=[^;/]*/g, (param: string, name: string) =>
        isSessionParam(name) ? '' : param,
      ),
    )
    .join('/');
}

/**
 * The query without tracking and session parameters, the rest sorted by name (stable, so repeated
 * names keep their order) and otherwise kept as written: `?a` stays `?a`, `;` is not escaped, values
 * are not re-encoded (only percent escapes are normalised).
 */
function cleanQuery(search: string): string {
  const pieces = search
    .replace(/^\?/, '')
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => ({ piece: normalizeEscapes(piece), name: decodedName(piece) }))
    .filter(({ name }) => !isTrackingParam(name) && !isSessionParam(name));
  pieces.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pieces.length > 0 ? `?${pieces.map((p) => p.piece).join('&')}` : '';
}

/**
 * The identity of a URL, the one used by the fetcher and by dedup: scheme and host lower-cased, default
 * port dropped, dot segments resolved, percent escapes normalised, fragment removed, session ids removed
 * (query parameters, `;jsessionid=` path parameters, ASP.NET `(S(...))` segments), tracking parameters
 * removed, remaining query parameters sorted by name and kept as written. Idempotent. Not-http(s) URLs
 * are only parsed and re-serialised. Throws TypeError on a string that is not an absolute URL.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = new URL(url.trim());
  parsed.hash = '';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.toString();
  if (parsed.hostname.endsWith('.') && parsed.hostname.length > 1)
    parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  const path = stripPathSessions(normalizeEscapes(parsed.pathname)) || '/';
  return `${parsed.protocol}//${parsed.host}${path}${cleanQuery(parsed.search)}`;
}

/** `canonicalizeUrl`, or null for a string that is not an absolute URL. */
export function tryCanonicalizeUrl(url: string): string | null {
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}

/**
 * The key under which two URLs count as the same page when matching copies (dedup): the canonical URL
 * without its scheme, a leading `www.` and a trailing slash. A string that is not a URL is its own key,
 * lower-cased.
 */
export function urlIdentityKey(url: string): string {
  const canonical = tryCanonicalizeUrl(url);
  if (canonical === null) return url.trim().toLowerCase();
  const parsed = new URL(canonical);
  const query = canonical.slice(canonical.indexOf('?') >= 0 ? canonical.indexOf('?') : canonical.length);
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  return `${parsed.host.replace(/^www\./, '')}${path}${query}`;
}

/**
 * robots.txt as RFC 9309 defines it, with the tolerances of Google's parser that sites rely on:
 * a missing colon ("disallow /"), common key typos, a (partial) byte-order mark at the start, lines
 * cut at 16,663 bytes, and `/dir/index.html` allowed meaning `/dir/` allowed.
 */

/** Longest line read, in bytes; the rest of a longer line is ignored (Google's 8 x 2083 buffer, less its terminator). */
export const MAX_LINE_BYTES = 2083 * 8 - 1;

interface Rule {
  allow: boolean;
  pattern: string;
  line: number;
}

interface Group {
  /** Product tokens of the group's user-agent lines, lower-case; `*` for the global group. */
  agents: string[];
  rules: Rule[];
  crawlDelaySeconds: number | null;
}

/** A parsed robots.txt. */
export interface RobotsRules {
  groups: Group[];
  /** Sitemap lines, as written. */
  sitemaps: string[];
}

/** What robots.txt says about one path for one agent. */
export interface RobotsMatch {
  allowed: boolean;
  /** Line of the deciding rule, or -1 when no rule decided. */
  line: number;
  /** Crawl-delay of the group that applies, in seconds; null when none is set. */
  crawlDelaySeconds: number | null;
}

type Key = 'user-agent' | 'allow' | 'disallow' | 'sitemap' | 'crawl-delay';

function keyOf(raw: string): Key | null {
  const key = raw.toLowerCase();
  if (key.startsWith('user-agent') || key.startsWith('useragent') || key.startsWith('user agent'))
    return 'user-agent';
  if (/^(?:disallow|dissallow|dissalow|disalow|diasllow|disallaw)/.test(key)) return 'disallow';
  if (key.startsWith('allow')) return 'allow';
  if (key.startsWith('sitemap') || key.startsWith('site-map')) return 'sitemap';
  if (key.startsWith('crawl-delay')) return 'crawl-delay';
  return null;
}

/** A leading byte-order mark, whole or partial, as UTF-8 or Latin-1 decoding leaves it. */
const LEADING_BOM = /^(?:\uFEFF|\uFFFD{1,3}|\u00EF\u00BB\u00BF|\u00EF\u00BB|\u00EF)/;

function cut(line: string): string {
  if (line.length <= MAX_LINE_BYTES / 3) return line;
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= MAX_LINE_BYTES) return line;
  return bytes
    .subarray(0, MAX_LINE_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/** Key and value of one line, or null. Whitespace stands for a missing colon when the line is exactly two words. */
function keyValue(rawLine: string): [string, string] | null {
  const hash = rawLine.indexOf('#');
  const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).replace(/^[ \t]+|[ \t]+$/g, '');
  if (line === '') return null;
  const colon = line.indexOf(':');
  if (colon >= 0)
    return [line.slice(0, colon).replace(/[ \t]+$/, ''), line.slice(colon + 1).replace(/^[ \t]+/, '')];
  const words = line.split(/[ \t]+/);
  return words.length === 2 ? [words[0] ?? '', words[1] ?? ''] : null;
}

/** The product token of a user-agent value: its leading run of letters, `_` and `-` ("FooBot/2.1 (x)" gives "foobot"). */
export function productToken(userAgent: string): string {
  return (/^[A-Za-z_-]*/.exec(userAgent.trim())?.[0] ?? '').toLowerCase();
}

/** `/dir/index.htm` and `/dir/index.html` allowed also allow exactly `/dir/`. */
function indexAlias(pattern: string): string | null {
  const slash = pattern.lastIndexOf('/');
  return slash >= 0 && pattern.slice(slash).startsWith('/index.htm')
    ? `${pattern.slice(0, slash + 1)}$`
    : null;
}

/** Percent-encode what is not ASCII and upper-case existing escapes, as URL paths are written. */
function escapePattern(pattern: string): string {
  return pattern
    .replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase())
    .replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
}

/** Parse robots.txt text. Never throws: what cannot be read is ignored, as RFC 9309 asks. */
export function parseRobotsTxt(body: string): RobotsRules {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | null = null;
  let inRules = false;
  body
    .replace(LEADING_BOM, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const kv = keyValue(cut(raw));
      if (!kv) return;
      const key = keyOf(kv[0]);
      const value = kv[1];
      const line = index + 1;
      if (key === 'user-agent') {
        if (!current || inRules) {
          current = { agents: [], rules: [], crawlDelaySeconds: null };
          groups.push(current);
          inRules = false;
        }
        const global = value.startsWith('*') && (value.length === 1 || /\s/.test(value[1] ?? ''));
        const token = global ? '*' : productToken(value);
        if (token) current.agents.push(token);
      } else if (key === 'sitemap') {
        if (value) sitemaps.push(value);
      } else if (key === 'crawl-delay') {
        const seconds = Number(value);
        if (current && value !== '' && Number.isFinite(seconds) && seconds >= 0)
          current.crawlDelaySeconds = seconds;
      } else if ((key === 'allow' || key === 'disallow') && current) {
        inRules = true;
        const pattern = escapePattern(value);
        current.rules.push({ allow: key === 'allow', pattern, line });
        const alias = key === 'allow' ? indexAlias(pattern) : null;
        if (alias) current.rules.push({ allow: true, pattern: alias, line });
      }
    });
  return { groups, sitemaps };
}

/** Whether `pattern` (with `*` and a final `$`) matches a prefix of `path`. */
export function patternMatches(path: string, pattern: string): boolean {
  let positions = [0];
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '$' && i === pattern.length - 1) return positions.includes(path.length);
    if (ch === '*') {
      const from = positions[0] ?? 0;
      positions = Array.from({ length: path.length - from + 1 }, (_v, k) => from + k);
    } else {
      positions = positions.filter((p) => p < path.length && path[p] === ch).map((p) => p + 1);
      if (positions.length === 0) return false;
    }
  }
  return true;
}

/** The path, parameters and query robots.txt rules are matched against; "/" for an empty or path-less URL. */
export function robotsPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname || '/'}${parsed.search}`;
  } catch {
    const rest = url.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/^\/\/[^/?#]*/, '');
    const path = rest.replace(/#.*$/, '');
    if (path === '') return '/';
    return path.startsWith('/') ? path : `/${path}`;
  }
}

/**
 * What the rules say about `url` for `userAgent` (its product token is matched, case-insensitively,
 * against each group's tokens). The groups naming the agent are merged and replace the `*` groups; the
 * longest matching pattern decides, and Allow wins a tie. An empty pattern matches nothing.
 */
export function matchRobots(rules: RobotsRules, userAgent: string, url: string): RobotsMatch {
  const token = productToken(userAgent);
  const own = token ? rules.groups.filter((g) => g.agents.includes(token)) : [];
  const groups = own.length > 0 ? own : rules.groups.filter((g) => g.agents.includes('*'));
  const path = robotsPath(url);
  let best: Rule | null = null;
  for (const group of groups) {
    for (const rule of group.rules) {
      if (rule.pattern === '' || !patternMatches(path, rule.pattern)) continue;
      if (
        !best ||
        rule.pattern.length > best.pattern.length ||
        (rule.pattern.length === best.pattern.length && rule.allow && !best.allow)
      )
        best = rule;
    }
  }
  const delays = groups.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  return {
    allowed: best ? best.allow : true,
    line: best ? best.line : -1,
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
  };
}

/**
 * htmlparser2 keeps its open-element stack with `unshift`, so every open tag costs the current
 * depth: nesting a million tags deep (5 MB of "<div>") would never finish parsing. This guard
 * replays the tag structure in one linear scan with a cheap model of htmlparser2's rules
 * (void elements, closing tags that pop to their match, implied closes such as <p> before <p>)
 * and cuts the input where nesting first exceeds the limit. Real pages are far shallower.
 */

export const DEFAULT_MAX_DEPTH = 20_000;

/** Budget for the parser's total stack work (the sum of depths at each open tag): about a second. */
export const DEFAULT_MAX_STACK_WORK = 250_000_000;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'noscript',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);

/** Tags closed implicitly when the tag of the key opens while they are the current element. */
const IMPLIED: Record<string, ReadonlySet<string>> = {
  p: new Set(['p']),
  li: new Set(['li']),
  tr: new Set(['tr', 'th', 'td']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  option: new Set(['option']),
  optgroup: new Set(['optgroup', 'option']),
  dd: new Set(['dt', 'dd']),
  dt: new Set(['dt', 'dd']),
};

const closers = new Map<string, RegExp>();
function closerOf(name: string): RegExp {
  let re = closers.get(name);
  if (re === undefined) {
    re = new RegExp(`</${name}`, 'gi');
    closers.set(name, re);
  }
  return re;
}

const TAG = /<(\/?)([A-Za-z][^\s/>]*)|<!--/g;

/**
 * Returns `html` cut before the first tag that would nest deeper than `maxDepth`, or that would
 * push the parser's total stack work past `maxStackWork` (repeated deep nests).
 */
export function limitNesting(
  html: string,
  maxDepth = DEFAULT_MAX_DEPTH,
  maxStackWork = DEFAULT_MAX_STACK_WORK,
): string {
  // With n tags the stack work is at most n * n / 2 and the depth at most n: small pages skip the scan.
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= maxDepth && (tags * tags) / 2 <= maxStackWork) return html;
  let work = 0;
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = (m[2] ?? '').toLowerCase();
    const tagEnd = html.indexOf('>', TAG.lastIndex);
    if (tagEnd < 0) break;
    TAG.lastIndex = tagEnd + 1;
    if (m[1] === '/') {
      const n = openCount.get(name) ?? 0;
      if (n === 0) continue;
      // Pop to the matching element; every element is popped once, so this stays linear overall.
      for (;;) {
        const top = stack.pop() as string;
        openCount.set(top, (openCount.get(top) ?? 1) - 1);
        if (top === name) break;
      }
      continue;
    }
    if (VOID.has(name) || html.charCodeAt(tagEnd - 1) === 47 /* "/>" */) continue;
    const implied = IMPLIED[name];
    if (implied !== undefined) {
      while (stack.length > 0 && implied.has(stack[stack.length - 1] as string)) {
        const top = stack.pop() as string;
        openCount.set(top, (openCount.get(top) ?? 1) - 1);
      }
    }
    if (RAW_TEXT.has(name)) {
      // Content up to the closing tag is text, not markup.
      const closer = closerOf(name);
      closer.lastIndex = TAG.lastIndex;
      const found = closer.exec(html);
      if (found === null) break;
      TAG.lastIndex = found.index;
      stack.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      continue;
    }
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    work += stack.length;
    if (stack.length > maxDepth || work > maxStackWork) return html.slice(0, m.index);
  }
  return html;
}

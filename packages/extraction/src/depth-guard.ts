/**
 * htmlparser2 keeps its open-element stack with `unshift`, so every open tag costs the current
 * depth: nesting a million tags deep (5 MB of "<div>") would never finish parsing. This guard
 * replays the tag structure in one linear scan with a cheap model of htmlparser2's rules
 * (void elements, closing tags that pop to their match, implied closes such as <p> before <p>)
 * and flattens what lies deeper than the limit: tags below it are removed (a block tag becomes a
 * paragraph break), their text is kept. Real pages are far shallower; an article wrapped in
 * 30,000 <div>s comes out whole.
 */

export const DEFAULT_MAX_DEPTH = 1_000;

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

/** Tags that separate paragraphs: one removed by flattening leaves a paragraph break. */
const FLATTENED_BLOCKS = new Set([
  'p',
  'div',
  'li',
  'section',
  'article',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'ul',
  'ol',
  'table',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'pre',
  'dd',
  'dt',
]);

/**
 * Returns `html` with tags nested deeper than `maxDepth` removed (text kept, block tags turned
 * into paragraph breaks), and cut before the tag that would push the parser's total stack work
 * past `maxStackWork` (very many tags, each deep).
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
  // Tags deeper than the limit, removed from the output but tracked to remove their closers too.
  const flat: string[] = [];
  const flatCount = new Map<string, number>();
  const out: string[] = [];
  let copied = 0;
  // Whether the output ends with a paragraph break and only blank text since: runs of removed
  // block tags leave one break, not one per tag.
  let atBreak = false;
  const remove = (from: number, to: number, name: string): void => {
    if (from > copied) {
      const between = html.slice(copied, from);
      out.push(between);
      if (between.trim().length > 0) atBreak = false;
    }
    if (FLATTENED_BLOCKS.has(name) && !atBreak) {
      out.push('<br><br>');
      atBreak = true;
    }
    copied = to;
  };
  const pop = (list: string[], counts: Map<string, number>): string => {
    const top = list.pop() as string;
    counts.set(top, (counts.get(top) ?? 1) - 1);
    return top;
  };
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
      if ((flatCount.get(name) ?? 0) > 0) {
        while (pop(flat, flatCount) !== name);
        remove(m.index, tagEnd + 1, name);
        continue;
      }
      const n = openCount.get(name) ?? 0;
      if (n === 0) continue;
      // Closing an outer element closes the flattened ones inside it.
      while (flat.length > 0) pop(flat, flatCount);
      // Pop to the matching element; every element is popped once, so this stays linear overall.
      while (pop(stack, openCount) !== name);
      continue;
    }
    if (VOID.has(name) || html.charCodeAt(tagEnd - 1) === 47 /* "/>" */) continue;
    const implied = IMPLIED[name];
    if (implied !== undefined) {
      const list = flat.length > 0 ? flat : stack;
      const counts = flat.length > 0 ? flatCount : openCount;
      while (list.length > 0 && implied.has(list[list.length - 1] as string)) pop(list, counts);
    }
    if (RAW_TEXT.has(name)) {
      // Content up to the closing tag is text, not markup: the element opens and closes here.
      const closer = closerOf(name);
      closer.lastIndex = TAG.lastIndex;
      const found = closer.exec(html);
      if (found === null) break;
      const closeEnd = html.indexOf('>', found.index);
      if (closeEnd < 0) break;
      TAG.lastIndex = closeEnd + 1;
      continue;
    }
    if (flat.length > 0 || stack.length >= maxDepth) {
      flat.push(name);
      flatCount.set(name, (flatCount.get(name) ?? 0) + 1);
      remove(m.index, tagEnd + 1, name);
      continue;
    }
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    work += stack.length;
    if (work > maxStackWork) {
      out.push(html.slice(copied, m.index));
      return out.join('');
    }
  }
  out.push(html.slice(copied));
  return out.join('');
}

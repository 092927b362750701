import { decodeHTML } from 'entities';
import type { ArticleJsonLd } from './types.js';

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|Posting)$/;

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function parseLoose(text: string): unknown {
  const s = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(s);
  } catch {
    // Raw control characters inside strings are the most common defect; retry without them.
    try {
      // eslint-disable-next-line no-control-regex
      return JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** All objects in the JSON-LD blocks, with arrays and @graph flattened (bounded). */
function collectObjects(blocks: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: unknown[] = [];
  for (const b of blocks) {
    const v = parseLoose(b);
    if (v !== undefined) queue.push(v);
  }
  while (queue.length > 0 && out.length < 500) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...(v as unknown[]).slice(0, 200));
    else if (isObject(v)) {
      out.push(v);
      const g = v['@graph'];
      if (Array.isArray(g)) queue.push(...(g as unknown[]).slice(0, 200));
      const me = v['mainEntity'];
      if (isObject(me)) queue.push(me);
    }
  }
  return out;
}

/** The object describing the article: an Article type, the one with the longest body first. */
export function findArticleJsonLd(blocks: string[]): ArticleJsonLd | null {
  let best: JsonObject | null = null;
  let bestType = '';
  let bestRank = -1;
  const objects = collectObjects(blocks);
  const byId = new Map<string, JsonObject>();
  for (const o of objects) {
    const id = o['@id'];
    // The fullest object with an id wins: references ({"@id": ...}) repeat the id with nothing else.
    if (typeof id === 'string' && Object.keys(o).length > (Object.keys(byId.get(id) ?? {}).length || 1))
      byId.set(id, o);
  }
  for (const o of objects) {
    const types = typesOf(o);
    const articleType = types.find((t) => ARTICLE_TYPE.test(t));
    let rank = -1;
    if (articleType !== undefined) {
      rank = 2;
      if (typeof o['articleBody'] === 'string') rank = 3;
    } else if (types.includes('WebPage') && (o['headline'] !== undefined || o['datePublished'] !== undefined))
      rank = 1;
    if (rank > bestRank) {
      best = o;
      bestRank = rank;
      bestType = articleType ?? types[0] ?? '';
    }
  }
  if (best === null) return null;
  const result: ArticleJsonLd = { type: bestType };
  for (const [k, v] of Object.entries(best)) {
    if (k === '@context' || k === '@type') continue;
    if (k === 'author' || k === 'publisher') {
      result[k] = resolveRefs(v, byId);
      continue;
    }
    if (k === 'headline' || k === 'articleBody') {
      if (typeof v === 'string') result[k] = decodeText(v);
      continue;
    }
    result[k] = v;
  }
  return result;
}

/** A value with references ({"@id": "#author-1"}) replaced by the objects they name, one level deep. */
function resolveRefs(v: unknown, byId: ReadonlyMap<string, JsonObject>): unknown {
  const one = (x: unknown): unknown => {
    if (!isObject(x) || x['name'] !== undefined) return x;
    const id = x['@id'];
    return typeof id === 'string' ? (byId.get(id) ?? x) : x;
  };
  return Array.isArray(v) ? v.slice(0, 50).map(one) : one(v);
}

/** Decodes HTML entities that some sites leave in JSON-LD strings ("&#8216;The Medium&#8217;"). */
export function decodeText(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

/** Names from a schema.org author value: string, Person, or a list of them. */
export function namesOf(v: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : [v];
  for (const item of list.slice(0, 20)) {
    if (typeof item === 'string') out.push(decodeText(item));
    else if (isObject(item)) {
      const n = item['name'];
      if (typeof n === 'string') out.push(decodeText(n));
      else if (Array.isArray(n)) for (const x of n) if (typeof x === 'string') out.push(x);
    }
  }
  return out;
}

/** URL from a schema.org image value: string, ImageObject, or a list (first wins). */
export function urlOf(v: unknown): string | null {
  const first: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  if (typeof first === 'string') return first;
  if (isObject(first)) {
    const u = first['url'] ?? first['contentUrl'];
    if (typeof u === 'string') return u;
  }
  return null;
}

/** A string field, or the first string of a list. */
export function stringOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim().length > 0 ? decodeText(v.trim()) : null;
  if (Array.isArray(v))
    for (const x of v) if (typeof x === 'string' && x.trim().length > 0) return decodeText(x.trim());
  if (isObject(v)) {
    const n = v['name'];
    if (typeof n === 'string') return decodeText(n);
  }
  return null;
}

/** All strings of a field that may be a string, a comma list or an array. */
export function stringsOf(v: unknown): string[] {
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((s) => s.trim());
  return [];
}

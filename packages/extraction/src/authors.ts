import type { AnyNode } from 'domhandler';

/** Labels that stand before names in bylines: "By", "Written by:", "Authors:", "Posted by". */
const LABEL =
  /^(?:(?:(?:written|posted|published|authored|words|text|story|reporting|report|photos? and text)\s*by|by|authors?|writers?|written|von|par|por|di|door|av|przez|автор|от)(?:\s*[:\-–—]\s*|\s+))+(?=\S)/i;
// "byJane Doe": a label glued to the name by markup without spaces.
const GLUED_LABEL = /^(?:written|posted|authored)?\s*by(?=\p{Lu})/u;
// Conjunctions in lower case only: "Sarah E. Needleman" keeps its initial.
const SPLIT = /\s*(?:[,;&|]|\s(?:and|And|AND|und|et|y|e|i|и|і)\s)\s*/;
/** Anything that marks a line as not a name: links, addresses, digits, markup, credits. */
const NEVER_A_NAME =
  /(?:https?:|www\.|@|\d|[*()[\]{}<>=©®™:~]|^(?:undefined|null|none|unknown|anonymous)$|\.(?:com|org|net|co|uk|de|ru|io)\b|\b(?:websites? by|powered by|designed by|developed by|view (?:all|more)|more (?:posts|articles|stories)|all posts|read more|see more|follow|subscribe|sign in|log ?in|share|updated|published|posted|min read|minutes? read)\b)/i;
/** Words that make a byline line a role, a desk or a label rather than a person. */
const ROLE_WORD =
  /\b(?:staff|editor|editors|editorial|team|desk|reporter|correspondent|writer|contributing|contributor|columnist|news|agency|press|about|sobre|name|author|authors|written|guest|admin|administrator|webmaster|moderator|member|posts|articles|profile|bio|biography)\b/i;
/** Academic and professional credentials after a name: "MD", "Ph.D.", "RN". */
const CREDENTIAL = /^(?:[A-Z]{2,6}|(?:[A-Z][a-z]?\.){1,4}[A-Z]?[a-z]?\.?|Jr\.?|Sr\.?|I{2,3}|IV)$/;

export interface AuthorOptions {
  /** Names to leave out (compared case-insensitively). */
  exclude?: readonly string[];
  /**
   * The candidates come from structured data (JSON-LD, author meta tags), where a site states its
   * author on purpose: user names in lower case and organisations are kept. Visible bylines get the
   * stricter test.
   */
  structured?: boolean;
}

/** One author name cleaned of labels and edge punctuation; null if it is not a name. */
function cleanName(raw: string, structured: boolean): string | null {
  const s = raw
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(LABEL, '')
    .replace(/^[\s|•·:–—-]+|[\s|•·:–—,-]+$/g, '')
    .trim();
  if (s.length < 2 || s.length > 60) return null;
  if (NEVER_A_NAME.test(s)) return null;
  const words = s.split(' ');
  if (words.length > (structured ? 6 : 4)) return null;
  if (CREDENTIAL.test(s)) return null;
  if (!structured) {
    if (ROLE_WORD.test(s)) return null;
    // A name starts with a letter in upper case in scripts that have case; others pass.
    for (const w of words) {
      const first = w.charAt(0);
      if (
        first.toLowerCase() === first &&
        first.toUpperCase() !== first &&
        !/^(?:de|da|van|von|der|del|la|le|bin|al)$/.test(w)
      )
        return null;
    }
    // One word in a byline is a user name, a label or a section more often than a person.
    if (words.length === 1) return null;
  }
  // "Carrie ArnoldContributing Writer": glued role text.
  if (/\p{Ll}\p{Lu}\p{Ll}/u.test(s) && /(?:Writer|Editor|Reporter|Correspondent|Contributor)/.test(s))
    return null;
  return s;
}

/** "Doe, Jane" (one author written surname first, as citation_author has it) -> "Jane Doe". */
function surnameFirst(s: string): string | null {
  const m = /^([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’ -]*)$/u.exec(s.trim());
  if (m === null) return null;
  const given = (m[2] ?? '').trim();
  if (given.split(' ').length > 3 || CREDENTIAL.test(given)) return null;
  return `${given} ${m[1] ?? ''}`;
}

/**
 * Normalises author candidates ("By Jane Doe and John Roe", ["Jane Doe"]) into a list of distinct
 * names: labels removed, co-authors split, credentials after a name dropped, non-names rejected.
 */
export function normalizeAuthors(candidates: readonly string[], options: AuthorOptions = {}): string[] {
  const structured = options.structured ?? false;
  const out: string[] = [];
  const seen = new Set<string>((options.exclude ?? []).map((e) => e.toLowerCase()));
  for (const c of candidates) {
    let stripped = c.replace(/[\s\u00a0]+/g, ' ').trim();
    stripped = stripped.replace(LABEL, '').replace(GLUED_LABEL, '');
    const parts =
      structured && surnameFirst(stripped) !== null
        ? [surnameFirst(stripped) as string]
        : stripped.split(SPLIT);
    for (const part of parts) {
      const name = cleanName(part, structured);
      if (name === null) continue;
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
      if (out.length >= 10) return out;
    }
  }
  return out;
}

/**
 * Names in the lines of a byline block ("Written by" / "Jane Doe" / "Oct 3, 2024"): the first run
 * of lines that hold names, joined by connector lines ("and", ","), ends at the first other line.
 */
export function bylineNames(lines: readonly string[], exclude: readonly string[] = []): string[] {
  const names: string[] = [];
  let afterConnector = false;
  for (const raw of lines) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line.length === 0) continue;
    if (/^(?:,|and|&|\||·|•)$/i.test(line)) {
      afterConnector = true;
      continue;
    }
    // After a name, only a connector ("and", ",") lets another name follow; a role or a date ends it.
    if (names.length > 0 && !afterConnector) break;
    afterConnector = false;
    const bare = line.replace(LABEL, '').replace(GLUED_LABEL, '').trim();
    // A label alone ("Written by", "Author") introduces the names on the next lines.
    if (bare.length === 0 || /^(?:the )?authors?:?$|^by:?$|^written by:?$/i.test(line)) continue;
    const found = normalizeAuthors([bare], { exclude });
    if (found.length === 0) continue;
    for (const n of found) if (!names.includes(n)) names.push(n);
  }
  return names;
}

const INLINE = new Set(['b', 'i', 'em', 'strong', 'u', 'small', 'abbr', 'bdi', 'wbr']);

/** The text of a small subtree as lines: every element other than inline formatting breaks a line. */
export function textLines(node: AnyNode, maxChars = 400): string[] {
  const lines: string[] = [];
  let cur = '';
  let total = 0;
  const stack: Array<AnyNode | null> = [node];
  while (stack.length > 0 && total < maxChars) {
    const n = stack.pop() as AnyNode | null;
    if (n === null) {
      lines.push(cur);
      cur = '';
      continue;
    }
    if (n.type === 'text') {
      cur += n.data;
      total += n.data.length;
    } else if (n.type === 'tag') {
      const breaks = !INLINE.has(n.name);
      if (breaks) {
        lines.push(cur);
        cur = '';
        stack.push(null);
      }
      for (let i = n.children.length - 1; i >= 0; i--) {
        const c = n.children[i];
        if (c !== undefined) stack.push(c);
      }
    }
  }
  lines.push(cur);
  return lines.map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim()).filter((l) => l.length > 0);
}

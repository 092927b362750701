const BY_PREFIX = /^(?:by|written by|words by|von|par|por|di|door|av|przez|автор|от)\s*[:\-–—]?\s+/i;
// Conjunctions in lower case only: "Sarah E. Needleman" keeps its initial.
const SPLIT = /\s*(?:[,;&|]|\s(?:and|And|AND|und|et|y|e|i|и|і)\s)\s*/;
const NOT_A_NAME =
  /(?:https?:|www\.|@|\d|[*()[\]{}<>=]|\.(?:com|org|net|co|uk|de|ru)\b|\b(?:staff|editor|editors|editorial|team|desk|updated|published|posted|follow|twitter|facebook|email|e-mail|contact|reporter|correspondent|writer|contributing|contributor|columnist|news|agency|press|about|sobre|name)\b)/i;

/** One author name cleaned of "By", titles after commas, and role suffixes; null if not a name. */
function cleanName(raw: string): string | null {
  const s = raw
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(BY_PREFIX, '')
    .replace(/^[\s|•·:–—-]+|[\s|•·:–—-]+$/g, '')
    .trim();
  if (s.length < 3 || s.length > 60) return null;
  if (NOT_A_NAME.test(s)) return null;
  const words = s.split(' ');
  if (words.length > 5) return null;
  // A lone acronym (AP, PTI, CNN) is an agency or a credential, not a person.
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(s)) return null;
  // "Carrie ArnoldContributing Writer": glued role text.
  if (/\p{Ll}\p{Lu}\p{Ll}/u.test(s) && /(?:Writer|Editor|Reporter|Correspondent|Contributor)/.test(s))
    return null;
  // A name starts with a letter in upper case in scripts that have case; others pass.
  const first = s.charAt(0);
  if (first.toLowerCase() === first && first.toUpperCase() !== first) return null;
  return s;
}

/**
 * Normalises author candidates ("By Jane Doe and John Roe", ["Jane Doe"], "Doe, Jane" is kept
 * as two tokens only when both look like full names) into a list of distinct names.
 */
export function normalizeAuthors(candidates: readonly string[], exclude: readonly string[] = []): string[] {
  const out: string[] = [];
  const seen = new Set<string>(exclude.map((e) => e.toLowerCase()));
  for (const c of candidates) {
    const stripped = c
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .replace(BY_PREFIX, '');
    for (const part of stripped.split(SPLIT)) {
      const name = cleanName(part);
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

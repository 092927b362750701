import { sameOutlet } from './attribution.js';
import type { StoredCopy, StoryRecord } from './story-record.js';
import type { StoryState } from './types.js';

function compareEarliest(a: StoredCopy, b: StoredCopy): number {
  const ta = a.publishedAt ?? Number.POSITIVE_INFINITY;
  const tb = b.publishedAt ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.size !== b.size) return b.size - a.size;
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
}

/** The attribution chain of a copy, with its own outlet first when the credit line does not start with it. */
function chainOf(c: StoredCopy): string[] {
  if (c.attribution.length === 0) return [];
  const first = c.attribution[0] ?? '';
  return sameOutlet(first, c.source) ? [...c.attribution] : [c.source, ...c.attribution];
}

/**
 * The public view of a story record. Deterministic in the set of copies (not their order):
 * - original: the outlet credited last in attribution lines (most credited; ties to the longest chain),
 *   else the earliest published copy (undated copies after dated ones, then the longest text, then article id);
 * - bestCopyId: the copy with the most text (ties as for earliest);
 * - attributionChain: the longest chain found.
 */
export function toStoryState(storyId: string, r: StoryRecord): StoryState {
  const copies = r.copies;
  const byEarliest = [...copies].sort(compareEarliest);
  const best = [...copies].sort((a, b) => b.size - a.size || compareEarliest(a, b))[0];
  const chains = copies.map(chainOf).filter((c) => c.length > 0);
  chains.sort((a, b) => b.length - a.length || a.join('\u0000').localeCompare(b.join('\u0000')));
  const credited = new Map<string, number>();
  for (const ch of chains) {
    const upstream = ch[ch.length - 1] ?? '';
    credited.set(upstream, (credited.get(upstream) ?? 0) + 1);
  }
  let original: StoryState['original'];
  const top = [...credited.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (top) {
    const outlet = chains.find((ch) => (ch[ch.length - 1] ?? '') === top[0])?.at(-1) ?? top[0];
    const own = byEarliest.find((c) => sameOutlet(c.source, outlet));
    original = { source: outlet, basis: 'attribution', articleId: own?.articleId ?? null };
  } else {
    const first = byEarliest[0];
    original = { source: first?.source ?? '', basis: 'earliest', articleId: first?.articleId ?? null };
  }
  return {
    storyId,
    copies: copies.map((c) => ({
      articleId: c.articleId,
      source: c.source,
      publishedAt: c.publishedAt === null ? null : new Date(c.publishedAt * 1000).toISOString(),
      matchedBy: c.matchedBy,
      similarity: c.similarity,
    })),
    bestCopyId: best?.articleId ?? '',
    original,
    attributionChain: chains[0] ?? [],
    mergedFrom: [...r.mergedFrom],
  };
}

import type { ArticleJsonLd } from './types.js';

const PAYWALL_PHRASES =
  /\b(?:subscribe (?:now )?to (?:continue|keep) reading|subscribers? only|for subscribers|already a subscriber|to continue reading,? (?:please )?(?:subscribe|log ?in|sign in)|this (?:article|story|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)|become a (?:subscriber|member) to read|unlock (?:this|the full) (?:article|story)|you have reached your (?:free )?article limit)\b/i;

/** Whether the page declares or shows that its full text is for subscribers only. */
export function detectPaywall(
  ld: ArticleJsonLd | null,
  contentTier: string | null,
  paywallMarked: boolean,
  text: string,
): boolean {
  if (ld !== null) {
    const free = ld['isAccessibleForFree'];
    if (free === false || free === 'False' || free === 'false') return true;
    const parts = ld['hasPart'];
    const list = Array.isArray(parts) ? parts : [parts];
    for (const p of list) {
      if (typeof p === 'object' && p !== null && 'isAccessibleForFree' in p) {
        const v = (p as { isAccessibleForFree?: unknown }).isAccessibleForFree;
        if (v === false || v === 'False' || v === 'false') return true;
      }
    }
  }
  if (contentTier !== null && /locked|metered|premium|subscriber/i.test(contentTier)) return true;
  const tail = text.length > 1500 ? text.slice(-1500) : text;
  if (PAYWALL_PHRASES.test(tail)) return true;
  return paywallMarked && text.length < 1500;
}

/** Whether the text looks cut short: ends mid-sentence with an ellipsis, or is a teaser of a longer body. */
export function detectTruncation(
  text: string,
  isPaywalled: boolean,
  fullBodyWords: number,
  words: number,
): boolean {
  const end = text.trimEnd().slice(-12);
  if (/(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$/.test(end)) return true;
  if (fullBodyWords > 0 && words < fullBodyWords * 0.6) return true;
  return isPaywalled && words < 250;
}

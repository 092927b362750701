/** Fixed tune/check split of a dev set by a hash of the item id: a third of the ids go to check. */
export type Split = 'tune' | 'check';

/** FNV-1a 32-bit hash of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The split an id belongs to; the same id always lands in the same split. */
export function splitOf(id: string): Split {
  return fnv1a(`split:${id}`) % 3 === 0 ? 'check' : 'tune';
}

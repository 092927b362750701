import { hash64 } from './hash.js';
import { normalizeText } from './normalize.js';

/**
 * Key names of the dedup index, in one place. Every key starts with the index's prefix (so that a prefix
 * can be scanned and removed); keys a script call touches together share a hash tag (the part in braces),
 * so that each call stays in one Redis Cluster hash slot.
 */

/** The per-outlet boilerplate statistics hash (see `lua/boilerplate.lua`): one key, its own slot. */
export function outletBoilerplateKey(prefix: string, source: string): string {
  return `${prefix}{bp:${hash64(`outlet\u0000${normalizeText(source)}`).toString('hex')}}`;
}

import { NAME_BITS, NUMBER_BITS } from './specifics.js';
import type { MatchedBy } from './types.js';

/** A copy as stored inside its story record (binary, see `encodeStoryRecord`). */
export interface StoredCopy {
  articleId: string;
  source: string;
  /** Epoch seconds, null when unknown. */
  publishedAt: number | null;
  matchedBy: MatchedBy;
  similarity: number;
  /** Distinct shingles of the copy's body. */
  size: number;
  /** Bottom-k sketch, 24-bit values. */
  sketch: Uint32Array;
  /** Numbers and names as bit sets (see `specificBits`); empty when the copy is kept without its sketch. */
  numbers: Uint32Array;
  names: Uint32Array;
  /** Attribution outlets, citing first. */
  attribution: string[];
}

/**
 * Distinct shingles of a story's fullest copy (among those kept with a sketch, which are always the
 * longest): what "the whole story" measures when a newcomer is judged against it.
 */
export function fullestSize(copies: readonly StoredCopy[]): number {
  let max = 0;
  for (const c of copies) if (c.sketch.length > 0 && c.size > max) max = c.size;
  return max;
}

export interface StoryRecord {
  mergedFrom: string[];
  copies: StoredCopy[];
}

const MATCHED: readonly MatchedBy[] = ['first', 'url', 'hash', 'near'];
const FORMAT = 4;
/** First byte of an alias value (a story renamed or merged into another): "=" + 8-byte id. */
export const ALIAS_MARK = 0x3d;
const NUMBER_WORDS = NUMBER_BITS / 32;
const NAME_WORDS = NAME_BITS / 32;

class Writer {
  #buf = Buffer.allocUnsafe(512);
  #n = 0;
  #room(k: number): void {
    if (this.#n + k <= this.#buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#n + k));
    this.#buf.copy(next, 0, 0, this.#n);
    this.#buf = next;
  }
  u8(v: number): void {
    this.#room(1);
    this.#buf.writeUInt8(v, this.#n);
    this.#n += 1;
  }
  u16(v: number): void {
    this.#room(2);
    this.#buf.writeUInt16LE(v, this.#n);
    this.#n += 2;
  }
  u24(v: number): void {
    this.#room(3);
    this.#buf.writeUIntLE(v & 0xffffff, this.#n, 3);
    this.#n += 3;
  }
  u32(v: number): void {
    this.#room(4);
    this.#buf.writeUInt32LE(v >>> 0, this.#n);
    this.#n += 4;
  }
  bytes(b: Buffer): void {
    this.#room(b.length);
    b.copy(this.#buf, this.#n);
    this.#n += b.length;
  }
  str(s: string, max: number): void {
    let b = Buffer.from(s, 'utf8');
    if (b.length > max) b = b.subarray(0, max);
    if (max > 255) this.u16(b.length);
    else this.u8(b.length);
    this.bytes(b);
  }
  done(): Buffer {
    return Buffer.from(this.#buf.subarray(0, this.#n));
  }
}

class Reader {
  #pos = 0;
  constructor(private readonly buf: Buffer) {}
  u8(): number {
    const v = this.buf.readUInt8(this.#pos);
    this.#pos += 1;
    return v;
  }
  u16(): number {
    const v = this.buf.readUInt16LE(this.#pos);
    this.#pos += 2;
    return v;
  }
  u24(): number {
    const v = this.buf.readUIntLE(this.#pos, 3);
    this.#pos += 3;
    return v;
  }
  u32(): number {
    const v = this.buf.readUInt32LE(this.#pos);
    this.#pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    const b = this.buf.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return b;
  }
  str(max: number): string {
    const n = max > 255 ? this.u16() : this.u8();
    return this.bytes(n).toString('utf8');
  }
}

/** Pack a story record compactly (a few bytes over its strings, 4 bytes per sketch value). */
export function encodeStoryRecord(r: StoryRecord): Buffer {
  const w = new Writer();
  w.u8(FORMAT);
  const merged = r.mergedFrom.slice(-255);
  w.u8(merged.length);
  for (const id of merged) w.bytes(Buffer.from(id, 'hex'));
  w.u16(Math.min(r.copies.length, 0xffff));
  for (const c of r.copies.slice(0, 0xffff)) {
    w.str(c.articleId, 1024);
    w.str(c.source, 255);
    w.u32(c.publishedAt ?? 0);
    w.u8(MATCHED.indexOf(c.matchedBy));
    w.u8(Math.round(Math.max(0, Math.min(1, c.similarity)) * 250));
    w.u32(c.size);
    w.u8(Math.min(c.sketch.length, 255));
    for (const x of c.sketch.subarray(0, 255)) w.u24(x);
    // 0: no specifics; 1: the default sizes; 2: sized (word counts follow), for long texts
    const fixed = c.numbers.length === NUMBER_WORDS && c.names.length === NAME_WORDS;
    const sized = !fixed && c.numbers.length > 0 && c.names.length > 0;
    w.u8(fixed ? 1 : sized ? 2 : 0);
    if (sized) {
      w.u8(c.numbers.length);
      w.u8(c.names.length);
    }
    if (fixed || sized) for (const x of [...c.numbers, ...c.names]) w.u32(x);
    w.u8(Math.min(c.attribution.length, 255));
    for (const a of c.attribution.slice(0, 255)) w.str(a, 255);
  }
  return w.done();
}

export function decodeStoryRecord(buf: Buffer): StoryRecord {
  const r = new Reader(buf);
  const format = r.u8();
  if (format !== FORMAT) throw new Error(`unknown story record format ${format}`);
  const mergedFrom: string[] = [];
  for (let n = r.u8(); n > 0; n--) mergedFrom.push(r.bytes(8).toString('hex'));
  const copies: StoredCopy[] = [];
  for (let n = r.u16(); n > 0; n--) {
    const articleId = r.str(1024);
    const source = r.str(255);
    const ts = r.u32();
    const matchedBy = MATCHED[r.u8()] ?? 'near';
    const similarity = r.u8() / 250;
    const size = r.u32();
    const sketch = new Uint32Array(r.u8());
    for (let i = 0; i < sketch.length; i++) sketch[i] = r.u24();
    const specifics = r.u8();
    const numberWords = specifics === 2 ? r.u8() : specifics === 1 ? NUMBER_WORDS : 0;
    const nameWords = specifics === 2 ? r.u8() : specifics === 1 ? NAME_WORDS : 0;
    const numbers = new Uint32Array(numberWords);
    const names = new Uint32Array(nameWords);
    for (let i = 0; i < numbers.length; i++) numbers[i] = r.u32();
    for (let i = 0; i < names.length; i++) names[i] = r.u32();
    const attribution: string[] = [];
    for (let k = r.u8(); k > 0; k--) attribution.push(r.str(255));
    copies.push({
      articleId,
      source,
      publishedAt: ts === 0 ? null : ts,
      matchedBy,
      similarity,
      size,
      sketch,
      numbers,
      names,
      attribution,
    });
  }
  return { mergedFrom, copies };
}

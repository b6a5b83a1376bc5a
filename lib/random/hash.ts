/**
 * Counter-based hashing: every random value is a pure function of
 * (seed, stream, key), never of how many values were drawn before it.
 * The mixer is murmur3's fmix32 over an xxhash-style combine, in Math.imul
 * arithmetic so it stays in 32-bit integers.
 */

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine a running hash with one 32-bit word. */
export function mixWord(h: number, w: number): number {
  h = (h + Math.imul(w | 0, 0x9e3779b1)) | 0;
  h = (h << 13) | (h >>> 19);
  return Math.imul(h, 0x85ebca77) ^ 0x27d4eb2f;
}

const TWO32 = 4294967296;

/**
 * Hash of (seed, stream, key) where key is a non-negative integer below 2^53
 * (row indices of 10^8+ tables fit). `stream` names a table or a column family.
 */
export function hashKey(seed: number, stream: number, key: number): number {
  return fmix32(hashPrefix(seed, stream, key));
}

/** Hash of (seed, stream, key, sub): a second counter, e.g. a column or a round. */
export function hashKey2(seed: number, stream: number, key: number, sub: number): number {
  return hashSub(hashPrefix(seed, stream, key), sub);
}

/**
 * The mixed state of (seed, stream, key), before finalisation: hashKey
 * finalises it, and hashSub(hashPrefix(seed, stream, key), sub) ===
 * hashKey2(seed, stream, key, sub) draws many `sub`s of one key.
 */
export function hashPrefix(seed: number, stream: number, key: number): number {
  const lo = key % TWO32;
  const hi = (key - lo) / TWO32;
  let h = mixWord(seed | 0, stream);
  h = mixWord(h, lo);
  return mixWord(h, hi);
}

/** hashKey2 finished from a hashPrefix state. */
export function hashSub(prefix: number, sub: number): number {
  return fmix32(mixWord(prefix, sub));
}

/** A 32-bit id for a name (table, column), so streams are named, not numbered by hand. */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Normalise a user seed (any safe integer or string) to 32 bits. */
export function normaliseSeed(seed: number | string): number {
  if (typeof seed === 'string') return streamId(seed);
  const lo = seed % TWO32;
  const hi = Math.floor(seed / TWO32);
  return fmix32(mixWord(mixWord(0x2545f491, lo >>> 0), hi >>> 0));
}

import { hashKey, hashKey2 } from './hash.js';

/**
 * sfc32, a small fast PRNG (PractRand-clean), re-seeded per row from a
 * counter-based hash. One instance is reused for every row of a source, so
 * drawing allocates nothing.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** Seed from one 32-bit hash; the 12 warm-up rounds decorrelate nearby seeds. */
  reseed(h: number): this {
    this.a = 0x9e3779b9;
    this.b = h | 0;
    this.c = (h ^ 0x6a09e667) | 0;
    this.d = 1;
    for (let i = 0; i < 8; i++) this.next();
    return this;
  }

  /** Position this generator at row `key` of stream `stream` under `seed`. */
  at(seed: number, stream: number, key: number): this {
    return this.reseed(hashKey(seed, stream, key));
  }

  at2(seed: number, stream: number, key: number, sub: number): this {
    return this.reseed(hashKey2(seed, stream, key, sub));
  }

  /** Next uint32. */
  next(): number {
    const a = this.a, b = this.b, c = this.c, d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive), by scaling one uint32 (bias below 2^-20 for ranges under 4096). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((this.next() / 4294967296) * (hi - lo + 1));
  }

  /** Index in [0, n). */
  below(n: number): number {
    return Math.floor((this.next() / 4294967296) * n);
  }

  pick<T>(pool: readonly T[]): T {
    return pool[this.below(pool.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p * 4294967296;
  }
}

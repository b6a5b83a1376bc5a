import { fmix32, mixWord } from './hash.js';
import { invalidOption } from '../errors.js';

/**
 * A keyed bijection of [0, n): a balanced Feistel network on the smallest
 * even bit width covering n, with cycle walking to stay inside [0, n).
 * Unique values (student numbers, emails) and the timetable's student
 * spreading come from it, never from retry sets.
 */
export class Permutation {
  readonly n: number;
  private readonly halfBits: number;
  private readonly mask: number;
  private readonly keys: Int32Array;

  constructor(n: number, key: number, rounds = 4) {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 52) throw invalidOption(`permutation size must be an integer in [1, 2^52] (got ${n})`);
    let bits = 2;
    while (2 ** bits < n) bits += 2;
    this.n = n;
    this.halfBits = bits / 2;
    this.mask = this.halfBits >= 31 ? 0x7fffffff : (1 << this.halfBits) - 1;
    this.keys = new Int32Array(rounds);
    for (let r = 0; r < rounds; r++) this.keys[r] = fmix32(mixWord(key, r + 1));
    if (this.halfBits > 26) throw invalidOption(`permutation size ${n} is above the supported 2^52`);
  }

  private round(x: number, r: number): number {
    return fmix32(mixWord(this.keys[r]!, x)) & this.mask;
  }

  private encryptOnce(x: number): number {
    const span = this.mask + 1;
    let l = Math.floor(x / span);
    let r = x % span;
    for (let i = 0; i < this.keys.length; i++) {
      const t = l ^ this.round(r, i);
      l = r;
      r = t;
    }
    return l * span + r;
  }

  private decryptOnce(x: number): number {
    const span = this.mask + 1;
    let l = Math.floor(x / span);
    let r = x % span;
    for (let i = this.keys.length - 1; i >= 0; i--) {
      const t = r ^ this.round(l, i);
      r = l;
      l = t;
    }
    return l * span + r;
  }

  /** π(x) for x in [0, n). */
  forward(x: number): number {
    let y = this.encryptOnce(x);
    while (y >= this.n) y = this.encryptOnce(y);
    return y;
  }

  /** π⁻¹(y) for y in [0, n). */
  inverse(y: number): number {
    let x = this.decryptOnce(y);
    while (x >= this.n) x = this.decryptOnce(x);
    return x;
  }
}

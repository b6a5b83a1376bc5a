import type { Rng } from './rng.js';
import { invalidOption } from '../errors.js';

/**
 * Walker's alias method: O(1) weighted picks from one uint32 draw after an
 * O(n) build. Used for Zipf-like name frequencies and skewed choices.
 */
export class WeightedPicker<T> {
  readonly values: readonly T[];
  private readonly prob: Uint32Array; // threshold scaled to 2^32
  private readonly alias: Uint32Array;

  constructor(values: readonly T[], weights: readonly number[]) {
    const n = values.length;
    if (n === 0 || weights.length !== n) throw invalidOption(`weighted pick needs as many weights as values (got ${weights.length} for ${n})`);
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw invalidOption(`weights must be finite and >= 0 (got ${w})`);
      total += w;
    }
    if (total <= 0) throw invalidOption('weights must not all be zero');
    this.values = values;
    this.prob = new Uint32Array(n);
    this.alias = new Uint32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = Math.min(4294967295, Math.floor(scaled[s]! * 4294967296));
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) { this.prob[i] = 4294967295; this.alias[i] = i; }
    for (const i of small) { this.prob[i] = 4294967295; this.alias[i] = i; }
  }

  /** Index of the picked value. */
  index(rng: Rng): number {
    const n = this.values.length;
    const i = rng.below(n);
    return rng.next() < this.prob[i]! ? i : this.alias[i]!;
  }

  pick(rng: Rng): T {
    return this.values[this.index(rng)]!;
  }
}

/** Zipf weights 1/rank^s for ranks 1..n. */
export function zipfWeights(n: number, s: number): number[] {
  const w = new Array<number>(n);
  for (let i = 0; i < n; i++) w[i] = 1 / Math.pow(i + 1, s);
  return w;
}

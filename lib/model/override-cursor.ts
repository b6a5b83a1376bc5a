import type { RowOverrideSource, RowOverrides } from './schema.js';

/** The first position in ascending `keys` whose key is not below i (keys.length when none). */
export function lowerBound(keys: Float64Array, i: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each row a writer or stage visits is among a sorted list of changed
 * rows. Rows mostly come in order, so an unchanged row costs two comparisons
 * (nearly every row: a conflict plan changes about one in a hundred); a jump
 * (another chunk, or a row again) binary-searches. O(changes) memory, no Map.
 */
export class SortedCursor {
  private readonly keys: Float64Array;
  /** Position of the first key above the last row visited, and that key (Infinity: none). */
  private pos = 0;
  private next: number;
  private last = -2;

  constructor(keys: Float64Array) {
    this.keys = keys;
    this.next = keys.length > 0 ? keys[0]! : Infinity;
  }

  /** Position of row i among the keys, or -1. */
  find(i: number): number {
    if (i !== this.last + 1) {
      this.pos = lowerBound(this.keys, i);
      this.next = this.pos < this.keys.length ? this.keys[this.pos]! : Infinity;
    }
    this.last = i;
    if (i !== this.next) return -1;
    const k = this.pos++;
    this.next = this.pos < this.keys.length ? this.keys[this.pos]! : Infinity;
    return k;
  }

  hit(i: number): boolean {
    return this.find(i) >= 0;
  }
}

/** The overrides of each row a writer visits, from a RowOverrideSource (see SortedCursor). */
export class OverrideCursor {
  private readonly cursor: SortedCursor;
  private readonly source: RowOverrideSource | undefined;

  constructor(source: RowOverrideSource | undefined) {
    this.source = source;
    this.cursor = new SortedCursor(source?.rows ?? new Float64Array(0));
  }

  /** Overrides of row i, or undefined. */
  of(i: number): RowOverrides | undefined {
    const k = this.cursor.find(i);
    return k < 0 ? undefined : this.source!.at(k);
  }
}

import type { SortedChanges } from './plan.js';

/**
 * Values for a sparse set of row indices (the sections, enrollments or
 * students a conflict plan changes), in typed arrays: an open-addressing
 * hash from row index to slot, and one column of numbers per field (NaN:
 * not set). The plan builder asks it hundreds of thousands of questions;
 * a Map of objects made every change a live object for the scavenger to copy.
 */
export class SparseRows {
  readonly width: number;
  private table: Int32Array; // slot + 1 per hash bucket, 0: empty
  private keys: Float64Array;
  private readonly columns: Float64Array[];
  private n = 0;

  constructor(width: number, capacity = 1024) {
    this.width = width;
    this.table = new Int32Array(2 * capacity);
    this.keys = new Float64Array(capacity);
    this.columns = [];
    for (let c = 0; c < width; c++) this.columns.push(new Float64Array(capacity).fill(NaN));
  }

  get size(): number {
    return this.n;
  }

  private bucket(key: number): number {
    const h = Math.imul((key >>> 0) ^ ((key / 4294967296) | 0), 0x9e3779b1);
    return (h ^ (h >>> 15)) & (this.table.length - 1);
  }

  /** Slot of row `key`, or -1. */
  find(key: number): number {
    const t = this.table;
    const mask = t.length - 1;
    for (let b = this.bucket(key); ; b = (b + 1) & mask) {
      const s = t[b]!;
      if (s === 0) return -1;
      if (this.keys[s - 1] === key) return s - 1;
    }
  }

  has(key: number): boolean {
    return this.find(key) >= 0;
  }

  /** Slot of row `key`, added (every column NaN) when missing. */
  slot(key: number): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if (this.n === this.keys.length) this.grow();
    const s = this.n++;
    this.keys[s] = key;
    this.place(key, s);
    return s;
  }

  /** Column c of row `key`: NaN when the row or the value is not set. */
  get(key: number, c: number): number {
    const s = this.find(key);
    return s < 0 ? NaN : this.columns[c]![s]!;
  }

  set(key: number, c: number, v: number): void {
    const s = this.slot(key); // first: adding may grow the columns
    this.columns[c]![s] = v;
  }

  /** Column c at a slot (from find or slot). */
  at(s: number, c: number): number {
    return this.columns[c]![s]!;
  }

  put(s: number, c: number, v: number): void {
    this.columns[c]![s] = v;
  }

  /** The rows in ascending order, each column alike. */
  sorted(): SortedChanges {
    const keys = this.keys.slice(0, this.n).sort();
    const columns = this.columns.map(() => new Float64Array(this.n));
    for (let k = 0; k < keys.length; k++) {
      const s = this.find(keys[k]!);
      for (let c = 0; c < columns.length; c++) columns[c]![k] = this.columns[c]![s]!;
    }
    return { keys, columns };
  }

  private place(key: number, s: number): void {
    const t = this.table;
    const mask = t.length - 1;
    let b = this.bucket(key);
    while (t[b] !== 0) b = (b + 1) & mask;
    t[b] = s + 1;
  }

  private grow(): void {
    const cap = 2 * this.keys.length;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    this.keys = keys;
    // The same columns array, its elements replaced: a new array (map) would change the map every
    // optimised reader of a column checks, and deoptimise them all.
    const columns = this.columns;
    for (let c = 0; c < columns.length; c++) {
      const col = new Float64Array(cap).fill(NaN);
      col.set(columns[c]!);
      columns[c] = col;
    }
    this.table = new Int32Array(2 * cap);
    for (let s = 0; s < this.n; s++) this.place(this.keys[s]!, s);
  }
}

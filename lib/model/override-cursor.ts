import type { RowOverrideSource, RowOverrides } from './schema.js';

/**
 * The overrides of each row a writer visits, from a RowOverrideSource. Rows
 * mostly come in order, so an unchanged row costs two comparisons and no
 * call (nearly every row: a conflict plan changes about one in a hundred);
 * a jump (another chunk, or retried rows) binary-searches.
 */
export class OverrideCursor {
  private readonly rows: Float64Array;
  private readonly source: RowOverrideSource | undefined;
  /** Position in rows of the next changed row at or after last + 1, and that row (Infinity: none). */
  private pos = 0;
  private next: number;
  private last = -2;

  constructor(source: RowOverrideSource | undefined) {
    this.source = source;
    this.rows = source?.rows ?? new Float64Array(0);
    this.next = this.rows.length > 0 ? this.rows[0]! : Infinity;
  }

  /** Overrides of row i, or undefined. */
  of(i: number): RowOverrides | undefined {
    if (i !== this.last + 1) this.seek(i);
    this.last = i;
    if (i !== this.next) return undefined;
    const k = this.pos++;
    this.next = this.pos < this.rows.length ? this.rows[this.pos]! : Infinity;
    return this.source!.at(k);
  }

  private seek(i: number): void {
    const rows = this.rows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    this.pos = lo;
    this.next = lo < rows.length ? rows[lo]! : Infinity;
  }
}

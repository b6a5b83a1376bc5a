import type { ColumnSpec } from '../model/schema.js';

/** Strings of every value of a bounded decimal column, with the numbers they stand for. */
export type DecimalStrings = readonly string[] & { readonly num: Float64Array };

const MAX_ENTRIES = 100_001;
const cache = new Map<string, DecimalStrings | null>();

/**
 * For a float column with `min`, `max` and `scale` (decimal places) spanning
 * at most 100,001 values: the JSON text of each value, index
 * `round((x - min) * 10^scale)`. Number-to-string of doubles is among the
 * slowest steps of serialising a row; this turns it into a lookup.
 */
export function decimalStrings(col: ColumnSpec): DecimalStrings | null {
  if (col.scale === undefined || col.min === undefined || col.max === undefined) return null;
  const key = `${col.min}:${col.max}:${col.scale}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const f = 10 ** col.scale;
  const n = Math.round((col.max - col.min) * f) + 1;
  let result: DecimalStrings | null = null;
  if (Number.isInteger(col.scale) && col.scale >= 0 && n > 0 && n <= MAX_ENTRIES) {
    const num = new Float64Array(n);
    const strs: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = Math.round((col.min * f + i)) / f;
      num[i] = v;
      strs[i] = String(v);
    }
    result = Object.assign(strs, { num });
  }
  cache.set(key, result);
  return result;
}

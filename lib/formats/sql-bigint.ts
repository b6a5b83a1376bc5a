import type { ColumnSpec } from '../model/schema.js';

const INT32_MAX = 2 ** 31 - 1;

/**
 * Whether an int column needs a 64-bit SQL type in every dialect: ids and
 * foreign keys (10^8+ rows), and any bound outside the 32-bit range.
 */
export function needsBigint(col: ColumnSpec): boolean {
  return col.name === 'id' || Boolean(col.references) || (col.max ?? 0) > INT32_MAX || (col.min ?? 0) < -INT32_MAX;
}

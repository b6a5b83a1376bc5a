import type { ColumnSpec, TableSpec } from '../model/schema.js';

/** A problem found in one row: its class (for counting) and what is wrong. */
export interface RowProblem {
  kind: 'primary key' | 'foreign key' | 'column value';
  message: string;
}

function typeProblem(col: ColumnSpec, v: unknown): string | null {
  switch (col.type) {
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v) ? null : 'not an integer';
    case 'float':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'not a number';
    case 'bool':
      return typeof v === 'boolean' ? null : 'not a boolean';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'not a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : 'not a date-time';
    default:
      return typeof v === 'string' ? null : 'not a string';
  }
}

/**
 * Compiles the checks of one table's rows, in bounded memory: ids are dense
 * (row n has id n, so uniqueness is "the next id"), a foreign key is a range
 * check against the referenced table's row count, and each value is checked
 * against its column's type, nullability, enum and bounds.
 * `rowsOf(table)` gives a referenced table's rows, or undefined when the
 * output does not hold it (that key is then not checked).
 */
export function compileRowChecks(spec: TableSpec, rowsOf: (table: string) => number | undefined): (values: readonly unknown[], rowIndex: number) => RowProblem | null {
  const cols = spec.columns;
  const idAt = cols.findIndex((c) => c.name === 'id');
  const refs = cols.map((c) => (c.references ? rowsOf(c.references) : undefined));
  const enums = cols.map((c) => (c.enum ? new Set(c.enum) : null));
  return (values, rowIndex) => {
    if (idAt >= 0 && values[idAt] !== rowIndex + 1) {
      return { kind: 'primary key', message: `id ${JSON.stringify(values[idAt])} where ${rowIndex + 1} was expected (ids are 1..N in order: a row is missing, repeated or changed)` };
    }
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]!;
      const v = values[i];
      if (v === null) {
        if (!col.nullable) return { kind: 'column value', message: `${col.name} is null (NOT NULL)` };
        continue;
      }
      const bad = typeProblem(col, v);
      if (bad) return { kind: 'column value', message: `${col.name} ${JSON.stringify(v)}: ${bad}` };
      const e = enums[i];
      if (e && !e.has(v as string)) return { kind: 'column value', message: `${col.name} ${JSON.stringify(v)} is not one of ${[...e].join(', ')}` };
      if (col.min !== undefined && (v as number) < col.min) return { kind: 'column value', message: `${col.name} ${String(v)} is below ${col.min}` };
      if (col.max !== undefined && (v as number) > col.max) return { kind: 'column value', message: `${col.name} ${String(v)} is above ${col.max}` };
      const n = refs[i];
      if (n !== undefined && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= n))
        return { kind: 'foreign key', message: `${col.name} ${String(v)} does not reference a row of ${col.references} (ids 1..${n})` };
    }
    return null;
  };
}

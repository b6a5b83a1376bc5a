import type { Row, TableSpec } from '../model/schema.js';
import type { BlockFormat } from './block-format.js';
import { sqlDialect, sqlValue, type SqlDialect } from './sql-dialect.js';
import { invalidOption } from '../errors.js';

export { sqlDialect, sqlValue, registerSqlDialect, postgresDialect, type SqlDialect } from './sql-dialect.js';

/** Most rows in one INSERT statement. */
export const SQL_ROWS_PER_INSERT = 1000;

export interface SqlOptions {
  /** Default postgres. */
  dialect?: string | SqlDialect;
  /** Rows per INSERT, 1..1000. Default 1000. */
  rowsPerInsert?: number;
}

/** `INSERT INTO "t" ("a", "b") VALUES\n`: the start of every statement of a table. */
export function sqlInsertPrefix(spec: TableSpec, dialect: string | SqlDialect = 'postgres'): string {
  const d = sqlDialect(dialect);
  return `INSERT INTO ${d.ident(spec.name)} (${spec.columns.map((c) => d.ident(c.name)).join(', ')}) VALUES\n`;
}

/** A row as a parenthesised tuple of literals, columns in spec order: `(1,'O''Brien',NULL)`. */
export function compileSqlTuple(spec: TableSpec, dialect: string | SqlDialect = 'postgres'): (row: Row) => string {
  const d = sqlDialect(dialect);
  const names = spec.columns.map((c) => c.name);
  const n = names.length;
  const toDatetime = d.datetime;
  if (toDatetime && spec.columns.some((c) => c.type === 'datetime')) {
    // Chosen once: only a dialect that rewrites datetimes pays for the check.
    const isDatetime = spec.columns.map((c) => c.type === 'datetime');
    return (row) => {
      let s = '(';
      for (let i = 0; i < n; i++) {
        const v = row[names[i]!];
        s += (i === 0 ? '' : ',') + sqlValue(isDatetime[i] && typeof v === 'string' ? toDatetime(v) : v, d);
      }
      return s + ')';
    };
  }
  return (row) => {
    let s = '(' + sqlValue(row[names[0]!], d);
    for (let i = 1; i < n; i++) s += ',' + sqlValue(row[names[i]!], d);
    return s + ')';
  };
}

/**
 * SQL data parts: multi-row INSERT statements of at most `rowsPerInsert`
 * rows; a statement never spans two blocks, so every part is a whole script.
 * Load schema.sql first, then the tables in dependency order.
 */
export function sqlBlockFormat(spec: TableSpec, options: SqlOptions = {}): BlockFormat {
  const per = options.rowsPerInsert ?? SQL_ROWS_PER_INSERT;
  if (!Number.isInteger(per) || per < 1 || per > SQL_ROWS_PER_INSERT) throw invalidOption(`rows per INSERT must be from 1 to ${SQL_ROWS_PER_INSERT} (got ${per})`);
  const prefix = sqlInsertPrefix(spec, options.dialect);
  const tuple = compileSqlTuple(spec, options.dialect);
  return {
    name: 'sql',
    ext: 'sql',
    partHeader: sqlDialect(options.dialect).partHeader ?? '',
    partFooter: '',
    blockSeparator: '',
    blockEnd: ';\n',
    row: (r, i) => (i % per !== 0 ? ',\n' : i === 0 ? prefix : ';\n' + prefix) + tuple(r),
  };
}

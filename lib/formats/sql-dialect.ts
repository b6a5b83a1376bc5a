import type { ColumnSpec } from '../model/schema.js';
import { MegagenError, invalidOption } from '../errors.js';
import { needsBigint } from './sql-bigint.js';
import { mysqlDialect } from './sql-dialect-mysql.js';

/**
 * What differs between SQL databases in the text megagen writes: quoting of
 * identifiers and strings, booleans and column types. `sql.ts` (INSERT data)
 * and `sql-schema.ts` (DDL) take a dialect; add one with `registerSqlDialect`.
 */
export interface SqlDialect {
  readonly name: string;
  /** A quoted identifier (table or column name). */
  ident(name: string): string;
  /** A string literal. */
  string(s: string): string;
  bool(b: boolean): string;
  /** The column's SQL type. */
  columnType(col: ColumnSpec): string;
  /** A datetime column's ISO text as the database reads it (default: as is). */
  datetime?(iso: string): string;
  /** After CREATE TABLE's closing parenthesis (e.g. MySQL's ENGINE and CHARSET). */
  tableOptions?: string;
  /** Written at the start of every data part (e.g. MySQL's SET NAMES). */
  partHeader?: string;
}

/**
 * PostgreSQL (9.1+ with standard_conforming_strings on, the default). A
 * string with a backslash is written as an E'' literal with the backslash
 * doubled, which reads the same whatever that setting is.
 */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  ident: (name) => '"' + name.replace(/"/g, '""') + '"',
  string(s) {
    if (s.includes('\u0000')) throw new MegagenError('ERR_OUTPUT', `PostgreSQL text cannot hold a NUL character (in ${JSON.stringify(s.slice(0, 40))})`);
    const q = s.replace(/'/g, "''");
    return s.includes('\\') ? "E'" + q.replace(/\\/g, '\\\\') + "'" : "'" + q + "'";
  },
  bool: (b) => (b ? 'TRUE' : 'FALSE'),
  columnType(col) {
    switch (col.type) {
      case 'int':
        return needsBigint(col) ? 'bigint' : 'integer';
      case 'float':
        return 'double precision';
      case 'date':
        return 'date';
      case 'datetime':
        return 'timestamptz';
      case 'bool':
        return 'boolean';
      default:
        return 'text';
    }
  },
};

const dialects = new Map<string, SqlDialect>([
  ['postgres', postgresDialect],
  ['mysql', mysqlDialect],
]);

/** The SQL dialects megagen writes: `--sql-dialect`. */
export const SQL_DIALECTS = ['postgres', 'mysql'] as const;

/** Adds (or replaces) a dialect by name, e.g. `mysql`. */
export function registerSqlDialect(d: SqlDialect): void {
  dialects.set(d.name, d);
}

export function sqlDialect(name: string | SqlDialect = 'postgres'): SqlDialect {
  if (typeof name !== 'string') return name;
  const d = dialects.get(name);
  if (!d) throw invalidOption(`unknown SQL dialect "${name}" (choose from: ${[...dialects.keys()].join(', ')})`);
  return d;
}

/** A value as an SQL literal of its column. */
export function sqlValue(v: unknown, d: SqlDialect): string {
  if (v === null || v === undefined) return 'NULL';
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? String(v) : d.string(String(v));
    case 'bigint':
      return v.toString();
    case 'boolean':
      return d.bool(v);
    case 'string':
      return d.string(v);
    default:
      return d.string(JSON.stringify(v));
  }
}

import type { ColumnSpec, TableSpec } from '../model/schema.js';
import { sqlDialect, sqlValue, type SqlDialect } from './sql-dialect.js';

export interface SchemaSqlOptions {
  /** Default postgres. */
  dialect?: string | SqlDialect;
  /** Emit FOREIGN KEY constraints (to tables in `specs` only). Default true. */
  foreignKeys?: boolean;
}

/** The column that is the primary key: `id` (ids are dense, 1..N). */
export function primaryKeyOf(spec: TableSpec): ColumnSpec | undefined {
  return spec.columns.find((c) => c.name === 'id');
}

/** CHECK expressions of a column from its enum, min and max. */
export function columnChecks(col: ColumnSpec, d: SqlDialect): string[] {
  const id = d.ident(col.name);
  const out: string[] = [];
  if (col.enum && col.enum.length > 0) out.push(`${id} IN (${col.enum.map((v) => sqlValue(v, d)).join(', ')})`);
  if (col.min !== undefined && col.max !== undefined) out.push(`${id} BETWEEN ${col.min} AND ${col.max}`);
  else if (col.min !== undefined) out.push(`${id} >= ${col.min}`);
  else if (col.max !== undefined) out.push(`${id} <= ${col.max}`);
  return out;
}

/** One CREATE TABLE statement. References to tables outside `present` become comments. */
export function createTableSql(spec: TableSpec, present: ReadonlySet<string>, options: SchemaSqlOptions = {}): string {
  const d = sqlDialect(options.dialect);
  const t = spec.name;
  const lines: string[] = [];
  const notes: string[] = [];
  for (const col of spec.columns) lines.push(`  ${d.ident(col.name)} ${d.columnType(col)}${col.nullable ? '' : ' NOT NULL'}`);
  const pk = primaryKeyOf(spec);
  if (pk) lines.push(`  CONSTRAINT ${d.ident(`${t}_pkey`)} PRIMARY KEY (${d.ident(pk.name)})`);
  for (const col of spec.columns) {
    if (col.unique && col !== pk) lines.push(`  CONSTRAINT ${d.ident(`${t}_${col.name}_key`)} UNIQUE (${d.ident(col.name)})`);
  }
  for (const col of spec.columns) {
    if (!col.references || options.foreignKeys === false) continue;
    if (!present.has(col.references)) {
      notes.push(`-- ${t}.${col.name} references ${col.references}, which this output does not hold: no FOREIGN KEY`);
      continue;
    }
    lines.push(`  CONSTRAINT ${d.ident(`${t}_${col.name}_fkey`)} FOREIGN KEY (${d.ident(col.name)}) REFERENCES ${d.ident(col.references)} (${d.ident('id')})`);
  }
  for (const col of spec.columns) {
    columnChecks(col, d).forEach((expr, i) => lines.push(`  CONSTRAINT ${d.ident(`${t}_${col.name}_check${i === 0 ? '' : i + 1}`)} CHECK (${expr})`));
  }
  (spec.checks ?? []).forEach((expr, i) => lines.push(`  CONSTRAINT ${d.ident(`${t}_check${i + 1}`)} CHECK (${expr})`));
  const tail = d.tableOptions ? `) ${d.tableOptions};` : ');';
  return `${notes.map((n) => n + '\n').join('')}CREATE TABLE ${d.ident(t)} (\n${lines.join(',\n')}\n${tail}\n`;
}

/**
 * schema.sql: CREATE TABLE for each spec, in the order given (give them in
 * dependency order: every table after the tables it references), with
 * primary keys, UNIQUE, NOT NULL, foreign keys and CHECK constraints.
 */
export function schemaSql(specs: readonly TableSpec[], options: SchemaSqlOptions = {}): string {
  const d = sqlDialect(options.dialect);
  const present = new Set(specs.map((s) => s.name));
  const head = `-- megagen schema (${d.name}): create these tables, then load each table's data parts in this order:\n-- ${specs.map((s) => s.name).join(', ')}\n\n`;
  return head + specs.map((s) => createTableSql(s, present, options)).join('\n');
}

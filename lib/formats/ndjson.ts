import type { Transform } from 'node:stream';
import { blockStage } from './line-stage.js';
import { compileNdjsonBytes } from './ndjson-bytes.js';
import type { ColumnSpec, Row, TableSpec } from '../model/schema.js';
import { anyJson, jsonString } from './json-string.js';
import { decimalStrings } from './decimal-strings.js';

export interface NdjsonOptions {
  /** Start each line with `"_table":"<name>"` (several tables on one stream). */
  tableField?: boolean;
  /**
   * The rows come straight from megagen's own generators and stages, so
   * columns marked `jsonSafe` need no escape check. Leave false (the
   * default) when any user code may have touched the rows.
   */
  trusted?: boolean;
}


function valueExpr(col: ColumnSpec, v: string, i: number, trusted: boolean, tables: (readonly string[] | null)[]): string {
  const expr = columnExpr(col, v, i, trusted, tables);
  return col.nullable ? `(${v} === null ? 'null' : ${expr})` : expr;
}

function columnExpr(col: ColumnSpec, v: string, i: number, trusted: boolean, tables: (readonly string[] | null)[]): string {
  switch (col.type) {
    case 'int':
      return `(typeof (x = ${v}) === 'number' && Number.isFinite(x) ? '' + x : anyJson(x))`;
    case 'float': {
      const table = decimalStrings(col);
      tables[i] = table;
      if (!table) return `(typeof (x = ${v}) === 'number' && Number.isFinite(x) ? '' + x : anyJson(x))`;
      // Float to string is slow in V8; a bounded column with few decimals is a table lookup.
      return `(typeof (x = ${v}) === 'number' && (k = Math.round((x - ${col.min}) * ${10 ** col.scale!})) >= 0 && k < t${i}.length && t${i}.num[k] === x ? t${i}[k] : typeof x === 'number' && Number.isFinite(x) ? '' + x : anyJson(x))`;
    }
    case 'bool':
      return `((x = ${v}) === true ? 'true' : x === false ? 'false' : anyJson(x))`;
    default:
      if (trusted && col.jsonSafe) return `(typeof (x = ${v}) === 'string' ? '"' + x + '"' : anyJson(x))`;
      return `(typeof (x = ${v}) === 'string' ? jsonString(x) : anyJson(x))`;
  }
}

/**
 * Compiles a table's NDJSON line writer: one specialised function per table,
 * with the key fragments (`{"id":`, `,"name":`) baked in as constants, as
 * pino does for its level prefixes. Typed columns take a fast path; a value of
 * the wrong type still serialises correctly through JSON.stringify.
 */
export function compileNdjson(spec: TableSpec, options: NdjsonOptions = {}): (row: Row) => string {
  const parts: string[] = [];
  const tables: (readonly string[] | null)[] = [];
  spec.columns.forEach((col, i) => {
    const key = JSON.stringify(col.name);
    const prefix = i === 0 ? (options.tableField ? `{"_table":${JSON.stringify(spec.name)},` : '{') : ',';
    parts.push(`${JSON.stringify(`${prefix}${key}:`)} + ${valueExpr(col, `row[${key}]`, i, options.trusted === true, tables)}`);
  });
  const names = tables.map((_, i) => `t${i}`);
  const body = `let x, k; return ${parts.join(' + ')} + '}\\n';`;
  return new Function('jsonString', 'anyJson', ...names, `return function ndjsonLine(row) { ${body} }`)(jsonString, anyJson, ...tables) as (
    row: Row,
  ) => string;
}

/**
 * Batches of rows in, NDJSON bytes out (in blocks of about 1 MB), written
 * straight into the blocks by compileNdjsonBytes: no line strings.
 */
export function ndjsonStage(spec: TableSpec, options: NdjsonOptions = {}): Transform {
  const write = compileNdjsonBytes(spec, options);
  return blockStage((rows, writer) => {
    for (let i = 0; i < rows.length; i++) writer.writeRow(write, rows[i]!);
  });
}

import type { Transform } from 'node:stream';
import type { ColumnType, Row, TableSpec } from '../model/schema.js';
import type { Batch } from '../sources/batch.js';
import { lineStage } from './line-stage.js';

/**
 * PostgreSQL COPY text format (the default of `COPY … FROM STDIN`): columns
 * separated by a tab, rows ended by a newline, NULL written `\N`, and in
 * values a backslash, tab, newline, carriage return and the other C0 escapes
 * written as backslash sequences. Everything else, UTF-8 included, passes
 * through byte for byte (the connection's client_encoding must be UTF8).
 */

// Characters that must be escaped in a COPY text value.
const NEEDS_ESCAPE = /[\\\t\n\r\b\f\v]/;
const ESCAPE_ALL = /[\\\t\n\r\b\f\v]/g;
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

/** One value as COPY text: the common case is the string itself. */
export function copyEscape(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : s;
}

/** COPY's NULL marker in text format. */
export const COPY_NULL = '\\N';

/** Any value, of any type, as COPY text (the slow path of a compiled line). */
export function copyValue(v: unknown, type: ColumnType): string {
  if (v === null || v === undefined) return COPY_NULL;
  switch (typeof v) {
    case 'string':
      return copyEscape(v);
    case 'number':
      return Number.isFinite(v) ? '' + v : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 't' : 'f';
    default:
      if (v instanceof Date) return type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
      return copyEscape(JSON.stringify(v) ?? '');
  }
}

/**
 * Compiles a table's COPY text line writer (column order = spec order), one
 * specialised function per table as compileNdjson does. Typed columns take a
 * fast path; anything else goes through copyValue.
 */
export function compileCopyText(spec: TableSpec): (row: Row) => string {
  const parts: string[] = [];
  const types: ColumnType[] = [];
  spec.columns.forEach((col, i) => {
    const v = `row[${JSON.stringify(col.name)}]`;
    types.push(col.type);
    const slow = `copyValue(x, types[${i}])`;
    let expr: string;
    switch (col.type) {
      case 'int':
      case 'float':
        expr = `(typeof (x = ${v}) === 'number' && Number.isFinite(x) ? '' + x : ${slow})`;
        break;
      case 'bool':
        expr = `((x = ${v}) === true ? 't' : x === false ? 'f' : ${slow})`;
        break;
      default:
        expr = `(typeof (x = ${v}) === 'string' ? copyEscape(x) : ${slow})`;
    }
    parts.push(i === 0 ? expr : `'\\t' + ${expr}`);
  });
  const body = `let x; return ${parts.join(' + ')} + '\\n';`;
  return new Function('copyEscape', 'copyValue', 'types', `return function copyLine(row) { ${body} }`)(copyEscape, copyValue, types) as (
    row: Row,
  ) => string;
}

/** Batches of rows in, COPY text bytes out (in blocks of about 1 MB). */
export function copyTextStage(spec: TableSpec): Transform {
  return lineStage(compileCopyText(spec));
}

/** Parses one COPY text line back into values (null for `\N`): the inverse of a compiled line, for tests and tools. */
export function parseCopyLine(line: string): (string | null)[] {
  return line.split('\t').map((f) => {
    if (f === COPY_NULL) return null;
    return f.replace(/\\(.)/g, (_m, c: string) => {
      switch (c) {
        case 't':
          return '\t';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        default:
          return c;
      }
    });
  });
}

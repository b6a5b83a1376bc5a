import type { ColumnSpec, Row, TableSpec } from '../model/schema.js';
import type { NdjsonOptions } from './ndjson.js';
import { anyJson, needsEscape } from './json-string.js';
import { decimalStrings } from './decimal-strings.js';
import { wordStoreCode, writeAscii, writeUint } from './byte-encode.js';

/**
 * Writes one row's NDJSON line as UTF-8 into `buf` at `off` and returns the
 * offset after it, or -1 when the line might not fit (nothing after `off`
 * is meaningful then: retry the row into a bigger buffer). The caller
 * guarantees `buf.length - off >= reserve` before each call.
 */
export interface NdjsonBytesWriter {
  (row: Row, buf: Buffer, off: number): number;
  /** Bytes of a line not counting its variable-length strings: the free space to keep before each call. */
  readonly reserve: number;
}

/**
 * Unrolled stores of a constant's UTF-8 bytes, four at a time through a
 * DataView (`v`, over the same memory as `b`), then the offset moved past them.
 */
function constStores(text: string): { code: string; bytes: number } {
  const b = Buffer.from(text, 'utf8');
  return { code: `${wordStoreCode(b, true)}o += ${b.length};`, bytes: b.length };
}

/** A variable-length string s written as is: checked against the space left first. */
const FIT_AND_WRITE = 'if (o + 3 * s.length > lim) return -1; o = writeAscii(b, o, s);';
/** Any value through JSON.stringify (wrong types, non-finite numbers): the slow, always correct path. */
const ANY = `s = anyJson(x); ${FIT_AND_WRITE}`;
/** Unsigned 32-bit integers as digits, written straight into the buffer (10 bytes at most). */
const UINT_MAX_BYTES = 10;

/** Quotes around a string that needs no escape; JSON.stringify for anything else. */
function stringCode(col: ColumnSpec, trusted: boolean): string {
  const plain = trusted && col.jsonSafe ? `typeof x === 'string'` : `typeof x === 'string' && !needsEscape(x)`;
  return `if (${plain}) { if (o + 3 * x.length > lim) return -1; b[o++] = 34; o = writeAscii(b, o, x); b[o++] = 34; } else { ${ANY} }`;
}

function columnCode(col: ColumnSpec, i: number, trusted: boolean, tables: unknown[]): { code: string; bytes: number } {
  const NULL = constStores('null');
  let code: string;
  let bytes: number;
  switch (col.type) {
    case 'int':
    case 'float': {
      const table = col.type === 'float' ? decimalStrings(col) : null;
      tables[i] = table;
      bytes = UINT_MAX_BYTES;
      const number = `if (typeof x === 'number' && Number.isFinite(x)) { s = '' + x; ${FIT_AND_WRITE} } else { ${ANY} }`;
      code = `if (typeof x === 'number' && x === x >>> 0) o = writeUint(b, o, x); else `;
      // A bounded decimal column: a table lookup instead of a double-to-string conversion.
      if (table) {
        code += `if (typeof x === 'number' && (k = Math.round((x - ${col.min}) * ${10 ** col.scale!})) >= 0 && k < t${i}.length && t${i}.num[k] === x) { s = t${i}[k]; ${FIT_AND_WRITE} } else `;
      }
      code += `{ ${number} }`;
      break;
    }
    case 'bool': {
      const t = constStores('true');
      const f = constStores('false');
      bytes = f.bytes;
      code = `if (x === true) { ${t.code} } else if (x === false) { ${f.code} } else { ${ANY} }`;
      break;
    }
    default: {
      bytes = 2;
      // An enum of a few JSON-safe values: compared by identity first, written as constants.
      const values = col.enum;
      if (values && values.length <= 8 && values.every((e) => !needsEscape(e))) {
        let chain = '';
        for (const e of values) {
          const c = constStores(JSON.stringify(e));
          chain += `if (x === ${JSON.stringify(e)}) { ${c.code} } else `;
          bytes = Math.max(bytes, c.bytes);
        }
        code = `${chain}{ ${stringCode(col, trusted)} }`;
        break;
      }
      code = stringCode(col, trusted);
    }
  }
  if (col.nullable) {
    code = `if (x === null) { ${NULL.code} } else { ${code} }`;
    bytes = Math.max(bytes, NULL.bytes);
  }
  return { code, bytes };
}

/**
 * Compiles a table's NDJSON writer that puts bytes straight into a Buffer:
 * the same text as compileNdjson's line (tests hold them equal for every
 * table and for hostile values) without building a string per line. Key
 * fragments are unrolled constant stores, unsigned integers are written digit
 * by digit, ASCII strings char by char; only non-ASCII strings go through
 * Buffer#write. For tables of short integer columns (enrollments) this is
 * about 1.5 times the speed of building the line string and copying it.
 */
export function compileNdjsonBytes(spec: TableSpec, options: NdjsonOptions = {}): NdjsonBytesWriter {
  const tables: unknown[] = [];
  let body = '';
  let reserve = 0;
  spec.columns.forEach((col, i) => {
    const prefix = i === 0 ? (options.tableField ? `{"_table":${JSON.stringify(spec.name)},` : '{') : ',';
    const key = constStores(`${prefix}${JSON.stringify(col.name)}:`);
    const value = columnCode(col, i, options.trusted === true, tables);
    body += `${key.code}\nx = row[${JSON.stringify(col.name)}];\n${value.code}\n`;
    reserve += key.bytes + value.bytes;
  });
  const end = constStores('}\n');
  reserve += end.bytes;
  const names = tables.map((_, i) => `t${i}`);
  const source = `let lastB = null, lastV = null;
return function ndjsonBytes(row, b, o) {
let x, s, k; const lim = b.length - ${reserve};
if (b !== lastB) { lastB = b; lastV = new DataView(b.buffer, b.byteOffset, b.length); }
const v = lastV;
${body}${end.code}
return o; }`;
  const write = new Function('anyJson', 'needsEscape', 'writeAscii', 'writeUint', ...names, source)(
    anyJson,
    needsEscape,
    writeAscii,
    writeUint,
    ...tables,
  ) as (row: Row, buf: Buffer, off: number) => number;
  return Object.assign(write, { reserve });
}

const QUOTED_TYPES = new Set(['string', 'date', 'datetime']);

/**
 * The constant bytes between a line's values, for writers that put a row's
 * values into a Buffer themselves (TableModel.createNdjsonWriter): glue[0]
 * opens the line up to the first value, glue[i] goes between values i-1 and
 * i, glue[n] closes the line. String-typed columns' quotes are part of the
 * glue, so a writer puts only the string's (JSON-safe) contents.
 */
export function ndjsonGlue(spec: TableSpec, options: NdjsonOptions = {}): Uint8Array[] {
  const quoted = spec.columns.map((c) => QUOTED_TYPES.has(c.type));
  const glue: Uint8Array[] = [];
  spec.columns.forEach((col, i) => {
    const close = i > 0 && quoted[i - 1] ? '"' : '';
    const prefix = i === 0 ? (options.tableField ? `{"_table":${JSON.stringify(spec.name)},` : '{') : ',';
    glue.push(Buffer.from(`${close}${prefix}${JSON.stringify(col.name)}:${quoted[i] ? '"' : ''}`, 'utf8'));
  });
  glue.push(Buffer.from(`${quoted.at(-1) ? '"' : ''}}\n`, 'utf8'));
  return glue;
}

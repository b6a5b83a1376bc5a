import type { Row, TableSpec } from '../model/schema.js';
import type { BlockFormat } from './block-format.js';

// RFC 4180: a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field. null/undefined is an empty field; an empty string is `""` so the two stay apart. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (s.length === 0) return '""';
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The CSV line of a row, columns in spec order, ended by CRLF (RFC 4180). */
export function compileCsv(spec: TableSpec): (row: Row) => string {
  const names = spec.columns.map((c) => c.name);
  const n = names.length;
  return (row) => {
    let s = csvField(row[names[0]!]);
    for (let i = 1; i < n; i++) s += ',' + csvField(row[names[i]!]);
    return s + '\r\n';
  };
}

/** The header line: column names. */
export function csvHeader(spec: TableSpec): string {
  return spec.columns.map((c) => csvField(c.name)).join(',') + '\r\n';
}

/** CSV in files: RFC 4180 with a header row in every part. */
export function csvBlockFormat(spec: TableSpec): BlockFormat {
  const line = compileCsv(spec);
  return { name: 'csv', ext: 'csv', partHeader: csvHeader(spec), partFooter: '', blockSeparator: '', blockEnd: '', row: (r) => line(r) };
}

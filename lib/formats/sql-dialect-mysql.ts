import type { ColumnSpec } from '../model/schema.js';
import { needsBigint } from './sql-bigint.js';
import type { SqlDialect } from './sql-dialect.js';

// MySQL string literal escapes (default sql_mode, without NO_BACKSLASH_ESCAPES):
// https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
const MYSQL_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\u0000': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\u001a': '\\Z',
};
const NEEDS_ESCAPE = /[\\'\u0000\n\r\u001a]/;
const ESCAPE_ALL = /[\\'\u0000\n\r\u001a]/g;

/**
 * MySQL 8 (InnoDB, utf8mb4): backquoted identifiers, backslash escapes in
 * strings, VARCHAR(255) where a string column is a key or an enum (TEXT
 * cannot be indexed without a prefix length), DATETIME without the `Z`,
 * CHECK constraints (enforced from 8.0.16). Each data part starts with
 * `SET NAMES utf8mb4` so emoji and Chinese arrive whole.
 */
export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  ident: (name) => '`' + name.replace(/`/g, '``') + '`',
  string: (s) => "'" + (NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE_ALL, (c) => MYSQL_ESCAPES[c]!) : s) + "'",
  bool: (b) => (b ? 'TRUE' : 'FALSE'),
  columnType(col: ColumnSpec): string {
    switch (col.type) {
      case 'int':
        return needsBigint(col) ? 'BIGINT' : 'INT';
      case 'float':
        return 'DOUBLE';
      case 'date':
        return 'DATE';
      case 'datetime':
        return 'DATETIME';
      case 'bool':
        return 'BOOLEAN';
      default:
        return col.unique || col.enum || col.references ? 'VARCHAR(255)' : 'TEXT';
    }
  },
  // '2025-08-20T12:48:19Z' -> '2025-08-20 12:48:19' (UTC): DATETIME takes no zone designator.
  datetime: (s) => s.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)(?:Z|[+-]00:?00)$/, '$1 $2'),
  tableOptions: 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
  partHeader: 'SET NAMES utf8mb4;\n',
};

/** Reads a MySQL single-quoted string literal back (the inverse of mysqlDialect.string), for tests and tools. */
export function parseMysqlString(literal: string): string {
  if (literal.length < 2 || literal[0] !== "'" || literal[literal.length - 1] !== "'") throw new Error(`not a MySQL string literal: ${literal}`);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "'") {
      if (body[i + 1] !== "'") throw new Error(`unescaped quote at ${i} in ${literal}`);
      out += "'";
      i++;
    } else if (c === '\\') {
      const n = body[++i];
      if (n === undefined) throw new Error(`dangling backslash in ${literal}`);
      out += ({ '0': '\u0000', "'": "'", '"': '"', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\u001a', '\\': '\\' } as Record<string, string>)[n] ?? n;
    } else out += c;
  }
  return out;
}

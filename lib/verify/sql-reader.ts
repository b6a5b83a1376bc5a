import type { Writable } from 'node:stream';
import { textParserWriter } from './text-parser-writer.js';
import { RecordError } from './record-error.js';

type Tok =
  | { k: 'word'; v: string }
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ident'; v: string }
  | { k: 'p'; v: string };

const WORD = /[A-Za-z_]/;
const WORD_REST = /[A-Za-z0-9_]/;
const NUM = /[-+0-9.]/;
const NUM_REST = /[-+0-9.eE]/;
const UNESCAPE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

export interface SqlReaderOptions {
  /** MySQL: a backslash escapes the next character in every '…' string (PostgreSQL: only in E'…'). */
  backslashEscapes?: boolean;
}

const MYSQL_UNESCAPE: Record<string, string> = { '0': '\u0000', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\u001a' };

/**
 * Reads the INSERT statements megagen writes (`INSERT INTO "t" ("a", …)
 * VALUES (…),(…);`) incrementally and calls back with each row's values
 * (NULL -> null, TRUE/FALSE -> booleans, numbers, strings with '' and E''
 * escapes, or MySQL's backslash escapes) and the line the row starts on.
 * Identifiers may be "quoted" (PostgreSQL) or `backquoted` (MySQL); other
 * statements (MySQL's `SET NAMES …;`) are skipped.
 */
export class SqlInsertParser {
  private buf = '';
  private line = 1;
  private state: 'stmt' | 'skip' | 'into' | 'table' | 'cols(' | 'col' | 'col,' | 'values' | 'tuple(' | 'val' | 'val,' | 'next' = 'stmt';
  private cols: string[] = [];
  private vals: unknown[] = [];
  private rowLine = 1;
  table = '';

  private readonly backslash: boolean;

  constructor(
    private readonly onRow: (table: string, columns: readonly string[], values: unknown[], line: number) => void,
    options: SqlReaderOptions = {},
  ) {
    this.backslash = options.backslashEscapes === true;
  }

  write(s: string): void {
    this.buf += s;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.state !== 'stmt') throw new RecordError(this.line, 'the file ends inside an INSERT statement');
  }

  private scan(final: boolean): void {
    const b = this.buf;
    let i = 0;
    const n = b.length;
    while (i < n) {
      const c = b[i]!;
      if (c === '\n') {
        this.line++;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      const start = i;
      let tok: Tok;
      if (c === '-' && b[i + 1] === '-') {
        const nl = b.indexOf('\n', i);
        if (nl < 0 && !final) break;
        i = nl < 0 ? n : nl;
        continue;
      } else if (c === '(' || c === ')' || c === ',' || c === ';') {
        tok = { k: 'p', v: c };
        i++;
      } else if (c === '"' || c === '`' || c === "'" || ((c === 'E' || c === 'e') && b[i + 1] === "'")) {
        const prefixed = c === 'E' || c === 'e';
        const q = prefixed ? "'" : c;
        const esc = prefixed || (q === "'" && this.backslash);
        const table = prefixed || !this.backslash ? UNESCAPE : MYSQL_UNESCAPE;
        let j = prefixed ? i + 2 : i + 1;
        let v = '';
        let lines = 0;
        let closed = false;
        while (j < n) {
          const d = b[j]!;
          if (d === q) {
            if (b[j + 1] === q) {
              v += q;
              j += 2;
              continue;
            }
            if (j + 1 >= n && !final) break; // may be a doubled quote cut in two
            closed = true;
            j++;
            break;
          }
          if (esc && d === '\\') {
            if (j + 1 >= n) break;
            const e = b[j + 1]!;
            v += table[e] ?? e;
            j += 2;
            continue;
          }
          if (d === '\n') lines++;
          v += d;
          j++;
        }
        if (!closed) {
          if (final) throw new RecordError(this.line, 'a quoted string is not closed at the end of the file');
          break;
        }
        tok = q === "'" ? { k: 'str', v } : { k: 'ident', v };
        this.token(tok);
        this.line += lines;
        i = j;
        continue;
      } else if (WORD.test(c)) {
        let j = i + 1;
        while (j < n && WORD_REST.test(b[j]!)) j++;
        if (j >= n && !final) break;
        tok = { k: 'word', v: b.slice(i, j).toUpperCase() };
        i = j;
      } else if (NUM.test(c)) {
        let j = i + 1;
        while (j < n && NUM_REST.test(b[j]!)) j++;
        if (j >= n && !final) break;
        const text = b.slice(i, j);
        const v = Number(text);
        if (!Number.isFinite(v)) throw new RecordError(this.line, `not a number: ${text}`);
        tok = { k: 'num', v };
        i = j;
      } else {
        throw new RecordError(this.line, `unexpected character ${JSON.stringify(c)}`);
      }
      void start;
      this.token(tok);
    }
    this.buf = b.slice(i);
  }

  private fail(t: Tok, expected: string): never {
    throw new RecordError(this.line, `expected ${expected}, found ${t.k === 'p' ? t.v : `${t.k} ${JSON.stringify(t.v)}`}`);
  }

  private token(t: Tok): void {
    switch (this.state) {
      case 'stmt':
        if (t.k === 'word' && t.v === 'INSERT') this.state = 'into';
        else if (t.k === 'word' && t.v === 'SET') this.state = 'skip';
        else this.fail(t, 'INSERT');
        return;
      case 'skip':
        if (t.k === 'p' && t.v === ';') this.state = 'stmt';
        return;
      case 'into':
        if (t.k === 'word' && t.v === 'INTO') this.state = 'table';
        else this.fail(t, 'INTO');
        return;
      case 'table':
        if (t.k === 'ident' || t.k === 'word') {
          this.table = t.k === 'word' ? t.v.toLowerCase() : t.v;
          this.cols = [];
          this.state = 'cols(';
        } else this.fail(t, 'a table name');
        return;
      case 'cols(':
        if (t.k === 'p' && t.v === '(') this.state = 'col';
        else this.fail(t, '(');
        return;
      case 'col':
        if (t.k === 'ident' || t.k === 'word') {
          this.cols.push(t.k === 'word' ? t.v.toLowerCase() : t.v);
          this.state = 'col,';
        } else this.fail(t, 'a column name');
        return;
      case 'col,':
        if (t.k === 'p' && t.v === ',') this.state = 'col';
        else if (t.k === 'p' && t.v === ')') this.state = 'values';
        else this.fail(t, ', or )');
        return;
      case 'values':
        if (t.k === 'word' && t.v === 'VALUES') this.state = 'tuple(';
        else this.fail(t, 'VALUES');
        return;
      case 'tuple(':
        if (t.k === 'p' && t.v === '(') {
          this.vals = [];
          this.rowLine = this.line;
          this.state = 'val';
        } else this.fail(t, '( starting a row');
        return;
      case 'val':
        if (t.k === 'num' || t.k === 'str') this.vals.push(t.v);
        else if (t.k === 'word' && t.v === 'NULL') this.vals.push(null);
        else if (t.k === 'word' && (t.v === 'TRUE' || t.v === 'FALSE')) this.vals.push(t.v === 'TRUE');
        else this.fail(t, 'a value');
        this.state = 'val,';
        return;
      case 'val,':
        if (t.k === 'p' && t.v === ',') this.state = 'val';
        else if (t.k === 'p' && t.v === ')') {
          this.state = 'next';
          this.onRow(this.table, this.cols, this.vals, this.rowLine);
        } else this.fail(t, ', or )');
        return;
      case 'next':
        if (t.k === 'p' && t.v === ',') this.state = 'tuple(';
        else if (t.k === 'p' && t.v === ';') this.state = 'stmt';
        else this.fail(t, ', or ;');
        return;
    }
  }
}

/** A Writable that parses SQL INSERT bytes (UTF-8) and calls back per row. */
export function sqlRowWriter(
  onRow: (table: string, columns: readonly string[], values: unknown[], line: number) => void,
  pause?: () => Promise<void> | undefined,
  options: SqlReaderOptions = {},
): Writable {
  return textParserWriter(new SqlInsertParser(onRow, options), pause);
}

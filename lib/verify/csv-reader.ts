import type { Writable } from 'node:stream';
import { textParserWriter } from './text-parser-writer.js';
import { RecordError } from './record-error.js';

/**
 * An incremental RFC 4180 parser: feed it text in pieces of any size, it
 * calls back with each record's fields (an unquoted empty field is null, a
 * quoted one a string) and the line the record starts on.
 */
export class CsvParser {
  private fields: (string | null)[] = [];
  private field = '';
  private quoted = false;
  private inQuotes = false;
  /** Just saw a quote inside a quoted field: an escaped quote or the end of the field. */
  private quotePending = false;
  private afterCr = false;
  private line = 1;
  private recordLine = 1;
  private any = false;

  constructor(private readonly onRecord: (fields: (string | null)[], line: number) => void) {}

  write(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === 34) {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; handle c below
        } else if (c === 34) {
          this.quotePending = true;
          continue;
        } else {
          if (c === 10) this.line++;
          this.field += s[i];
          continue;
        }
      }
      if (this.afterCr) {
        this.afterCr = false;
        if (c !== 10) throw new RecordError(this.line, 'a bare CR outside quotes (records end with CRLF)');
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        continue;
      }
      if (c === 44) {
        this.endField();
      } else if (c === 13) {
        this.afterCr = true;
      } else if (c === 10) {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else if (c === 34) {
        if (this.field.length > 0 || this.quoted) throw new RecordError(this.line, 'a quote inside an unquoted field');
        this.quoted = true;
        this.inQuotes = true;
        this.any = true;
      } else {
        if (this.quoted) throw new RecordError(this.line, 'text after the closing quote of a field');
        this.field += s[i];
        this.any = true;
      }
    }
  }

  end(): void {
    if (this.inQuotes && !this.quotePending) throw new RecordError(this.recordLine, 'a quoted field is not closed at the end of the file');
    if (this.quotePending) this.inQuotes = false;
    if (this.afterCr) throw new RecordError(this.line, 'a bare CR at the end of the file');
    if (this.any || this.fields.length > 0) this.endRecord();
  }

  private endField(): void {
    this.fields.push(this.field.length === 0 && !this.quoted ? null : this.field);
    this.field = '';
    this.quoted = false;
    this.any = true;
  }

  private endRecord(): void {
    this.endField();
    const f = this.fields;
    this.fields = [];
    this.any = false;
    this.onRecord(f, this.recordLine);
  }
}

/** A Writable that parses CSV bytes (UTF-8) and calls back per record. */
export function csvRecordWriter(onRecord: (fields: (string | null)[], line: number) => void, pause?: () => Promise<void> | undefined): Writable {
  return textParserWriter(new CsvParser(onRecord), pause);
}

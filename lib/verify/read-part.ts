import { createReadStream } from 'node:fs';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline as pipe } from 'node:stream/promises';
import split2 from 'split2';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { ColumnSpec, TableSpec } from '../model/schema.js';
import { decompressorFor } from '../sinks/block-codec.js';
import { csvRecordWriter } from './csv-reader.js';
import { sqlRowWriter } from './sql-reader.js';
import { RecordError, type RowCallback } from './record-error.js';
import { MegagenError } from '../errors.js';

/** The format of a part from its file name: `t-000000-000.csv.gz` -> csv. */
export function formatOfPath(path: string): string {
  const m = /\.(ndjson|json|csv|sql)(\.gz|\.br)?$/.exec(path);
  return m ? m[1]! : 'unknown';
}

/** A CSV field back to its column's type (null stays null). */
function fromCsv(col: ColumnSpec, s: string | null, line: number): unknown {
  if (s === null) return null;
  switch (col.type) {
    case 'int':
    case 'float': {
      const n = s.trim() === '' ? NaN : Number(s);
      if (!Number.isFinite(n)) throw new RecordError(line, `column ${col.name}: not a number: ${JSON.stringify(s)}`);
      return n;
    }
    case 'bool':
      if (s === 'true' || s === 'false') return s === 'true';
      throw new RecordError(line, `column ${col.name}: not true or false: ${JSON.stringify(s)}`);
    default:
      return s;
  }
}

function objectValues(spec: TableSpec, names: readonly string[], obj: unknown, line: number): unknown[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new RecordError(line, 'not a JSON object');
  const o = obj as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length !== names.length || keys.some((k, i) => k !== names[i]))
    throw new RecordError(line, `keys ${keys.join(',')} are not the columns of ${spec.name} (${names.join(',')})`);
  return names.map((n) => o[n]);
}

/** Decompressed bytes of a part file (by its suffix); `onRaw` sees the file's bytes as read. */
export function partBytes(path: string, onRaw?: (raw: Buffer) => void): Readable[] {
  const d = decompressorFor(path);
  const src = createReadStream(path, { highWaterMark: 1 << 20 });
  const streams: Readable[] = [src];
  if (onRaw)
    streams.push(
      new Transform({
        transform(chunk: Buffer, _e, done) {
          onRaw(chunk);
          done(null, chunk);
        },
      }),
    );
  if (d) streams.push(d);
  return streams;
}

export interface ReadPartOptions {
  /** Called after each piece of input is parsed: return a promise to wait (backpressure). */
  pause?: () => Promise<void> | undefined;
  /** Sees the file's raw (compressed) bytes, e.g. to hash them in the same pass. */
  onRaw?: (raw: Buffer) => void;
  /** The sql format's dialect (the manifest's config.sqlDialect). Default postgres. */
  sqlDialect?: string;
}

// MySQL DATETIME text back to the ISO form the generator made ('2025-08-20 12:48:19' -> '2025-08-20T12:48:19Z').
const MYSQL_DATETIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)$/;

/**
 * Reads every record of one part (any format, any compression) and calls
 * back with its values in column order and its line. Bounded memory: one
 * stream through the decompressor and a parser. Throws RecordError (with a
 * line) for a record that does not parse; other errors (missing file,
 * corrupt compression) as they come.
 */
export async function readPart(path: string, spec: TableSpec, onRow: RowCallback, options: ReadPartOptions = {}): Promise<void> {
  const { pause, onRaw } = options;
  const after = (done: (err?: Error | null) => void) => {
    const p = pause?.();
    if (p) p.then(() => done(), done);
    else done();
  };
  const names = spec.columns.map((c) => c.name);
  const format = formatOfPath(path);
  const src = partBytes(path, onRaw);
  switch (format) {
    case 'ndjson': {
      let line = 0;
      await pipe(
        ...(src as [Readable]),
        split2(),
        new Writable({
          objectMode: true,
          write(text: string, _e, done) {
            line++;
            let obj: unknown;
            try {
              obj = JSON.parse(text);
            } catch (err) {
              return done(new RecordError(line, `not JSON: ${(err as Error).message}`));
            }
            try {
              onRow(objectValues(spec, names, obj, line), line);
            } catch (err) {
              return done(err as Error);
            }
            after(done);
          },
        }),
      );
      return;
    }
    case 'json': {
      await pipe(
        ...(src as [Readable]),
        streamArray.withParserAsStream(),
        new Writable({
          objectMode: true,
          write(item: { key: number; value: unknown }, _e, done) {
            // megagen writes element n of a part on line n + 2.
            const line = item.key + 2;
            try {
              onRow(objectValues(spec, names, item.value, line), line);
            } catch (err) {
              return done(err as Error);
            }
            after(done);
          },
        }),
      );
      return;
    }
    case 'csv': {
      let header = true;
      await pipe(
        ...(src as [Readable]),
        csvRecordWriter(
        (fields, line) => {
          if (header) {
            header = false;
            if (fields.length !== names.length || fields.some((f, i) => f !== names[i]))
              throw new RecordError(line, `header ${fields.join(',')} is not the columns of ${spec.name} (${names.join(',')})`);
            return;
          }
          if (fields.length !== names.length) throw new RecordError(line, `${fields.length} fields, ${spec.name} has ${names.length} columns`);
          onRow(fields.map((f, i) => fromCsv(spec.columns[i]!, f, line)), line);
        },
        pause,
        ),
      );
      if (header) throw new RecordError(1, 'no header row');
      return;
    }
    case 'sql': {
      const mysql = options.sqlDialect === 'mysql';
      const datetimes = spec.columns.map((c, i) => (c.type === 'datetime' ? i : -1)).filter((i) => i >= 0);
      await pipe(
        ...(src as [Readable]),
        sqlRowWriter((table, cols, values, line) => {
          if (table !== spec.name) throw new RecordError(line, `INSERT INTO ${table}, expected ${spec.name}`);
          if (cols.length !== names.length || cols.some((c, i) => c !== names[i]))
            throw new RecordError(line, `columns ${cols.join(',')} are not the columns of ${spec.name}`);
          if (values.length !== names.length) throw new RecordError(line, `${values.length} values, ${spec.name} has ${names.length} columns`);
          if (mysql) for (const i of datetimes) if (typeof values[i] === 'string') values[i] = (values[i] as string).replace(MYSQL_DATETIME, '$1T$2Z');
          onRow(values, line);
        }, pause, { backslashEscapes: mysql }),
      );
      return;
    }
    default:
      throw new MegagenError('ERR_INVALID_OPTION', `${path}: unknown format (expected .ndjson, .json, .csv or .sql, optionally .gz or .br)`);
  }
}

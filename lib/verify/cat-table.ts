import { once } from 'node:events';
import { join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline as pipe } from 'node:stream/promises';
import type { Row } from '../model/schema.js';
import { compileNdjson } from '../formats/ndjson.js';
import { readManifest } from '../run/manifest.js';
import { MegagenError } from '../errors.js';
import { partBytes, readPart } from './read-part.js';
import { RecordError } from './record-error.js';

/** Passes bytes on to `out` with its backpressure, without ending it or piling listeners on it. */
function forwardTo(out: Writable): Writable {
  return new Writable({
    write(chunk: Buffer, _e, done) {
      if (out.write(chunk)) done();
      else out.once('drain', () => done());
    },
  });
}

export interface CatOptions {
  /** Which of the run's formats to read. Default: the first of the run's formats. */
  format?: string;
}

/**
 * Streams one table of an output directory to `out` as NDJSON, parts in
 * order, whatever their format and compression. NDJSON parts are only
 * decompressed; other formats are parsed and re-serialised, so the bytes
 * equal those of an NDJSON run. `out` is not ended.
 */
export async function catTable(root: string, table: string, out: Writable, o: CatOptions = {}): Promise<number> {
  const m = await readManifest(root);
  const t = m.tables[table];
  if (!t) throw new MegagenError('ERR_UNKNOWN_TABLE', `unknown table "${table}" in ${root} (choose from: ${Object.keys(m.tables).join(', ')})`);
  const formats = m.config.formats;
  const format = o.format ?? formats[0]!;
  if (!(formats as string[]).includes(format)) throw new MegagenError('ERR_INVALID_OPTION', `${root} holds no ${format} files (it has: ${formats.join(', ')})`);
  const line = compileNdjson(t.spec);
  const names = t.spec.columns.map((c) => c.name);
  let rows = 0;
  for (const f of t.files) {
    if (f.format !== format) continue;
    const path = join(root, f.path);
    try {
      if (format === 'ndjson') {
        await pipe(...(partBytes(path) as [Readable]), forwardTo(out));
        rows += f.rows;
        continue;
      }
      let acc = '';
      const flush = (): Promise<void> | undefined => {
        if (acc.length === 0) return undefined;
        const ok = out.write(acc);
        acc = '';
        return ok ? undefined : once(out, 'drain').then(() => undefined);
      };
      await readPart(
        path,
        t.spec,
        (values) => {
          const row: Row = {};
          for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
          acc += line(row);
          rows++;
        },
        { pause: () => (acc.length > 1 << 16 ? flush() : undefined), sqlDialect: m.config.sqlDialect },
      );
      await flush();
    } catch (err) {
      if (err instanceof RecordError) throw new MegagenError('ERR_OUTPUT', `${path}:${err.line}: ${err.message}`, { cause: err });
      if (err instanceof MegagenError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_PREMATURE_CLOSE') throw err;
      throw new MegagenError('ERR_OUTPUT', `cannot read ${path}: ${(err as Error).message}`, { cause: err });
    }
  }
  return rows;
}

import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import split2 from 'split2';
import type { Row } from '../model/schema.js';
import { MegagenError } from '../errors.js';
import { MANIFEST_FILE, readManifest } from '../run/manifest.js';
import { partBytes } from './read-part.js';

/**
 * NDJSON rows from a chain of byte streams (a file, a decompressor; or
 * stdin): split2 splits, one JSON.parse per line. A bad line is an error
 * naming its source and line number.
 */
export async function* ndjsonRows(input: Readable | Readable[], source: string): AsyncGenerator<Row> {
  const lines = split2();
  const done = pipeline([...(Array.isArray(input) ? input : [input]), lines]);
  done.catch(() => {}); // awaited below; a failure also ends the loop
  let n = 0;
  try {
    for await (const line of lines as AsyncIterable<string>) {
      n++;
      if (line.length === 0) continue;
      let row: Row;
      try {
        row = JSON.parse(line) as Row;
      } catch (err) {
        throw new MegagenError('ERR_INVALID_OPTION', `${source}:${n}: not a JSON record (${(err as Error).message})`);
      }
      yield row;
    }
    await done;
  } finally {
    lines.destroy();
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

const natural = new Intl.Collator('en', { numeric: true });

/** Parts of one table: from the manifest of a chunked run (NDJSON parts, any compression), else `name.ndjson` files. */
async function tableFiles(dir: string, name: string): Promise<string[]> {
  if (await exists(join(dir, MANIFEST_FILE))) {
    const m = await readManifest(dir);
    const t = m.tables[name];
    if (!t) return [];
    if (!(m.config.formats as string[]).includes('ndjson'))
      throw new MegagenError('ERR_INVALID_OPTION', `verify-conflicts reads NDJSON parts; ${dir} holds only ${m.config.formats.join(', ')}`);
    return t.files.filter((f) => f.format === 'ndjson').map((f) => join(dir, f.path));
  }
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    throw new MegagenError('ERR_INVALID_OPTION', `cannot read directory ${dir}: ${(err as Error).message}`);
  }
  const re = new RegExp(`^${name}([._-]\\d+)*\\.ndjson$`);
  return entries.filter((f) => re.test(f)).sort(natural.compare).map((f) => join(dir, f));
}

/** A readTable for checkConflicts over an output directory (a missing table reads as empty). */
export function directoryTables(dir: string): (name: string) => AsyncIterable<Row> {
  return async function* read(name: string) {
    for (const file of await tableFiles(dir, name)) yield* ndjsonRows(partBytes(file), file);
  };
}

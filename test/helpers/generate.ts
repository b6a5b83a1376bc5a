import { Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { buildModel, parseRunOptions, runPipeline, type CampusModel, type Row, type RunOptions, type TableModel, type TableSpec } from '../../lib/index.js';
import { presets } from '../../pipelines/index.js';

/** A preset by name, or a test failure naming it. */
export function preset(name: string) {
  const p = presets.get(name);
  if (!p) throw new Error(`no preset "${name}" in pipelines/index.ts`);
  return p;
}

/** The model a run of `presetName` with these options would generate from. */
export function presetModel(presetName: string, options: RunOptions = {}): CampusModel {
  const p = preset(presetName);
  return buildModel(p, parseRunOptions(p, options));
}

/** Every row of a table, foreign keys resolved, in memory (small scales only). */
export function collectRows(table: TableModel, start = 0, end = table.rows): Row[] {
  const gen = table.createGenerator();
  const resolve = table.createResolver();
  const rows: Row[] = new Array(end - start);
  for (let i = start; i < end; i++) {
    const row = gen(i);
    if (resolve) resolve(row, i);
    rows[i - start] = row;
  }
  return rows;
}

/** Rows of every table a preset emits, by table name. */
export function collectPreset(presetName: string, options: RunOptions = {}): Map<string, Row[]> {
  const model = presetModel(presetName, options);
  const out = new Map<string, Row[]>();
  for (const name of preset(presetName).tables) out.set(name, collectRows(model.table(name)));
  return out;
}

/** A Writable that keeps what it is given. */
export class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  constructor() {
    super({ highWaterMark: 1 << 16 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The bytes `megagen run PRESET -o -` writes, run in this process through the library. */
export async function runToBuffer(presetName: string, options: Omit<RunOptions, 'output' | 'stdout'> = {}): Promise<Buffer> {
  const out = new Collector();
  await runPipeline(preset(presetName), { ...options, output: '-', stdout: out });
  return out.bytes();
}

/** Parses NDJSON bytes: one JSON value per line, every line terminated. */
export function parseNdjson(bytes: Buffer | string): Record<string, unknown>[] {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('NDJSON output does not end with a newline');
  const lines = text.split('\n');
  lines.pop();
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`line ${i + 1} is not JSON (${(err as Error).message}): ${line.slice(0, 200)}`);
    }
  });
}

/** Splits multi-table NDJSON (each line starting with "_table") into rows by table, dropping "_table". */
export function splitByTable(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const { _table, ...rest } = row;
    if (typeof _table !== 'string') throw new Error(`row without "_table": ${JSON.stringify(row).slice(0, 200)}`);
    let list = out.get(_table);
    if (!list) out.set(_table, (list = []));
    list.push(rest);
  }
  return out;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Serializer options every format test covers: with and without trust and the "_table" prefix. */
export const SERIALIZER_OPTIONS: readonly { trusted: boolean; tableField: boolean }[] = [
  { trusted: false, tableField: false },
  { trusted: false, tableField: true },
  { trusted: true, tableField: false },
  { trusted: true, tableField: true },
];

/** Every table of a preset at a small size in one locale, with its rows resolved: the serializer tests' inputs. */
export function presetTableRows(presetName: string, locale: string): { table: string; spec: TableSpec; rows: Row[] }[] {
  const model = presetModel(presetName, { records: presetName === 'students' ? 3_000 : 10_000, locale });
  return preset(presetName).tables.map((table) => ({ table, spec: model.table(table).spec, rows: collectRows(model.table(table)) }));
}

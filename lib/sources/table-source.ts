import { Readable } from 'node:stream';
import type { TableModel } from '../model/schema.js';
import type { Batch, IndexBatch } from './batch.js';
import { invalidOption } from '../errors.js';

export interface TableSourceOptions {
  /** First row index (0-based, inclusive). Default 0. */
  start?: number;
  /** Last row index (exclusive). Default: the table's size. */
  end?: number;
  /** Rows per batch. Default 1000. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

export interface ResolvedRange {
  start: number;
  end: number;
  batchSize: number;
}

export function parseTableSourceOptions(table: TableModel, o: TableSourceOptions = {}): ResolvedRange {
  const start = o.start ?? 0;
  const end = o.end ?? table.rows;
  const batchSize = o.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(start) || start < 0) throw invalidOption(`start must be an integer >= 0 (got ${start})`);
  if (!Number.isSafeInteger(end) || end < start || end > table.rows)
    throw invalidOption(`end must be an integer in [${start}, ${table.rows}] (got ${end})`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw invalidOption(`batch size must be an integer >= 1 (got ${batchSize})`);
  return { start, end, batchSize };
}

/** Generates rows [start, end) of one table: a pure loop, no stream. */
export function* generateBatches(table: TableModel, o: TableSourceOptions = {}): Generator<Batch> {
  const { start, end, batchSize } = parseTableSourceOptions(table, o);
  const gen = table.createGenerator();
  const name = table.spec.name;
  for (let at = start; at < end; at += batchSize) {
    const stop = Math.min(end, at + batchSize);
    const rows = new Array(stop - at);
    for (let i = at; i < stop; i++) rows[i - at] = gen(i);
    yield { table: name, start: at, rows };
  }
}

/** A Readable of batches of one table's rows, for an index range, with backpressure (highWaterMark 1 batch). */
export function tableSource(table: TableModel, o: TableSourceOptions = {}): Readable {
  const batches = generateBatches(table, o);
  return new Readable({
    objectMode: true,
    highWaterMark: 1,
    read() {
      const next = batches.next();
      this.push(next.done ? null : next.value);
    },
  });
}

/**
 * A Readable of index batches (no rows generated): the same ranges as
 * tableSource, for a sink that writes each line from its index
 * (TableModel.createNdjsonWriter).
 */
export function indexSource(table: TableModel, o: TableSourceOptions = {}): Readable {
  const { start, end, batchSize } = parseTableSourceOptions(table, o);
  const name = table.spec.name;
  let at = start;
  return new Readable({
    objectMode: true,
    highWaterMark: 1,
    read() {
      if (at >= end) return void this.push(null);
      const batch: IndexBatch = { table: name, start: at, end: Math.min(end, at + batchSize) };
      at = batch.end;
      this.push(batch);
    },
  });
}

import { Transform, type TransformCallback } from 'node:stream';
import { batchRows, type Batch, type IndexBatch } from '../sources/batch.js';

/** Progress of a run, reported through `RunOptions.onProgress`. */
export type ProgressEvent =
  /** A table starts: `rows` it will hold. */
  | { readonly kind: 'table-start'; readonly table: string; readonly rows: number }
  /** A batch of a table passed the last stage before serialisation: `done` rows of `rows` so far. */
  | { readonly kind: 'rows'; readonly table: string; readonly done: number; readonly rows: number }
  /** A table is written: its rows, elapsed milliseconds and file (when writing files). */
  | { readonly kind: 'table-end'; readonly table: string; readonly rows: number; readonly elapsedMs: number; readonly path?: string };

export type ProgressListener = (event: ProgressEvent) => void;

/** A pass-through stage that reports rows seen, one event per batch. */
export function progressStage(table: string, rows: number, listener: ProgressListener): Transform {
  let done = 0;
  return new Transform({
    objectMode: true,
    highWaterMark: 1,
    transform(batch: Batch | IndexBatch, _enc, cb: TransformCallback) {
      done += batchRows(batch);
      listener({ kind: 'rows', table, done, rows });
      cb(null, batch);
    },
  });
}

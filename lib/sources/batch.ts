import type { Row } from '../model/schema.js';

/** What crosses stream boundaries: a run of consecutive rows of one table. */
export interface Batch {
  readonly table: string;
  /** 0-based index of rows[0] in its table. */
  readonly start: number;
  readonly rows: Row[];
}

/**
 * A run of consecutive row indices [start, end) whose lines are written
 * straight from the indices (TableModel.createNdjsonWriter): no row objects.
 * Flows from indexSource to a serialising sink where no stage reads the rows.
 */
export interface IndexBatch {
  readonly table: string;
  readonly start: number;
  readonly end: number;
  readonly rows?: undefined;
}

/** Rows a batch of either kind stands for. */
export function batchRows(batch: Batch | IndexBatch): number {
  return batch.rows ? batch.rows.length : batch.end - batch.start;
}

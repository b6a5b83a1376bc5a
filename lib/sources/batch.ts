import type { Row } from '../model/schema.js';

/** What crosses stream boundaries: a run of consecutive rows of one table. */
export interface Batch {
  readonly table: string;
  /** 0-based index of rows[0] in its table. */
  readonly start: number;
  readonly rows: Row[];
}

import type { Row, TableSpec } from '../model/schema.js';
import type { FormatName } from '../run/output-options.js';

/**
 * How a format lays rows out in the parts of a chunk. A part is
 * `partHeader`, then blocks joined by `blockSeparator`, then `partFooter`;
 * a block is rows (each written by `row`, which adds any separator it needs
 * before row i > 0 of its block) followed by `blockEnd`. Blocks are cut at
 * row boundaries, so a part always holds whole records.
 */
export interface BlockFormat {
  readonly name: FormatName;
  /** File extension without compression suffix: `ndjson`, `json`, `csv`, `sql`. */
  readonly ext: string;
  readonly partHeader: string;
  readonly partFooter: string;
  readonly blockSeparator: string;
  readonly blockEnd: string;
  /** Text of row `i` of its block (0-based). */
  row(row: Row, i: number): string;
  /**
   * Optional, the same text written straight into a Buffer: row `i`'s UTF-8
   * at `off`, returning the offset after it, or -1 when it might not fit
   * (retry into a bigger buffer). The caller keeps `reserve` bytes free
   * before each call. Used instead of `row` when present.
   */
  readonly rowBytes?: RowBytesWriter;
}

export interface RowBytesWriter {
  (row: Row, buf: Buffer, off: number, i: number): number;
  readonly reserve: number;
}

export interface BlockFormatOptions {
  /** Rows come from megagen's own generators only (no user code): see NdjsonOptions.trusted. */
  trusted?: boolean;
  /** The sql format's dialect (default postgres). */
  sqlDialect?: string;
}

export type BlockFormatFactory = (spec: TableSpec, options?: BlockFormatOptions) => BlockFormat;

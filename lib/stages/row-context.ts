import { Rng } from '../random/rng.js';
import { streamId } from '../random/hash.js';
import { MegagenError } from '../errors.js';
import type { CampusModel } from '../model/campus.js';
import type { Row, RowGenerator, RelationResolver } from '../model/schema.js';

/**
 * What a custom stage, a column generator or a derived table sees of a row:
 * where it is, and deterministic ways to draw values or read other rows.
 */
export interface RowContext {
  /** The run's 32-bit normalised seed. */
  readonly seed: number;
  /** The table of the row being made. */
  readonly table: string;
  /** 0-based index of the row in its table (its id is usually index + 1). */
  readonly index: number;
  /** The built model: its plan (all the timetable arithmetic) and tables. */
  readonly model: CampusModel;
  /**
   * A random source positioned for (seed, this stage/column/table, table, index):
   * the same values for the same row, whatever the batch size or worker.
   * Defaults to the current row. The returned Rng is reused: draw, don't keep.
   */
  rng(table?: string, index?: number): Rng;
  /**
   * Row `index` of another table, as the source and relations make it
   * (with column generators applied; custom stages not). Pure: computed, not
   * looked up. Treat it as read-only.
   */
  row(table: string, index: number): Row;
}

/** The context of a derived table's row: also its parent row. */
export interface DerivedRowContext extends RowContext {
  /** Index of the parent row (in the table it derives from). */
  readonly parentIndex: number;
  /** Which of the parent's `ratio` rows this is (0 .. ratio - 1). */
  readonly k: number;
  readonly ratio: number;
  /** The parent row (cached while consecutive rows share it). */
  parent(): Row;
}

interface Reader {
  rows: number;
  gen: RowGenerator;
  resolve: RelationResolver | null;
  last: number;
  row: Row | null;
}

/** A mutable context reused for every row of one stream part: no allocation per row. */
export class MutableRowContext implements DerivedRowContext {
  index = 0;
  parentIndex = 0;
  k = 0;
  ratio = 1;
  from = '';
  private readonly random = new Rng();
  private readonly readers = new Map<string, Reader>();
  private readonly tableStreams = new Map<string, number>();
  readonly seed: number;

  constructor(
    readonly model: CampusModel,
    /** The stream of whoever draws: a stage, a column generator, a derived table. */
    private readonly stream: number,
    readonly table: string,
  ) {
    this.seed = model.seed;
  }

  private tableStream(table: string): number {
    let s = this.tableStreams.get(table);
    if (s === undefined) {
      s = streamId(table);
      this.tableStreams.set(table, s);
    }
    return s;
  }

  rng(table: string = this.table, index: number = this.index): Rng {
    return this.random.at2(this.seed, this.stream, index, this.tableStream(table));
  }

  row(table: string, index: number): Row {
    let r = this.readers.get(table);
    if (!r) {
      const t = this.model.table(table);
      r = { rows: t.rows, gen: t.createGenerator(), resolve: t.createResolver(), last: -1, row: null };
      this.readers.set(table, r);
    }
    if (!Number.isInteger(index) || index < 0 || index >= r.rows)
      throw new MegagenError('ERR_PIPELINE', `row(${JSON.stringify(table)}, ${index}): index out of range [0, ${r.rows})`);
    if (r.last !== index || r.row === null) {
      const row = r.gen(index);
      r.resolve?.(row, index);
      r.row = row;
      r.last = index;
    }
    return r.row;
  }

  parent(): Row {
    return this.row(this.from, this.parentIndex);
  }
}

/** Column types, as serializers and databases see them. */
export type ColumnType = 'int' | 'float' | 'string' | 'date' | 'datetime' | 'bool';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable?: boolean;
  /** Table whose `id` this column references. */
  readonly references?: string;
  /** Allowed values of a string column. */
  readonly enum?: readonly string[];
  /** Inclusive bounds of a numeric column. */
  readonly min?: number;
  readonly max?: number;
  /** Values are unique across the table. */
  readonly unique?: boolean;
  /**
   * Every value the generator produces is plain text that JSON need not
   * escape (no quote, backslash, control character or lone surrogate): it
   * comes from pools checked at build time or is formatted from digits. A
   * serialiser may skip the escape check when it trusts the rows' origin.
   */
  readonly jsonSafe?: boolean;
  /** Decimal places of a float column (with min and max, lets serialisers use a table of strings). */
  readonly scale?: number;
  /** Filled by the relationship-resolution stage, not by the source. */
  readonly relation?: boolean;
  readonly description?: string;
}

/** A table's shape: the contract between sources, stages and serializers. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** SQL-style table checks, e.g. `start_period <= end_period`. */
  readonly checks?: readonly string[];
  readonly description?: string;
}

/** One generated record. Rows of one table share one shape (key order = column order). */
export type Row = Record<string, unknown>;

/** Produces the row at a 0-based index: a pure function of (seed, table, index). */
export type RowGenerator = (index: number) => Row;

/** Fills a row's relation columns from its index: arithmetic on dense ids, no lookups. */
export type RelationResolver = (row: Row, index: number) => void;

/** A table of a model: its spec, its size, and the factories its stream parts call. */
export interface TableModel {
  readonly spec: TableSpec;
  readonly rows: number;
  createGenerator(): RowGenerator;
  createResolver(): RelationResolver | null;
  /**
   * Optional fast path: a writer of row i's NDJSON line straight from its
   * index, byte-identical to generating the row, resolving its relations and
   * serialising it with compileNdjsonBytes (trusted). Used where nothing else
   * reads the rows (no custom stage, column generator or derived table on
   * the table, NDJSON only; conflict injection passes its changes as
   * `overrides`): no row object, no composite strings.
   */
  createNdjsonWriter?(options: NdjsonWriterOptions): IndexLineWriter;
  /** Columns whose values NdjsonWriterOptions.overrides may replace in this table's index writer. */
  readonly ndjsonOverridable?: readonly string[];
}

/** Column values that replace a generated row's own (a conflict plan's changes to the row). */
export type RowOverrides = Readonly<Record<string, unknown>>;

export interface NdjsonWriterOptions {
  /** Each line starts with `"_table":"<name>"` (several tables on stdout). */
  readonly tableField: boolean;
  /**
   * Values to write instead of a row's own for some of the columns in
   * TableModel.ndjsonOverridable, as if set on the row object after its
   * relations were resolved (see OverrideCursor). Values must be of the
   * column's type (a writer throws a TypeError otherwise).
   */
  readonly overrides?: RowOverrideSource;
}

/** Overrides for a sparse, sorted set of rows (a conflict plan's changes to a table). */
export interface RowOverrideSource {
  /** Indices of the rows that have overrides, ascending. */
  readonly rows: Float64Array;
  /** The overrides of row rows[k]. */
  at(k: number): RowOverrides;
}

/**
 * Writes row `index`'s line at `off` in `buf` and returns the offset after
 * it. The caller keeps at least `reserve` bytes free before each call: a
 * line never needs more (overrides included).
 */
export interface IndexLineWriter {
  (index: number, buf: Buffer, off: number): number;
  readonly reserve: number;
}

export function columnNames(spec: TableSpec): string[] {
  return spec.columns.map((c) => c.name);
}

import { invalidOption } from './errors.js';
import { CAMPUS_TABLES } from './model/campus.js';
import type { ColumnSpec, Row, TableSpec } from './model/schema.js';
import type { RowContext, DerivedRowContext } from './stages/row-context.js';

/** How a pipeline turns `--records` into table sizes. */
export type Sizing =
  /** records = all campus rows together (tables sized by the plan's ratios) */
  | 'campus'
  /** records = exactly the number of students */
  | 'students'
  /** records = the timetable tables together (departments .. sections) */
  | 'timetable';

/**
 * Where a custom stage runs in a table's stream: right after the relations
 * (foreign keys) are resolved, or just before serialisation (after conflict
 * injection, once that lands).
 */
export type StagePoint = 'after:relations' | 'before:serialize';

/**
 * A custom Transform stage: `map` is called for every row of the tables it
 * applies to and must return an object (the same row changed, or a new one).
 * Randomness must come from `ctx.rng()` (a per-row source derived from the
 * seed, the stage name, the table and the row index) so the output stays the
 * same whatever the batch size or worker count.
 */
export interface CustomStage {
  /** Lower-case name, unique in its pipeline; it also names the stage's random stream. */
  readonly name: string;
  readonly at: StagePoint;
  /** Tables it applies to (default: every table of the pipeline). */
  readonly tables?: readonly string[];
  /** Columns the stage adds to each table it applies to (appended, in order). Undeclared keys are not written. */
  readonly columns?: readonly ColumnSpec[];
  map(row: Row, ctx: RowContext): Row;
}

/**
 * A table of the pipeline's own, derived from another one: `ratio` rows per
 * row of `from` (row i belongs to parent row floor(i / ratio), as its k-th,
 * k = i mod ratio), each a pure function of its index. E.g. attendance with
 * one row per enrollment per week: from 'enrollments', ratio 16.
 */
export interface DerivedTable {
  readonly spec: TableSpec;
  /** A campus table or an earlier derived table. */
  readonly from: string;
  /** Rows per parent row: a whole number >= 1 (a pipeline's `ratios` may change it). */
  readonly ratio: number;
  row(ctx: DerivedRowContext): Row;
}

/** Replaces one column's value: called after relations, before any stage. */
export type ColumnGenerator = (row: Row, ctx: RowContext) => unknown;

/** A named preset: which tables to emit and how to size them, and what it adds. */
export interface PipelineDefinition {
  readonly name: string;
  readonly description: string;
  /** Tables emitted, in dependency order (campus tables, then derived ones). */
  readonly tables: readonly string[];
  readonly sizing: Sizing;
  readonly defaultRecords: number;
  /** Tables of this pipeline's own, derived from campus tables. */
  readonly derivedTables?: readonly DerivedTable[];
  /** Column generators to replace, by table then column. */
  readonly columns?: Readonly<Record<string, Readonly<Record<string, ColumnGenerator>>>>;
  /** Rows per parent row of derived tables, overriding their own `ratio`. */
  readonly ratios?: Readonly<Record<string, number>>;
  /** Custom stages, run in this order at their point. */
  readonly stages?: readonly CustomStage[];
  /** The file it was loaded from (set by the pipeline-file loader; named in errors). */
  readonly file?: string;
  /** Default share of eligible rows turned into labelled conflicts (--conflicts). Default 0. */
  readonly conflicts?: number;
}

const NAME = /^[a-z][a-z0-9_-]*$/;
const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLUMN_TYPES = ['int', 'float', 'string', 'date', 'datetime', 'bool'];

function checkColumns(owner: string, cols: readonly ColumnSpec[]): void {
  const seen = new Set<string>();
  for (const c of cols) {
    if (!c || typeof c.name !== 'string' || !COLUMN_NAME.test(c.name)) throw invalidOption(`${owner}: bad column name ${JSON.stringify(c?.name)}`);
    if (!COLUMN_TYPES.includes(c.type)) throw invalidOption(`${owner}: column ${c.name} has unknown type "${String(c.type)}" (choose from: ${COLUMN_TYPES.join(', ')})`);
    if (seen.has(c.name)) throw invalidOption(`${owner}: column ${c.name} is declared twice`);
    seen.add(c.name);
  }
}

/** Checks and freezes a pipeline definition. Tables come out in dependency order. */
export function definePipeline(def: PipelineDefinition): PipelineDefinition {
  if (def === null || typeof def !== 'object') throw invalidOption(`a pipeline must be an object (got ${String(def)})`);
  if (typeof def.name !== 'string' || !NAME.test(def.name)) throw invalidOption(`pipeline name must be lower-case letters, digits, - or _ (got "${String(def.name)}")`);
  const where = `pipeline "${def.name}"`;
  if (!Array.isArray(def.tables) || def.tables.length === 0) throw invalidOption(`${where} emits no table`);
  if (!['campus', 'students', 'timetable'].includes(def.sizing)) throw invalidOption(`${where}: sizing must be campus, students or timetable (got "${String(def.sizing)}")`);
  if (!Number.isInteger(def.defaultRecords) || def.defaultRecords < 1) throw invalidOption(`${where}: defaultRecords must be a whole number >= 1 (got ${String(def.defaultRecords)})`);

  const derived = def.derivedTables ?? [];
  const known: string[] = [...CAMPUS_TABLES];
  for (const d of derived) {
    const name = d?.spec?.name;
    if (typeof name !== 'string' || !TABLE_NAME.test(name)) throw invalidOption(`${where}: derived table name must be lower-case letters, digits or _ (got ${JSON.stringify(name)})`);
    if (known.includes(name)) throw invalidOption(`${where}: derived table "${name}" is already a table`);
    if (!known.includes(d.from)) throw invalidOption(`${where}: derived table "${name}" comes from unknown table "${String(d.from)}" (choose from: ${known.join(', ')})`);
    const ratio = def.ratios?.[name] ?? d.ratio;
    if (!Number.isInteger(ratio) || ratio < 1 || ratio > 1_000_000) throw invalidOption(`${where}: ratio of "${name}" must be a whole number from 1 to 1000000 (got ${String(ratio)})`);
    if (typeof d.row !== 'function') throw invalidOption(`${where}: derived table "${name}" needs a row(ctx) function`);
    if (!Array.isArray(d.spec.columns) || d.spec.columns.length === 0) throw invalidOption(`${where}: derived table "${name}" declares no columns`);
    checkColumns(`${where}, table ${name}`, d.spec.columns);
    known.push(name);
  }
  for (const t of def.tables) {
    if (!known.includes(t)) throw invalidOption(`${where} names unknown table "${t}" (choose from: ${known.join(', ')})`);
  }
  for (const name of Object.keys(def.ratios ?? {})) {
    if (!derived.some((d) => d.spec.name === name)) throw invalidOption(`${where}: ratios names "${name}", which is not a derived table of this pipeline`);
  }
  for (const [table, cols] of Object.entries(def.columns ?? {})) {
    if (!known.includes(table)) throw invalidOption(`${where}: columns names unknown table "${table}" (choose from: ${known.join(', ')})`);
    for (const [col, fn] of Object.entries(cols)) {
      if (typeof fn !== 'function') throw invalidOption(`${where}: column generator ${table}.${col} must be a function (got ${typeof fn})`);
    }
  }
  const stageNames = new Set<string>();
  for (const s of def.stages ?? []) {
    if (!s || typeof s.name !== 'string' || !NAME.test(s.name)) throw invalidOption(`${where}: stage name must be lower-case letters, digits, - or _ (got ${JSON.stringify(s?.name)})`);
    if (stageNames.has(s.name)) throw invalidOption(`${where}: two stages are named "${s.name}"`);
    stageNames.add(s.name);
    if (s.at !== 'after:relations' && s.at !== 'before:serialize')
      throw invalidOption(`${where}: stage "${s.name}" runs at unknown point "${String(s.at)}" (choose from: after:relations, before:serialize)`);
    if (typeof s.map !== 'function') throw invalidOption(`${where}: stage "${s.name}" needs a map(row, ctx) function`);
    for (const t of s.tables ?? []) {
      if (!def.tables.includes(t)) throw invalidOption(`${where}: stage "${s.name}" names table "${t}", which the pipeline does not emit (choose from: ${def.tables.join(', ')})`);
    }
    checkColumns(`${where}, stage ${s.name}`, s.columns ?? []);
  }
  const order = known.filter((t) => def.tables.includes(t));
  return Object.freeze({ ...def, tables: Object.freeze(order) });
}

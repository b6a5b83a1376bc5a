import type { CampusModel } from '../model/campus.js';
import type { IndexLineWriter, NdjsonWriterOptions, RelationResolver, TableModel } from '../model/schema.js';
import { conflictsTable } from '../model/tables/conflicts.js';
import { createConflictRowApplier, SortedCursor } from '../stages/conflicts.js';
import { compileNdjsonBytes } from '../formats/ndjson-bytes.js';
import type { ConflictPlan } from './plan.js';

/** A model whose tables come out with a conflict plan applied, plus the `conflicts` ground-truth table. */
export interface ConflictModel extends CampusModel {
  readonly conflicts: ConflictPlan;
}

/**
 * Table checks that injected conflicts break on purpose (a capacity_overflow
 * section holds more students than its capacity): left out of the injected
 * tables' specs, so schema.sql and the PostgreSQL sink accept the rows.
 */
const BROKEN_BY_INJECTION: Readonly<Record<string, readonly string[]>> = {
  sections: ['enrolled <= capacity'],
};

/** Tables whose changes are listed by row (plan.changedRows): every other row is the base table's. */
const ROW_LISTED = ['sections', 'enrollments', 'students'] as const;
type RowListed = (typeof ROW_LISTED)[number];

/**
 * The index writer of an injected table: the base table's lines for the rows
 * no change touches (nearly all), and for a changed row the row generated,
 * resolved, changed and serialised, copied in when it fits (-1 when not).
 */
function injectedNdjsonWriter(base: TableModel, createResolver: () => RelationResolver, changed: Float64Array, options: NdjsonWriterOptions): IndexLineWriter {
  const plain = base.createNdjsonWriter!(options);
  const cursor = new SortedCursor(changed);
  const generate = base.createGenerator();
  const resolve = createResolver();
  const serialise = compileNdjsonBytes(base.spec, { tableField: options.tableField, trusted: true });
  let scratch = Buffer.allocUnsafe(4096);
  const write = (i: number, buf: Buffer, off: number): number => {
    if (!cursor.hit(i)) return plain(i, buf, off);
    const row = generate(i);
    resolve(row, i);
    let n = serialise(row, scratch, 0);
    while (n < 0) {
      scratch = Buffer.allocUnsafe(scratch.length * 2);
      n = serialise(row, scratch, 0);
    }
    if (buf.length - off < n) return -1;
    scratch.copy(buf, off, 0, n);
    return off + n;
  };
  return Object.assign(write, { reserve: plain.reserve });
}

function injected(base: TableModel, plan: ConflictPlan): TableModel {
  const name = base.spec.name;
  if (!plan.touches(name)) return base;
  const broken = BROKEN_BY_INJECTION[name] ?? [];
  const spec = base.spec.checks?.some((c) => broken.includes(c)) ? { ...base.spec, checks: base.spec.checks.filter((c) => !broken.includes(c)) } : base.spec;
  const createResolver = (): RelationResolver => {
    const resolve = base.createResolver();
    const apply = createConflictRowApplier(plan, name)!;
    return (row, index) => {
      resolve?.(row, index);
      apply(row, index);
    };
  };
  const listed = (ROW_LISTED as readonly string[]).includes(name);
  return {
    spec,
    rows: base.rows,
    createGenerator: () => base.createGenerator(),
    createResolver,
    ...(base.createNdjsonWriter && listed
      ? { createNdjsonWriter: (options: NdjsonWriterOptions) => injectedNdjsonWriter(base, createResolver, plan.changedRows(name as RowListed), options) }
      : {}),
  };
}

/**
 * Wraps a model so every path that writes its tables (stdout, chunked
 * directories, workers) applies the plan right after relations resolve: the
 * change is part of each row's resolution, a pure function of its index.
 */
export function withConflicts(model: CampusModel, plan: ConflictPlan): ConflictModel {
  const tables = model.tables.map((t) => injected(t, plan));
  tables.push(conflictsTable(plan));
  const byName = new Map(tables.map((t) => [t.spec.name, t]));
  return {
    ...model,
    tables,
    conflicts: plan,
    table(name: string): TableModel {
      return byName.get(name) ?? model.table(name);
    },
  };
}

/** The conflict plan of a model built with --conflicts, if any. */
export function conflictPlanOf(model: CampusModel): ConflictPlan | undefined {
  return (model as Partial<ConflictModel>).conflicts;
}

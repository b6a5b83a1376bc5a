import type { CampusModel } from '../model/campus.js';
import type { NdjsonWriterOptions, RelationResolver, TableModel } from '../model/schema.js';
import { conflictsTable } from '../model/tables/conflicts.js';
import { CONFLICT_OVERRIDDEN_COLUMNS, createConflictOverrides, createConflictRowApplier } from '../stages/conflicts.js';
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
  // The index writer stays where it can write the changed values itself: nearly every row is unchanged.
  const overridden = name in CONFLICT_OVERRIDDEN_COLUMNS ? (name as keyof typeof CONFLICT_OVERRIDDEN_COLUMNS) : null;
  const writer = base.createNdjsonWriter;
  const keepsWriter = writer && overridden && CONFLICT_OVERRIDDEN_COLUMNS[overridden].every((c) => base.ndjsonOverridable?.includes(c));
  return {
    spec,
    rows: base.rows,
    createGenerator: () => base.createGenerator(),
    createResolver,
    ...(keepsWriter
      ? {
          createNdjsonWriter: (options: NdjsonWriterOptions) => writer.call(base, { ...options, overrides: createConflictOverrides(plan, overridden) }),
          ndjsonOverridable: base.ndjsonOverridable,
        }
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
  tables.push(conflictsTable(plan, model.plan));
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

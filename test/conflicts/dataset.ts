import { createHash } from 'node:crypto';
import { createCampusModel, CAMPUS_TABLES, type CampusModel } from '../../lib/model/campus.js';
import { normaliseSeed } from '../../lib/random/hash.js';
import { generateBatches } from '../../lib/sources/table-source.js';
import { createRelationResolver } from '../../lib/stages/relations.js';
import { createConflictApplier } from '../../lib/stages/conflicts.js';
import { buildConflictPlan, type ConflictPlan } from '../../lib/conflicts/plan.js';
import type { ConflictOptions } from '../../lib/conflicts/options.js';
import { conflictsTable } from '../../lib/model/tables/conflicts.js';
import { checkConflicts, type ConflictCheckReport } from '../../lib/verify/conflict-checker.js';
import type { Row } from '../../lib/model/schema.js';

export interface Dataset {
  model: CampusModel;
  plan: ConflictPlan;
  tables: Map<string, Row[]>;
}

/** A whole campus in memory with a conflict plan applied through the stage's pure core (small sizes only). */
export function buildDataset(records: number, options: ConflictOptions, seed: number | string = 42, batchSize = 1000): Dataset {
  const model = createCampusModel({ seed: normaliseSeed(seed), target: { records }, locale: 'en' });
  const plan = buildConflictPlan(model.plan, options);
  const tables = new Map<string, Row[]>();
  for (const name of CAMPUS_TABLES) {
    const table = model.table(name);
    const resolve = createRelationResolver(table);
    const apply = createConflictApplier(plan, name);
    const rows: Row[] = [];
    for (let batch of generateBatches(table, { batchSize })) {
      if (resolve) batch = resolve(batch);
      if (apply) batch = apply(batch);
      rows.push(...batch.rows);
    }
    tables.set(name, rows);
  }
  const truth = conflictsTable(plan, model.plan);
  const gen = truth.createGenerator();
  tables.set('conflicts', Array.from({ length: truth.rows }, (_, i) => gen(i)));
  return { model, plan, tables };
}

/** Runs the independent checker over in-memory tables. */
export function check(tables: Map<string, Row[]>): Promise<ConflictCheckReport> {
  return checkConflicts(async function* (name) {
    yield* tables.get(name) ?? [];
  });
}

export function digest(tables: Map<string, Row[]>): string {
  const h = createHash('sha256');
  for (const [name, rows] of tables) for (const r of rows) h.update(`${name}${JSON.stringify(r)}\n`);
  return h.digest('hex');
}

/** Deep copy of a dataset's tables, to plant or remove conflicts by hand. */
export function cloneTables(tables: Map<string, Row[]>): Map<string, Row[]> {
  return new Map([...tables].map(([k, rows]) => [k, rows.map((r) => ({ ...r }))]));
}

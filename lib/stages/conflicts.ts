import { Transform, type TransformCallback } from 'node:stream';
import type { Batch } from '../sources/batch.js';
import type { Row, RowOverrides } from '../model/schema.js';
import type { ConflictPlan } from '../conflicts/plan.js';

/**
 * Whether a row index is among a sorted list of changed rows. Rows mostly
 * come in order, so a cursor answers in two comparisons; a jump (another
 * chunk) binary-searches. Most rows are unchanged: this skips a Map lookup
 * per row, in O(changes) memory.
 */
export class SortedCursor {
  private pos = 0;
  constructor(private readonly keys: Float64Array) {}

  hit(i: number): boolean {
    const k = this.keys;
    let p = this.pos;
    if (!(p === k.length ? p === 0 || k[p - 1]! < i : k[p]! >= i && (p === 0 || k[p - 1]! < i))) {
      let lo = 0;
      let hi = k.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (k[mid]! < i) lo = mid + 1;
        else hi = mid;
      }
      p = lo;
    }
    if (p < k.length && k[p] === i) {
      this.pos = p + 1;
      return true;
    }
    this.pos = p;
    return false;
  }
}

/** The columns createConflictOverrides sets, per table: a table's index writer must be able to override them. */
export const CONFLICT_OVERRIDDEN_COLUMNS = {
  students: ['gpa'],
  enrollments: ['section_id', 'score'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * The column values a conflict plan sets in row i of students or
 * enrollments, or undefined for a row it leaves alone: what both the row
 * applier and the tables' index writers (NdjsonWriterOptions.overrides) use.
 */
export function createConflictOverrides(plan: ConflictPlan, table: keyof typeof CONFLICT_OVERRIDDEN_COLUMNS): (index: number) => RowOverrides | undefined {
  const cursor = new SortedCursor(plan.changedRows(table));
  if (table === 'students') {
    return (i) => {
      if (!cursor.hit(i)) return undefined;
      const g = plan.studentGpa(i);
      return g === undefined ? undefined : { gpa: g };
    };
  }
  return (i) => {
    if (!cursor.hit(i)) return undefined;
    const m = plan.enrollment(i);
    if (!m) return undefined;
    const o: { section_id?: number; score?: number } = {};
    if (m.section !== undefined) o.section_id = m.section + 1;
    if (m.score !== undefined) o.score = m.score;
    return o;
  };
}

/** Sets a row's overridden columns. */
function overriding(overrides: (index: number) => RowOverrides | undefined): (row: Row, index: number) => void {
  return (row, i) => {
    const o = overrides(i);
    if (o) Object.assign(row, o);
  };
}

/** `apply`, run only on the rows in `changed` (sorted indices); every other row passes in two comparisons. */
function onChangedRows(changed: Float64Array, apply: (row: Row, index: number) => void): (row: Row, index: number) => void {
  const cursor = new SortedCursor(changed);
  return (row, i) => {
    if (cursor.hit(i)) apply(row, i);
  };
}

/**
 * Applies a conflict plan to one row of a table, in place: a pure function of
 * (plan, table, row index), so any batch split, chunk or worker gives the
 * same rows. Returns null for a table the plan leaves alone.
 */
export function createConflictRowApplier(plan: ConflictPlan, table: string): ((row: Row, index: number) => void) | null {
  if (!plan.touches(table)) return null;
  switch (table) {
    case 'sections':
      return onChangedRows(plan.changedRows('sections'), (row, i) => {
        const m = plan.section(i);
        if (!m) return;
        if (m.room !== undefined) row.classroom_id = m.room + 1;
        if (m.teacher !== undefined) row.teacher_id = m.teacher + 1;
        const enrolled = (row.enrolled as number) + m.delta;
        row.enrolled = enrolled;
        if (m.capacity !== undefined) row.capacity = m.capacity;
        else if (enrolled > (row.capacity as number)) row.capacity = enrolled;
      });
    case 'enrollments':
    case 'students':
      return overriding(createConflictOverrides(plan, table));
    case 'teachers':
      return (row, i) => {
        row.max_weekly_periods = plan.teacherMax(i, row.max_weekly_periods as number);
      };
    case 'classrooms':
      return (row, i) => {
        const c = plan.roomCapacity(i);
        if (c !== undefined) row.capacity = c;
      };
    default:
      return null;
  }
}

/** The batch form of createConflictRowApplier: the pure core of the stage. */
export function createConflictApplier(plan: ConflictPlan, table: string): ((batch: Batch) => Batch) | null {
  const apply = createConflictRowApplier(plan, table);
  if (!apply) return null;
  return (batch) => {
    const rows = batch.rows;
    for (let k = 0; k < rows.length; k++) apply(rows[k]!, batch.start + k);
    return batch;
  };
}

/**
 * The conflict-injection stage, after relations, for a model built without
 * the plan (runs build the plan into the model instead: conflict-model.ts).
 */
export function conflictsStage(plan: ConflictPlan, table: string): Transform {
  const apply = createConflictApplier(plan, table);
  return new Transform({
    objectMode: true,
    highWaterMark: 1,
    transform(batch: Batch, _enc, done: TransformCallback) {
      done(null, apply ? apply(batch) : batch);
    },
  });
}

import { Transform, type TransformCallback } from 'node:stream';
import type { Batch } from '../sources/batch.js';
import type { Row, RowOverrideSource } from '../model/schema.js';
import { OverrideCursor, SortedCursor } from '../model/override-cursor.js';
import type { ConflictPlan } from '../conflicts/plan.js';
import { ENROLLMENT_SCORE, ENROLLMENT_SECTION, SECTION_CAPACITY, SECTION_DELTA, SECTION_ROOM, SECTION_TEACHER } from '../conflicts/plan-state.js';

/** The columns createConflictOverrides sets, per table: a table's index writer must be able to override them. */
export const CONFLICT_OVERRIDDEN_COLUMNS = {
  students: ['gpa'],
  enrollments: ['section_id', 'score'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * The column values a conflict plan sets in the rows of students or
 * enrollments it changes: what both the row applier and the tables' index
 * writers (NdjsonWriterOptions.overrides) use.
 */
export function createConflictOverrides(plan: ConflictPlan, table: keyof typeof CONFLICT_OVERRIDDEN_COLUMNS): RowOverrideSource {
  const { keys, columns } = plan.changes(table);
  if (table === 'students') {
    const gpa = columns[0]!;
    return { rows: keys, at: (k) => ({ gpa: gpa[k]! }) };
  }
  const section = columns[ENROLLMENT_SECTION]!;
  const score = columns[ENROLLMENT_SCORE]!;
  return {
    rows: keys,
    at(k) {
      const o: { section_id?: number; score?: number } = {};
      if (!Number.isNaN(section[k]!)) o.section_id = section[k]! + 1;
      if (!Number.isNaN(score[k]!)) o.score = score[k]!;
      return o;
    },
  };
}

/** Sets a row's overridden columns. */
function overriding(source: RowOverrideSource): (row: Row, index: number) => void {
  const cursor = new OverrideCursor(source);
  return (row, i) => {
    const o = cursor.of(i);
    if (o) Object.assign(row, o);
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
    case 'sections': {
      const { keys, columns } = plan.changes('sections');
      const room = columns[SECTION_ROOM]!;
      const teacher = columns[SECTION_TEACHER]!;
      const delta = columns[SECTION_DELTA]!;
      const capacity = columns[SECTION_CAPACITY]!;
      const cursor = new SortedCursor(keys);
      return (row, i) => {
        const k = cursor.find(i);
        if (k < 0) return;
        if (!Number.isNaN(room[k]!)) row.classroom_id = room[k]! + 1;
        if (!Number.isNaN(teacher[k]!)) row.teacher_id = teacher[k]! + 1;
        const enrolled = (row.enrolled as number) + delta[k]!;
        row.enrolled = enrolled;
        if (!Number.isNaN(capacity[k]!)) row.capacity = capacity[k]!;
        else if (enrolled > (row.capacity as number)) row.capacity = enrolled;
      };
    }
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

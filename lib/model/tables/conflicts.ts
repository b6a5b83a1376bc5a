import type { TableModel, TableSpec } from '../schema.js';
import { SEMESTERS } from '../campus-plan.js';
import { CONFLICT_TYPES, DIFFICULTIES } from '../../conflicts/options.js';
import type { ConflictPlan } from '../../conflicts/plan.js';
import { recordDetail } from '../../conflicts/plan-state.js';
import type { CampusPlan } from '../campus-plan.js';

export const conflictsSpec: TableSpec = {
  name: 'conflicts',
  description:
    'Ground truth of the injected conflicts: one row per conflicting pair (room, teacher, student), per section over capacity, ' +
    'per enrollment lacking its prerequisite, per overloaded teacher; is_decoy rows are near misses that are NOT conflicts.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'type', type: 'string', enum: [...CONFLICT_TYPES] },
    { name: 'difficulty', type: 'string', enum: [...DIFFICULTIES] },
    { name: 'is_decoy', type: 'bool' },
    { name: 'group_id', type: 'int', min: 1, description: 'id of the first row of its group (a chain of sections is one group)' },
    { name: 'semester', type: 'string', nullable: true, enum: [...SEMESTERS] },
    { name: 'day_of_week', type: 'int', nullable: true, min: 1, max: 7 },
    { name: 'classroom_id', type: 'int', nullable: true, references: 'classrooms' },
    { name: 'teacher_id', type: 'int', nullable: true, references: 'teachers' },
    { name: 'student_id', type: 'int', nullable: true, references: 'students' },
    { name: 'section_id', type: 'int', nullable: true, references: 'sections', description: 'the section, or the lower id of a pair' },
    { name: 'other_section_id', type: 'int', nullable: true, references: 'sections', description: 'the higher id of a pair' },
    { name: 'enrollment_id', type: 'int', nullable: true, references: 'enrollments' },
    { name: 'other_enrollment_id', type: 'int', nullable: true, references: 'enrollments' },
    { name: 'course_id', type: 'int', nullable: true, references: 'courses' },
    { name: 'amount', type: 'int', nullable: true, min: 0, description: 'seats over capacity, or periods over max_weekly_periods' },
    { name: 'detail', type: 'string', description: 'the overlap or the excess, in words' },
  ],
};

const id = (i: number): number | null => (i < 0 ? null : i + 1);

/** The `conflicts` table of a plan: row i is the plan's record i. */
export function conflictsTable(plan: ConflictPlan, cp: CampusPlan): TableModel {
  return {
    spec: conflictsSpec,
    rows: plan.size,
    createGenerator() {
      // Decoded here, by the one process that writes this table, not by every model built.
      const records = plan.records;
      return (i) => {
        const r = records[i]!;
        return {
          id: i + 1,
          type: r.type,
          difficulty: r.difficulty,
          is_decoy: r.isDecoy,
          group_id: r.group + 1,
          semester: r.semester < 0 ? null : SEMESTERS[r.semester]!,
          day_of_week: r.day === 0 ? null : r.day,
          classroom_id: id(r.classroom),
          teacher_id: id(r.teacher),
          student_id: id(r.student),
          section_id: id(r.section),
          other_section_id: id(r.otherSection),
          enrollment_id: id(r.enrollment),
          other_enrollment_id: id(r.otherEnrollment),
          course_id: id(r.course),
          amount: r.amount,
          detail: recordDetail(r, cp),
        };
      };
    },
    createResolver: () => null,
  };
}

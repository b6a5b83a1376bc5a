// A pipeline that adds a table of its own: attendance, one row per enrollment
// per teaching week (16), derived from enrollments by arithmetic on dense ids:
// row i is week (i mod 16) + 1 of enrollment floor(i / 16) + 1.
//
//   megagen run examples/attendance-table.mjs --records 5000 -o out/
//   megagen run examples/attendance-table.mjs -n 5000 -t attendance -o - | head
//
// Nothing is looked up: ctx.parent() and ctx.row() recompute the enrollment
// and its section from their indices, so any row range can be made alone.
import { definePipeline, presets } from 'megagen';

const WEEKS = 16;
const STATUSES = ['present', 'late', 'absent', 'excused'];
const CUMULATIVE = [0.86, 0.93, 0.98, 1];

/** Does a section meet in this week? Its week range and odd/even parity say. */
function meets(section, week) {
  if (week < section.week_start || week > section.week_end) return false;
  if (section.week_parity === 'odd') return week % 2 === 1;
  if (section.week_parity === 'even') return week % 2 === 0;
  return true;
}

const attendance = {
  spec: {
    name: 'attendance',
    description: 'One row per enrollment per teaching week; status is null in weeks the section does not meet',
    columns: [
      { name: 'id', type: 'int', min: 1 },
      { name: 'enrollment_id', type: 'int', references: 'enrollments' },
      { name: 'student_id', type: 'int', references: 'students' },
      { name: 'section_id', type: 'int', references: 'sections' },
      { name: 'week', type: 'int', min: 1, max: WEEKS },
      { name: 'status', type: 'string', nullable: true, enum: STATUSES },
    ],
  },
  from: 'enrollments',
  ratio: WEEKS,
  row(ctx) {
    const enrollment = ctx.parent();
    const section = ctx.row('sections', enrollment.section_id - 1);
    const week = ctx.k + 1;
    let status = null;
    if (meets(section, week)) {
      const x = ctx.rng().float();
      status = STATUSES[CUMULATIVE.findIndex((c) => x < c)];
    }
    return {
      id: ctx.index + 1,
      enrollment_id: enrollment.id,
      student_id: enrollment.student_id,
      section_id: enrollment.section_id,
      week,
      status,
    };
  },
};

const campus = presets.get('campus');

export default definePipeline({
  ...campus,
  name: 'campus-attendance',
  description: 'the campus tables plus attendance (16 rows per enrollment)',
  tables: [...campus.tables, 'attendance'],
  derivedTables: [attendance],
  // ratios: { attendance: 18 },   // an 18-week term instead
});

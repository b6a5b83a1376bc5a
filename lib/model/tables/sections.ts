import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import { hashKey, streamId } from '../../random/hash.js';
import { SEMESTERS, newSectionTime } from '../campus-plan.js';

export const sectionsSpec: TableSpec = {
  name: 'sections',
  description: 'Course sections: the timetable. enrolled is the exact number of enrollments of the section.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'course_id', type: 'int', references: 'courses', relation: true },
    { name: 'teacher_id', type: 'int', references: 'teachers', relation: true },
    { name: 'classroom_id', type: 'int', references: 'classrooms', relation: true },
    { name: 'semester', type: 'string', enum: [...SEMESTERS], jsonSafe: true },
    { name: 'day_of_week', type: 'int', min: 1, max: 7 },
    { name: 'start_period', type: 'int', min: 1, max: 12 },
    { name: 'end_period', type: 'int', min: 1, max: 12 },
    { name: 'week_start', type: 'int', min: 1, max: 20 },
    { name: 'week_end', type: 'int', min: 1, max: 20 },
    { name: 'week_parity', type: 'string', enum: ['all', 'odd', 'even'], jsonSafe: true },
    { name: 'capacity', type: 'int', min: 1 },
    { name: 'enrolled', type: 'int', min: 0 },
  ],
  checks: ['start_period <= end_period', 'week_start <= week_end', 'enrolled <= capacity'],
};

const S_SLACK = streamId('sections.slack');

export function sectionsTable(ctx: ModelContext): TableModel {
  const { seed, plan } = ctx;
  return {
    spec: sectionsSpec,
    rows: 2 * plan.P,
    createGenerator() {
      const time = newSectionTime();
      let lastRoom = -1;
      let roomCap = 0;
      return (i) => {
        const sem = i >= plan.P ? 1 : 0;
        const j = i - sem * plan.P;
        plan.sectionTime(sem, j, time);
        const room = plan.roomOfSection(j);
        if (room !== lastRoom) {
          lastRoom = room;
          roomCap = plan.roomCapacity(room);
        }
        const enrolled = plan.sectionEnrolled(sem, j);
        const slack = hashKey(seed, S_SLACK, i) % 16;
        return {
          id: i + 1,
          course_id: 0,
          teacher_id: 0,
          classroom_id: 0,
          semester: SEMESTERS[sem],
          day_of_week: time.day,
          start_period: time.start,
          end_period: time.end,
          week_start: time.weekStart,
          week_end: time.weekEnd,
          week_parity: time.parity,
          capacity: Math.max(1, Math.min(roomCap, Math.ceil((enrolled + slack) / 5) * 5)),
          enrolled,
        };
      };
    },
    createResolver() {
      return (row, i) => {
        const sem = i >= plan.P ? 1 : 0;
        const j = i - sem * plan.P;
        row.course_id = plan.courseOfSection(sem, j) + 1;
        row.teacher_id = plan.teacherOfSection(j) + 1;
        row.classroom_id = plan.roomOfSection(j) + 1;
      };
    },
  };
}

import { definePipeline } from '../lib/pipeline.js';

/** The timetable without students: departments, teachers, courses, classrooms, sections. */
export default definePipeline({
  name: 'timetable',
  description: 'departments, teachers, courses, classrooms and sections (no students or enrollments); --records is their total',
  tables: ['departments', 'teachers', 'courses', 'classrooms', 'sections'],
  sizing: 'timetable',
  defaultRecords: 100_000,
});

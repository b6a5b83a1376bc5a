import { definePipeline } from '../lib/pipeline.js';

/** The whole campus: every table, relations resolved, sized by total records. */
export default definePipeline({
  name: 'campus',
  description: 'All seven tables (departments, teachers, students, courses, classrooms, sections, enrollments); --records is the total',
  tables: ['departments', 'teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments'],
  sizing: 'campus',
  defaultRecords: 1_000_000,
});

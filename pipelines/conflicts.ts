import { definePipeline } from '../lib/pipeline.js';

/** The whole campus with labelled scheduling conflicts (2% of eligible rows per type) and their ground truth. */
export default definePipeline({
  name: 'conflicts',
  description: 'The campus tables with labelled scheduling conflicts injected (--conflicts 0.02 unless given) and the conflicts ground-truth table',
  tables: ['departments', 'teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments'],
  sizing: 'campus',
  defaultRecords: 1_000_000,
  conflicts: 0.02,
});

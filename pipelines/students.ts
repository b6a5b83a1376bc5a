import { definePipeline } from '../lib/pipeline.js';

/** Students only: --records N gives exactly N rows. */
export default definePipeline({
  name: 'students',
  description: 'The students table alone; --records is the exact number of students',
  tables: ['students'],
  sizing: 'students',
  defaultRecords: 1_000_000,
});

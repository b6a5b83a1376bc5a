// A pipeline that writes only some tables: students and enrollments, for
// jq on stdout (each line starts with "_table" when several tables share it).
//
//   megagen run examples/students-enrollments-stdout.mjs -n 20000 -o - \
//     | jq -r 'select(._table == "students") | .major' | sort | uniq -c | sort -rn | head -5
//
// See examples/jq-top-majors.sh.
import { definePipeline } from 'megagen';

export default definePipeline({
  name: 'students-enrollments',
  description: 'students and their enrollments only; --records counts the whole campus they come from',
  tables: ['students', 'enrollments'],
  sizing: 'campus',
  defaultRecords: 100_000,
});

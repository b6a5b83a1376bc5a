/**
 * BASELINE: student rows generated the way most people would write it — a
 * loop calling @faker-js/faker once per field and JSON.stringify per row,
 * the same columns as megagen's students table. (Lines are joined and
 * written per 1,000 rows, kinder to the baseline than a write per row.)
 * Nothing here is unique or consistent: faker's student_no and e-mail can
 * repeat, gpa has nothing to do with any score, department_id points nowhere
 * in particular — it is the speed reference only.
 *
 *   node dist/benchmarks/baseline-faker.js --emit N > rows.ndjson   the generator
 *   node dist/benchmarks/baseline-faker.js --records N              the scenario (measures --emit in a fresh process)
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, SHARED with other jobs
 * (load average ~17 during the run), main at c6585fc, 2026-11-27 14:42Z,
 * `npm run bench`, medians of 3 runs.
 *   10^5 rows: 5.55 s whole command (18,013 rows/s); the loop alone 20,787
 *   rows/s wall, 79,810 rows/CPU-s; peak RSS 107 MB (mostly faker itself).
 * (The issue measured ~100,000 rows/s on a quiet machine: the same code, at
 * the machine's full speed; compare ratios, which both sides share.)
 * Reading: faker's per-call overhead (locale lookups, Date objects for
 * birthdates, e-mail building) dominates; JSON.stringify is a small share.
 */
import { writeFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { faker } from '@faker-js/faker';
import { measureNode, recordsArg, report, result } from './harness.js';

const MAJORS = ['Computer Science', 'Mathematics', 'Physics', 'Chemistry', 'Biology', 'Economics', 'History', 'English Literature'];

function emit(n: number): void {
  const began = performance.now();
  const cpu0 = process.cpuUsage();
  faker.seed(42);
  let lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    const sex = faker.person.sexType();
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const row = {
      id: i,
      student_no: faker.string.numeric(10),
      name: `${firstName} ${lastName}`,
      gender: sex === 'female' ? 'F' : 'M',
      birth_date: faker.date.birthdate({ mode: 'age', min: 18, max: 24 }).toISOString().slice(0, 10),
      email: faker.internet.email({ firstName, lastName }),
      phone: faker.phone.number(),
      department_id: faker.number.int({ min: 1, max: 13 }),
      major: faker.helpers.arrayElement(MAJORS),
      enrollment_year: faker.number.int({ min: 2022, max: 2025 }),
      gpa: faker.number.float({ min: 0, max: 4, fractionDigits: 2 }),
    };
    lines.push(JSON.stringify(row));
    if (lines.length === 1000) {
      writeSync(1, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(1, lines.join('\n') + '\n');
  // The loop alone (faker already imported), for a ratio that does not flatter megagen.
  const file = process.env.MEGAGEN_BENCH_RSS_FILE;
  const cpu = process.cpuUsage(cpu0);
  if (file) writeFileSync(`${file}.loop`, JSON.stringify({ seconds: (performance.now() - began) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
}

const argv = process.argv;
const at = argv.indexOf('--emit');
if (at >= 0) {
  emit(Number(argv[at + 1]));
} else {
  const records = recordsArg(argv, 100_000);
  const m = await measureNode([fileURLToPath(import.meta.url), '--emit', String(records)]);
  report(result('baseline-faker', records, m));
}

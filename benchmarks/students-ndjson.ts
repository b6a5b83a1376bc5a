/**
 * Scenario: `megagen run students --records N -o - > /dev/null`, the built CLI
 * in a fresh process; records/s over the whole command (startup included) and
 * the CLI's peak RSS. `npm run bench:students -- --records 10000000`.
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, otherwise idle but
 * slower than earlier in the day (campus 10^6 0.81M vs 1.0M at 17:20Z),
 * 2026-11-27 18:49Z, `node dist/benchmarks/run-all.js`, medians of 3:
 *   10^6: 1.68 s, 596,213 records/s wall, 533,671 records/CPU-s, peak RSS 103 MB
 *   10^7: 15.49 s, 645,373 records/s wall, 629,271 records/CPU-s, peak RSS 105 MB
 *   x faker baseline (same run): 6.1 (10^6) and 6.6 (10^7)
 * Paired against the commit before the 18:20Z generation changes (GPA picks
 * stepped, one score-hash prefix per student, fewer concatenations), 5 pairs
 * of `farm-bench` at 2*10^6 records: 0.94x the wall time. A student row
 * costs ~0.55-0.7 us to generate (10^6-10^7 students) and ~0.6 us to
 * serialise into blocks (its composite strings, name and e-mail, are cons
 * strings that V8 flattens when the writer reads them): the 1.2M
 * records/s (0.83 us a row) is not reached.
 */
import { cliPath, measureNode, recordsArg, report, result } from './harness.js';

const records = recordsArg(process.argv, 1_000_000);
const m = await measureNode([cliPath, 'run', 'students', '--records', String(records), '-o', '-']);
report(result('students', records, m));

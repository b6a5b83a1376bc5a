/**
 * Scenario: `megagen run students --records N -o - > /dev/null`, the built CLI
 * in a fresh process; records/s over the whole command (startup included) and
 * the CLI's peak RSS. `npm run bench:students -- --records 10000000`.
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, otherwise idle,
 * 2026-11-27 21:34Z, `node dist/benchmarks/run-all.js`, medians of 3:
 *   10^6: 1.05 s, 954,747 records/s wall, 852,232 records/CPU-s, peak RSS 88 MB
 *   10^7: 7.98 s, 1,253,684 records/s wall, 1,220,726 records/CPU-s, peak RSS 89 MB
 *   x faker baseline (same run): 9.5 (10^6) and 12.4 (10^7)
 * Lines come straight from row indices (students' createNdjsonWriter: no
 * row object, no composite strings): 15.5 s -> 8.0 s at 10^7 this session.
 * A student costs ~0.75 us at 10^7 (the draw ~0.5 us: two keyed
 * permutations, a name, a GPA over up to five scores; the bytes ~0.25 us);
 * at 10^6 the 0.29 s start-up is a quarter of the run.
 */
import { cliPath, measureNode, recordsArg, report, result } from './harness.js';

const records = recordsArg(process.argv, 1_000_000);
const m = await measureNode([cliPath, 'run', 'students', '--records', String(records), '-o', '-']);
report(result('students', records, m));

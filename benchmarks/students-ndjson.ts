/**
 * Scenario: `megagen run students --records N -o - > /dev/null`, the built CLI
 * in a fresh process; records/s over the whole command (startup included) and
 * the CLI's peak RSS. `npm run bench:students -- --records 10000000`.
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, SHARED with other jobs
 * (load average ~17 during the run), main at c6585fc, 2026-11-27 14:42Z,
 * `npm run bench`, medians of 3 runs.
 *   10^6: 10.4 s, 95,743 records/s wall, 345,414 records/CPU-s, peak RSS 134 MB
 *   10^7: 100.2 s, 99,808 records/s wall, 352,819 records/CPU-s, peak RSS 165 MB
 *   x faker baseline (same run): 4.3 (10^6) and 4.4 (10^7) by CPU time
 * Reading: wall time is ~3x slower than CPU time here because the machine was
 * shared, so read records/CPU-s. Even so, students is far from the issue's
 * 1.2M records/s and 10x the baseline: generate-only.ts puts the pure core
 * (rows + NDJSON strings) at ~546k rows/CPU-s, so about a third of the CLI's
 * CPU goes elsewhere (streams, block buffers, stdout, ~0.35 CPU-s start-up).
 * Peak RSS grows from 134 MB (10^6) to 165 MB (10^7), above the 150 MB target.
 */
import { cliPath, measureNode, recordsArg, report, result } from './harness.js';

const records = recordsArg(process.argv, 1_000_000);
const m = await measureNode([cliPath, 'run', 'students', '--records', String(records), '-o', '-']);
report(result('students', records, m));

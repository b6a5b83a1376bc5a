/**
 * Scenario: `megagen run campus --records N -o - > /dev/null` (all seven
 * tables, relations resolved, "_table" on every line), the built CLI in a
 * fresh process. Records are the exact rows the plan makes for target N.
 * `npm run bench:campus -- --records 10000000`.
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, SHARED with other jobs
 * (load average ~17 during the run), main at c6585fc, 2026-11-27 14:42Z,
 * `npm run bench`, medians of 3 runs.
 *   10^6: 6.6 s, 151,780 records/s wall, 505,175 records/CPU-s, peak RSS 128 MB
 *   10^7: 50.5 s, 198,052 records/s wall, 751,910 records/CPU-s, peak RSS 164 MB
 *   x faker baseline (same run): 6.3 (10^6) and 9.4 (10^7) by CPU time
 * Reading: enrollment rows (short, integer-heavy) dominate, so campus runs
 * faster per record than students; start-up weighs on 10^6. Below the issue's
 * 1.5M records/s even per CPU-second (the pure core, generate-only.ts, does
 * ~1.05M rows/CPU-s). Peak RSS at 10^7 was 164, 149 and above 150 MB in
 * 2 of 3 runs: above the 150 MB target, and higher than at 10^6.
 */
import { buildModel, parseRunOptions } from '../lib/index.js';
import { presets } from '../pipelines/index.js';
import { cliPath, measureNode, recordsArg, report, result } from './harness.js';

const target = recordsArg(process.argv, 1_000_000);
const campus = presets.get('campus')!;
const model = buildModel(campus, parseRunOptions(campus, { records: target }));
const rows = model.tables.reduce((a, t) => a + t.rows, 0);
const m = await measureNode([cliPath, 'run', 'campus', '--records', String(target), '-o', '-']);
report(result('campus', rows, m));

/**
 * Scenario: `megagen run campus --records N -o - > /dev/null` (all seven
 * tables, relations resolved, "_table" on every line), the built CLI in a
 * fresh process. Records are the exact rows the plan makes for target N.
 * `npm run bench:campus -- --records 10000000`.
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, otherwise idle,
 * 2026-11-27 21:34Z, `node dist/benchmarks/run-all.js`, medians of 3:
 *   10^6: 0.78 s, 1,275,642 records/s wall, 995,223 records/CPU-s, peak RSS 96 MB
 *   10^7: 4.15 s, 2,408,646 records/s wall, 2,225,228 records/CPU-s, peak RSS 116 MB
 *   x faker baseline (same run): 12.7 (10^6) and 23.9 (10^7)
 * Students and enrollments (8.4 of the 10 million rows) are written from
 * their row indices (TableModel.createNdjsonWriter); start-up (0.29 s)
 * weighs on 10^6.
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

/**
 * Scenario: `megagen run campus --records N -o - > /dev/null` (all seven
 * tables, relations resolved, "_table" on every line), the built CLI in a
 * fresh process. Records are the exact rows the plan makes for target N.
 * `npm run bench:campus -- --records 10000000`.
 *
 * Machine: 2 cores, Node 20.20.2, Linux. Date: 2026-11-27. Medians of 3 runs
 * (`npm run bench`): see the table printed by run-all.ts and the issue's
 * closing note for the numbers.
 * Reading: enrollment rows (short, integer-heavy) dominate, so campus runs
 * faster per record than students; sections cost more per row (exact
 * enrolled counts), but are few.
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

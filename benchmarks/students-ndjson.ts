/**
 * Scenario: `megagen run students --records N -o - > /dev/null`, the built CLI
 * in a fresh process; records/s over the whole command (startup included) and
 * the CLI's peak RSS. `npm run bench:students -- --records 10000000`.
 *
 * Machine: 2 cores, Node 20.20.2, Linux. Date: 2026-11-27. Medians of 3 runs
 * (`npm run bench`), measured while other work shared the machine: see the
 * table printed by run-all.ts and the issue's closing note for the numbers.
 * Reading: students rows are the widest (~250 B), so this is the serializer's
 * and the name pools' benchmark; RSS must not grow from 10^6 to 10^7.
 */
import { cliPath, measureNode, recordsArg, report, result } from './harness.js';

const records = recordsArg(process.argv, 1_000_000);
const m = await measureNode([cliPath, 'run', 'students', '--records', String(records), '-o', '-']);
report(result('students', records, m));

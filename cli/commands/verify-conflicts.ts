import { formatConflictReport, type ConflictCheckReport } from '../../lib/verify/conflict-checker.js';
import { checkConflictDirectory, checkConflictNdjson } from '../../lib/verify/conflict-checker-input.js';
import { invalidOption } from '../../lib/errors.js';
import type { Readable } from 'node:stream';

export interface VerifyConflictsArgs {
  dir?: string;
  stdin?: boolean;
  json?: boolean;
}

/**
 * `megagen verify-conflicts DIR` / `--stdin`: re-detects every conflict in
 * the data and compares with the conflicts table. Returns the exit status:
 * 0 when the data holds exactly the labelled conflicts, 1 otherwise.
 */
export async function verifyConflictsCommand(args: VerifyConflictsArgs, stdout: NodeJS.WritableStream, stdin: Readable): Promise<number> {
  if (!args.stdin && !args.dir) throw invalidOption('verify-conflicts needs a directory or --stdin');
  if (args.stdin && args.dir) throw invalidOption(`give either a directory or --stdin, not both (got ${args.dir} and --stdin)`);
  const began = performance.now();
  const report: ConflictCheckReport = args.stdin ? await checkConflictNdjson(stdin) : await checkConflictDirectory(args.dir!);
  const seconds = (performance.now() - began) / 1000;
  if (args.json) stdout.write(`${JSON.stringify({ ...report, seconds })}\n`);
  else {
    const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
    stdout.write(formatConflictReport(report));
    stdout.write(`checked ${rows.toLocaleString('en-US')} records in ${seconds.toFixed(1)} s\n`);
  }
  return report.ok ? 0 : 1;
}

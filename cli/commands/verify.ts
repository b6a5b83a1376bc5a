import type { Argv } from 'yargs';
import type { VerifyReport } from '../../lib/verify/verify-output.js';

export interface VerifyArgs {
  dir: string;
  json?: boolean;
}

export function verifyBuilder(y: Argv): Argv<VerifyArgs> {
  return y
    .positional('dir', { type: 'string', describe: 'an output directory (with manifest.json)', demandOption: true })
    .option('json', { type: 'boolean', describe: 'print the whole report as JSON on stdout' }) as unknown as Argv<VerifyArgs>;
}

function bytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${n} bytes`;
}

/** The report for the terminal: a first line that says it all, then one line per class of problem. */
export function verifyText(dir: string, r: VerifyReport): { out: string; err: string } {
  const what = `${r.tables.length} tables, ${r.rows.toLocaleString('en-US')} rows, ${r.files} files, ${bytes(r.bytes)}`;
  if (r.ok) return { out: `megagen: ${dir} verified: ${what} (${(r.elapsedMs / 1000).toFixed(1)} s): every file, checksum, record, key and foreign key ok\n`, err: '' };
  const first = r.problems[0]!;
  const lines = [`megagen: ${dir} failed verification: ${first.kind}: ${first.examples[0]}${first.count > 1 ? ` (and ${first.count - 1} more)` : ''}`];
  for (const p of r.problems) {
    lines.push(`  ${p.kind}: ${p.count.toLocaleString('en-US')}`);
    for (const e of p.examples) lines.push(`    ${e}`);
  }
  lines.push(`  checked ${what}`);
  return { out: '', err: lines.join('\n') + '\n' };
}

/** `megagen verify DIR`: exit 0 when everything checks, 1 with the problems otherwise. */
export async function verifyCommand(args: VerifyArgs, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const { verifyOutput } = await import('../../lib/verify/verify-output.js');
  const { conflictVerifyPlugin } = await import('../../lib/verify/conflict-checker-plugin.js');
  const r = await verifyOutput(args.dir, { plugins: [conflictVerifyPlugin()] });
  if (args.json) stdout.write(JSON.stringify(r, null, 2) + '\n');
  const text = verifyText(args.dir, r);
  if (!args.json) stdout.write(text.out);
  stderr.write(text.err);
  return r.ok ? 0 : 1;
}

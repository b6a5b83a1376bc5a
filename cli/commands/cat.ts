import type { Argv } from 'yargs';

export interface CatArgs {
  dir: string;
  table: string;
  format?: string;
}

export function catBuilder(y: Argv): Argv<CatArgs> {
  return y
    .positional('dir', { type: 'string', describe: 'an output directory (with manifest.json)', demandOption: true })
    .positional('table', { type: 'string', describe: 'the table to stream', demandOption: true })
    .option('format', { type: 'string', describe: "which of the run's formats to read (default: its first)" }) as unknown as Argv<CatArgs>;
}

/** `megagen cat DIR TABLE`: the table's rows as NDJSON on stdout, in order. */
export async function catCommand(args: CatArgs, stdout: NodeJS.WritableStream): Promise<void> {
  const { catTable } = await import('../../lib/verify/cat-table.js');
  await catTable(args.dir, args.table, stdout as unknown as import('node:stream').Writable, { format: args.format });
}

import type { Argv } from 'yargs';
import { mergeShards, MERGE_MODES, type MergeMode } from '../../lib/run/merge-shards.js';

export interface MergeArgs {
  out: string;
  dirs: string[];
  mode?: string;
}

export function mergeBuilder(y: Argv): Argv<MergeArgs> {
  return y
    .positional('out', { type: 'string', demandOption: true, describe: 'the merged output directory (new or empty)' })
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'the shard directories (written with --shard i/N)' })
    .option('mode', { type: 'string', choices: [...MERGE_MODES], describe: 'link (default: hard links, a copy across file systems), copy, or move' }) as unknown as Argv<MergeArgs>;
}

/** `megagen merge OUT DIR…`: joins shard directories into one whose manifest equals a one-machine run's. */
export async function mergeCommand(args: MergeArgs, stderr: NodeJS.WritableStream): Promise<void> {
  const r = await mergeShards(args.out, args.dirs, { mode: args.mode as MergeMode | undefined });
  const rows = Object.values(r.manifest.tables).reduce((s, t) => s + t.rows, 0);
  stderr.write(
    `megagen: merged ${args.dirs.length} shard${args.dirs.length === 1 ? '' : 's'} into ${args.out}/: ${rows.toLocaleString('en-US')} records, ` +
      `${r.files} files, ${(r.bytes / (1024 * 1024)).toFixed(1)} MiB (${args.mode ?? 'link'}${r.copiedInsteadOfLinked ? `, ${r.copiedInsteadOfLinked} copied across file systems` : ''})\n`,
  );
}

#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runBuilder, runCommand, type RunArgs } from './commands/run.js';
import type { VerifyConflictsArgs } from './commands/verify-conflicts.js';
import { resolvePipeline } from '../lib/api/resolve-pipeline.js';
import { loadBuilder, loadCommand, type LoadArgs } from './commands/load.js';
import { mergeBuilder, mergeCommand, type MergeArgs } from './commands/merge.js';
import { configBuilder, configCommand, type ConfigCommandArgs } from './commands/config.js';
import { catBuilder, catCommand, type CatArgs } from './commands/cat.js';
import { verifyBuilder, verifyCommand, type VerifyArgs } from './commands/verify.js';
import { EXIT_OK, EXIT_USAGE, errorLine, exitCodeFor } from './exit-codes.js';
import { isClosedPipe } from '../lib/sinks/stdout-sink.js';
import { tuneHeapForGeneration } from '../lib/run/heap-flags.js';

tuneHeapForGeneration();

// A reader that goes away (`| head`) ends the run quietly with status 0.
process.stdout.on('error', (err) => {
  if (isClosedPipe(err)) process.exit(EXIT_OK);
  process.stderr.write(`${errorLine(err)}\n`);
  process.exit(1);
});

function fail(err: unknown): never {
  process.stderr.write(`${errorLine(err)}\n`);
  process.exit(exitCodeFor(err));
}

async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName('megagen')
    .usage('$0 [command] [options]\n\nGenerates large, relationally consistent university course-management data.\nWith no command: runs the campus preset (1,000,000 records) into mega_output/.')
    .command<RunArgs>(['run [preset]', '$0'], 'generate a preset (default: campus)', runBuilder, async (args) => {
      await runCommand(args, process.stderr);
    })
    .command<LoadArgs>('load <dir>', 'load a --format sql output directory into PostgreSQL (megagen load DIR --db URL)', loadBuilder, async (args) => {
      await loadCommand(args, process.stderr);
    })
    .command<{ pipeline?: string }>('list [pipeline]', 'list presets (or one preset or pipeline file), their tables and columns', (y) => y.positional('pipeline', { type: 'string', describe: 'a preset name or a pipeline file (./my-pipeline.mjs)' }) as never, async (args) => {
      const { listText } = await import('./commands/list.js');
      process.stdout.write(listText(args.pipeline === undefined ? undefined : [await resolvePipeline(args.pipeline)]));
    })
    .command<{ dir: string }>('report <dir>', 'regenerate performance_report.txt and performance_charts.png from DIR/performance_reports/performance_data.json', (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'a megagen output directory' }) as never, async (args) => {
      const { reportCommand } = await import('./commands/report.js');
      await reportCommand(args, process.stderr);
    })
    .command<MergeArgs>('merge <out> <dirs..>', 'join the directories of --shard i/N runs into one, as a one-machine run would have written it', mergeBuilder, async (args) => {
      await mergeCommand(args, process.stderr);
    })
    .command<ConfigCommandArgs>('config [preset]', 'show the resolved configuration (flags > --config file > preset defaults) and where each value came from', configBuilder, async (args) => {
      await configCommand(args, process.stdout);
    })
    .command<CatArgs>('cat <dir> <table>', 'stream a table of an output directory as NDJSON on stdout', catBuilder, async (args) => {
      await catCommand(args, process.stdout);
    })
    .command<VerifyArgs>('verify <dir>', 'check an output directory: files, sizes, sha256, decompression, every record, keys and foreign keys', verifyBuilder, async (args) => {
      process.exitCode = await verifyCommand(args, process.stdout, process.stderr);
    })
    .command<VerifyConflictsArgs>('verify-conflicts [dir]', 're-detect every conflict in DIR (or NDJSON with _table on --stdin) and compare with its conflicts table', (y) => y.positional('dir', { type: 'string', describe: 'a megagen output directory' }).option('stdin', { type: 'boolean', describe: 'read NDJSON records with a _table field from stdin' }).option('json', { type: 'boolean', describe: 'print the report as one JSON line' }) as never, async (args) => {
      const { verifyConflictsCommand } = await import('./commands/verify-conflicts.js');
      process.exitCode = await verifyConflictsCommand(args, process.stdout, process.stdin);
    })
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`megagen: ${msg.replace(/\s*\n\s*/g, ' ')} (see megagen --help)\n`);
      process.exit(EXIT_USAGE);
    })
    .parseAsync();
}

main(hideBin(process.argv)).catch(fail);

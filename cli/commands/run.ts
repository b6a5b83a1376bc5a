import type { Argv, ArgumentsCamelCase } from 'yargs';
import { runPipeline, type RunSummary } from '../../lib/run/run-pipeline.js';
import { LOCALES } from '../../lib/pools/pools.js';
import { MAX_RECORDS, DEFAULT_SEED, DEFAULT_OUTPUT, type RunOptions } from '../../lib/run/run-options.js';
import { presets, DEFAULT_PRESET } from '../../pipelines/index.js';
import { parseCount, parseList, parseSeed } from '../parse-values.js';
import { invalidOption } from '../../lib/errors.js';
import { postgresSinkOptions, runPostgresCommand, type PostgresSinkArgs } from './run-postgres.js';
import type { PostgresRunSummary } from '../../lib/run/postgres-run.js';
import { resolveRun, type ConfigArgs } from '../resolve-run.js';
import { progressPrinter } from '../progress-lines.js';
import { parseConflictRate, CONFLICT_TYPES } from '../../lib/conflicts/options.js';
import { availableParallelism } from 'node:os';
import { isExplicit } from '../../lib/config/resolve-config.js';
import { parseClusterOptions, DEFAULT_MAX_RETRIES } from '../../lib/run/cluster-options.js';
import { DEFAULT_MEMORY_MB } from '../../lib/run/cluster-memory.js';

export interface RunArgs extends PostgresSinkArgs, ConfigArgs {
  preset?: string;
  records?: string;
  seed?: string;
  tables?: string[];
  locale?: string;
  batchSize?: string;
  output?: string;
  chunkSize?: string;
  maxFileSize?: string;
  compress?: string;
  compressLevel?: string;
  format?: string[];
  sqlDialect?: string;
  resume?: boolean;
  force?: boolean;
  conflicts?: string;
  conflictTypes?: string[];
  conflictDifficulty?: string;
  workers?: string;
  memory?: string;
  maxRetries?: string;
  shard?: string;
}

export function runBuilder(y: Argv): Argv<RunArgs> {
  return postgresSinkOptions(y)
    .positional('preset', { type: 'string', describe: `preset name (${[...presets.keys()].join(', ')}; default ${DEFAULT_PRESET}) or a pipeline file (./my-pipeline.mjs)` })
    .option('config', { alias: 'c', type: 'string', describe: 'config file (.yml/.yaml/.json) with the seed\'s keys (generation.target_records, batch_processing.batch_size, ...); flags win over it. See `megagen config --print`' })
    .option('scale', { type: 'string', choices: ['small', 'medium', 'large', 'huge'], describe: 'the seed\'s size names: small 10^4, medium 10^5, large 10^6, huge 10^7 records (--records wins)' })
    .option('monitor', { type: 'boolean', describe: 'progress on stderr (the seed\'s --monitor): bars per worker on a terminal, plain lines otherwise, one line per table with -o -; on by default when stderr is a terminal' })
    .option('streaming', { type: 'boolean', describe: '--no-streaming is accepted for the seed\'s scripts and changes nothing: megagen always streams, memory bounded by the batch size' })
    .option('records', { alias: ['target-records', 'n'], type: 'string', describe: 'target number of records (see `megagen list` for what each preset counts)' })
    .option('seed', { type: 'string', describe: `seed: same seed and options give byte-identical output (default ${DEFAULT_SEED})` })
    .option('tables', { alias: 't', type: 'string', array: true, describe: 'emit only these tables of the preset (comma-separated or repeated)' })
    .option('locale', { type: 'string', choices: [...LOCALES], describe: 'locale of names and vocabulary (default en)' })
    .option('batch-size', { alias: 'b', type: 'string', describe: 'rows per batch between stream stages (default 1000); does not change the output' })
    .option('output', { alias: 'o', type: 'string', describe: `output directory, or - for NDJSON on stdout (default ${DEFAULT_OUTPUT}/)` })
    .option('format', { alias: ['formats', 'f'], type: 'string', array: true, describe: 'file formats, comma-separated: ndjson (default), json, csv, sql' })
    .option('sql-dialect', { type: 'string', choices: ['postgres', 'mysql'], describe: 'dialect of --format sql: postgres (default) or mysql' })
    .option('compress', { type: 'string', describe: 'file compression: gzip (default), brotli, none' })
    .option('compress-level', { type: 'string', describe: 'gzip 1-9 or brotli 0-11 (default 1)' })
    .option('chunk-size', { type: 'string', describe: 'rows per chunk, the unit of work, file and checkpoint (default 1000000)' })
    .option('max-file-size', { alias: 'max-file-size-mb', type: 'string', describe: 'start a new part before a file passes this many MB (MiB) on disk (default 500)' })
    .option('resume', { type: 'boolean', describe: 'finish an unfinished output directory (same options), skipping finished chunks' })
    .option('force', { type: 'boolean', describe: 'replace the megagen files of a non-empty output directory' })
    .option('conflicts', { type: 'string', describe: 'share of eligible rows turned into labelled scheduling conflicts, 0..1 or 2% (default 0; preset conflicts: 0.02)' })
    .option('conflict-types', { type: 'string', array: true, describe: `conflict types to inject (default all: ${CONFLICT_TYPES.join(', ')})` })
    .option('conflict-difficulty', { type: 'string', describe: 'simple | medium | complex (default simple)' })
    .option('workers', { alias: 'max-workers', type: 'string', describe: `worker processes taking chunks from one queue (default: CPU count, ${availableParallelism()} here; 1 = one process); never changes the output` })
    .option('memory', { alias: 'max-memory-mb', type: 'string', describe: `memory limit of the whole run in MB, split between the workers (default ${DEFAULT_MEMORY_MB})` })
    .option('max-retries', { type: 'string', describe: `retries of a failed chunk (a crashed or killed worker) before the run stops, resumable (default ${DEFAULT_MAX_RETRIES})` })
    .option('shard', { type: 'string', describe: 'i/N: write only chunks k with k mod N == i (one machine of N); join the directories with megagen merge' }) as unknown as Argv<RunArgs>;
}

/** A positive number of MB (fractions allowed): names the bad text. */
function parseMegabytes(flag: string, text: unknown): number {
  const raw = String(text).trim();
  const n = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
  if (!(n > 0)) throw invalidOption(`${flag} must be a number of MB greater than 0 (got "${raw}")`);
  return n;
}

function humanCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The run options the flags give (undefined where a flag is absent); a config file fills the rest. */
export function flagRunOptions(args: ArgumentsCamelCase<RunArgs> | RunArgs): RunOptions {
  const tables = parseList(args.tables);
  return {
    records: args.records === undefined ? undefined : parseCount('--records', args.records, 1, MAX_RECORDS),
    seed: args.seed === undefined ? undefined : parseSeed(args.seed),
    tables: tables.length > 0 ? tables : undefined,
    locale: args.locale,
    batchSize: args.batchSize === undefined ? undefined : parseCount('--batch-size', args.batchSize, 1, 1_000_000),
    output: args.output,
    chunkSize: args.chunkSize === undefined ? undefined : parseCount('--chunk-size', args.chunkSize, 1, 1_000_000_000),
    maxFileSizeMb: args.maxFileSize === undefined ? undefined : parseMegabytes('--max-file-size', args.maxFileSize),
    compress: args.compress,
    compressLevel: args.compressLevel === undefined ? undefined : parseCount('--compress-level', args.compressLevel, 0, 11),
    formats: parseList(args.format).length > 0 ? parseList(args.format) : undefined,
    resume: args.resume,
    force: args.force,
    sqlDialect: args.sqlDialect,
    conflicts: args.conflicts === undefined ? undefined : parseConflictRate(args.conflicts),
    conflictTypes: parseList(args.conflictTypes).length > 0 ? parseList(args.conflictTypes) : undefined,
    conflictDifficulty: args.conflictDifficulty,
    workers: args.workers === undefined ? undefined : parseCount('--workers', args.workers, 1, 1_000_000),
    memoryMb: args.memory === undefined ? undefined : parseCount('--memory', args.memory, 1, 1_048_576),
    maxRetries: args.maxRetries === undefined ? undefined : parseCount('--max-retries', args.maxRetries, 0, 100),
    shard: args.shard,
  };
}

/** Runs a preset or pipeline file from parsed arguments; returns the summary for the caller to report. */
export async function runCommand(args: ArgumentsCamelCase<RunArgs> | RunArgs, stderr: NodeJS.WritableStream): Promise<RunSummary | PostgresRunSummary> {
  const run = await resolveRun(args, flagRunOptions(args));
  for (const note of run.config.notes) stderr.write(`megagen: note: ${note}\n`);
  if (args.sink !== undefined) return runPostgresCommand(run.pipeline, args, run.options, stderr);
  // --monitor: on by default when stderr is a terminal. Directory runs get live bars (TTY) or plain lines.
  const monitorSetting = run.config.settings.find((s) => s.key.path === 'optimization.enable_monitoring');
  const monitor = monitorSetting && isExplicit(monitorSetting) ? run.monitor : Boolean((stderr as { isTTY?: boolean }).isTTY);
  const toDirectory = (run.options.output ?? DEFAULT_OUTPUT) !== '-';
  if (toDirectory) for (const w of parseClusterOptions(run.options).warnings) stderr.write(`megagen: warning: ${w}\n`);
  const summary = await runPipeline(run.pipeline, {
    ...run.options,
    onProgress: monitor && !toDirectory ? progressPrinter(stderr) : undefined,
    // The bars' module (cli-progress) loads only for the runs that show them.
    progress: monitor && toDirectory ? (await import('../../lib/monitor/progress-reporter.js')).createProgressReporter(stderr) : undefined,
  });
  const output = run.options.output ?? DEFAULT_OUTPUT;
  if (!summary.closedPipe && summary.tables[0]?.path !== undefined) {
    const seconds = summary.elapsedMs / 1000;
    stderr.write(
      `megagen: wrote ${humanCount(summary.records)} records (${summary.tables.map((t) => `${t.name} ${humanCount(t.rows)}`).join(', ')}) ` +
        `to ${output}/ in ${seconds.toFixed(1)} s (${humanCount(Math.round(summary.records / seconds))} records/s)\n`,
    );
  }
  return summary;
}

import type { Argv, ArgumentsCamelCase } from 'yargs';
import { runPipeline, MegagenError, LOCALES, DEFAULT_SEED, DEFAULT_OUTPUT, type RunSummary } from '../../lib/index.js';
import { MAX_RECORDS, MIN_CAMPUS_RECORDS } from '../../lib/run/run-options.js';
import { presets, DEFAULT_PRESET } from '../../pipelines/index.js';
import { parseCount, parseList, parseSeed } from '../parse-values.js';
import { postgresSinkOptions, runPostgresCommand, type PostgresSinkArgs } from './run-postgres.js';
import type { PostgresRunSummary } from '../../lib/run/postgres-run.js';

export interface RunArgs extends PostgresSinkArgs {
  preset?: string;
  records?: string;
  seed?: string;
  tables?: string[];
  locale?: string;
  batchSize?: string;
  output?: string;
}

export function runBuilder(y: Argv): Argv<RunArgs> {
  return postgresSinkOptions(y)
    .positional('preset', { type: 'string', describe: `preset name (${[...presets.keys()].join(', ')})`, default: DEFAULT_PRESET })
    .option('records', { alias: ['target-records', 'n'], type: 'string', describe: 'target number of records (see `megagen list` for what each preset counts)' })
    .option('seed', { type: 'string', describe: `seed: same seed and options give byte-identical output (default ${DEFAULT_SEED})` })
    .option('tables', { alias: 't', type: 'string', array: true, describe: 'emit only these tables of the preset (comma-separated or repeated)' })
    .option('locale', { type: 'string', choices: [...LOCALES], describe: 'locale of names and vocabulary (default en)' })
    .option('batch-size', { alias: 'b', type: 'string', describe: 'rows per batch between stream stages (default 1000); does not change the output' })
    .option('output', { alias: 'o', type: 'string', describe: `output directory, or - for NDJSON on stdout (default ${DEFAULT_OUTPUT}/)` }) as unknown as Argv<RunArgs>;
}

function humanCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Runs a preset from parsed arguments; returns the summary for the caller to report. */
export async function runCommand(args: ArgumentsCamelCase<RunArgs> | RunArgs, stderr: NodeJS.WritableStream): Promise<RunSummary | PostgresRunSummary> {
  const name = args.preset ?? DEFAULT_PRESET;
  const pipeline = presets.get(name);
  if (!pipeline) throw new MegagenError('ERR_UNKNOWN_PRESET', `unknown preset "${name}" (choose from: ${[...presets.keys()].join(', ')})`);
  const common = {
    records:
      args.records === undefined
        ? undefined
        : parseCount('--records', args.records, pipeline.sizing === 'students' ? 1 : MIN_CAMPUS_RECORDS, MAX_RECORDS),
    seed: args.seed === undefined ? undefined : parseSeed(args.seed),
    tables: parseList(args.tables),
    locale: args.locale,
    batchSize: args.batchSize === undefined ? undefined : parseCount('--batch-size', args.batchSize, 1, 1_000_000),
    output: args.output,
  };
  if (args.sink !== undefined) return runPostgresCommand(pipeline, args, common, stderr);
  const summary = await runPipeline(pipeline, common);
  if (!summary.closedPipe && summary.tables[0]?.path !== undefined) {
    const seconds = summary.elapsedMs / 1000;
    stderr.write(
      `megagen: wrote ${humanCount(summary.records)} records (${summary.tables.map((t) => `${t.name} ${humanCount(t.rows)}`).join(', ')}) ` +
        `to ${args.output ?? DEFAULT_OUTPUT}/ in ${seconds.toFixed(1)} s (${humanCount(Math.round(summary.records / seconds))} records/s)\n`,
    );
  }
  return summary;
}

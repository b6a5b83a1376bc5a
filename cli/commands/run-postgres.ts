import type { Argv } from 'yargs';
import type { PostgresRunSummary } from '../../lib/run/postgres-run.js';
import type { PipelineDefinition } from '../../lib/pipeline.js';
import type { RunOptions } from '../../lib/run/run-options.js';
import { invalidOption } from '../../lib/errors.js';
import { parseCount } from '../parse-values.js';

/** Flags of `megagen run --sink postgres://…` (with the shared --chunk-size and --resume). */
export interface PostgresSinkArgs {
  sink?: string;
  truncate?: boolean;
  createSchema?: boolean;
  jobs?: string;
}

export function postgresSinkOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('sink', { type: 'string', describe: 'stream rows into PostgreSQL with COPY: postgres://user@host:port/database' })
    .option('truncate', { type: 'boolean', describe: 'with --sink: empty the tables first' })
    .option('create-schema', { type: 'boolean', describe: 'with --sink: create missing tables (default on; --no-create-schema refuses them)' })
    .option('jobs', { type: 'string', describe: 'with --sink: concurrent COPY connections (default 1)' }) as unknown as Argv<T>;
}

/** Runs a preset into PostgreSQL and reports one line on stderr. */
export async function runPostgresCommand(
  pipeline: PipelineDefinition,
  args: PostgresSinkArgs,
  common: RunOptions,
  stderr: NodeJS.WritableStream,
): Promise<PostgresRunSummary> {
  if (common.output !== undefined) throw invalidOption('--sink and --output cannot be used together');
  const { runToPostgres } = await import('../../lib/run/postgres-run.js'); // pg loads only for --sink
  const summary = await runToPostgres(pipeline, {
    ...common,
    // --chunk-size and --resume come in `common` (run flags shared with directory runs).
    sink: args.sink!,
    truncate: args.truncate,
    createSchema: args.createSchema,
    jobs: args.jobs === undefined ? undefined : parseCount('--jobs', args.jobs, 1, 64),
  });
  const seconds = summary.elapsedMs / 1000;
  const skipped = summary.records - summary.loadedRows;
  stderr.write(
    `megagen: loaded ${summary.loadedRows.toLocaleString('en-US')} rows into ${summary.target}` +
      (skipped > 0 ? ` (${skipped.toLocaleString('en-US')} already loaded, skipped)` : '') +
      ` in ${seconds.toFixed(1)} s (${Math.round(summary.loadedRows / Math.max(seconds, 1e-9)).toLocaleString('en-US')} rows/s)\n`,
  );
  return summary;
}

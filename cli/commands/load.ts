import type { Argv } from 'yargs';
import type { LoadSummary } from '../../lib/run/postgres-load.js';
import { invalidOption } from '../../lib/errors.js';
import { parseCount } from '../parse-values.js';

export interface LoadArgs {
  dir?: string;
  db?: string;
  jobs?: string;
  truncate?: boolean;
}

export function loadBuilder(y: Argv): Argv<LoadArgs> {
  return y
    .positional('dir', { type: 'string', describe: 'a finished output directory written with --format sql' })
    .option('db', { type: 'string', describe: 'postgres://user@host:port/database (password: in the URL or PGPASSWORD)' })
    .option('jobs', { alias: 'j', type: 'string', describe: 'parallel psql processes per table (default 1)' })
    .option('truncate', { type: 'boolean', describe: 'empty the tables first when they already hold rows' }) as unknown as Argv<LoadArgs>;
}

/** `megagen load DIR --db URL`: schema, then every table's SQL parts in dependency order, then FK indexes. */
export async function loadCommand(args: LoadArgs, stderr: NodeJS.WritableStream): Promise<LoadSummary> {
  const { loadDirectory } = await import('../../lib/run/postgres-load.js'); // pg loads only here
  if (!args.dir) throw invalidOption('megagen load needs an output directory: megagen load DIR --db postgres://…');
  if (!args.db) throw invalidOption('megagen load needs --db postgres://user@host:port/database');
  const s = await loadDirectory({
    dir: args.dir,
    db: args.db,
    jobs: args.jobs === undefined ? undefined : parseCount('--jobs', args.jobs, 1, 64),
    truncate: args.truncate,
  });
  const seconds = s.elapsedMs / 1000;
  stderr.write(
    `megagen: loaded ${s.rows.toLocaleString('en-US')} rows (${s.tables.map((t) => `${t.name} ${t.rows.toLocaleString('en-US')}`).join(', ')}) ` +
      `into ${s.target} in ${seconds.toFixed(1)} s (${Math.round(s.rows / Math.max(seconds, 1e-9)).toLocaleString('en-US')} rows/s)\n`,
  );
  return s;
}

import type { Argv, ArgumentsCamelCase } from 'yargs';
import { formatResolvedConfig, resolvedConfigJson } from '../../lib/config/resolve-config.js';
import { runBuilder, flagRunOptions, type RunArgs } from './run.js';
import { resolveRun } from '../resolve-run.js';

export interface ConfigCommandArgs extends RunArgs {
  print?: boolean;
  json?: boolean;
}

export function configBuilder(y: Argv): Argv<ConfigCommandArgs> {
  return runBuilder(y)
    .option('print', { type: 'boolean', default: true, describe: 'print the resolved configuration: every key, its value and where it came from (flag, config file:line:column, preset, default)' })
    .option('json', { type: 'boolean', describe: 'print it as JSON ({ key: { value, source } })' }) as unknown as Argv<ConfigCommandArgs>;
}

/** `megagen config --print [--config f] [run flags]`: the resolved config as text or JSON; nothing is generated. */
export async function configCommand(args: ArgumentsCamelCase<ConfigCommandArgs> | ConfigCommandArgs, stdout: NodeJS.WritableStream): Promise<void> {
  const run = await resolveRun(args, flagRunOptions(args));
  if (args.json) {
    stdout.write(`${JSON.stringify({ preset: run.pipeline.name, file: run.pipeline.file, config: resolvedConfigJson(run.config), notes: run.config.notes }, null, 2)}\n`);
    return;
  }
  stdout.write(`# preset ${run.pipeline.name}${run.pipeline.file ? ` (${run.pipeline.file})` : ''}; precedence: flags > config file > preset defaults\n`);
  stdout.write(formatResolvedConfig(run.config));
}

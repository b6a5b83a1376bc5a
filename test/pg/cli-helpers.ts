import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../lib/run/run-pipeline.js';
import { parseRunOptions } from '../../lib/run/run-options.js';
import { presets } from '../../pipelines/index.js';

export const CLI = fileURLToPath(new URL('../../cli/megagen.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Forks `node dist/cli/megagen.js ...args`; onStart gets the child (to kill it or watch it). */
export function megagen(args: string[], onStart?: (pid: number) => void): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (child.pid !== undefined) onStart?.(child.pid);
  });
}

/** Row count of each table of a preset at a record count, from the model (what a run must load). */
export function expectedRows(preset: string, records: number, seed?: number): Map<string, number> {
  const pipeline = presets.get(preset)!;
  const o = parseRunOptions(pipeline, { records, seed });
  const model = buildModel(pipeline, o);
  return new Map(o.tables.map((t) => [t, model.table(t).rows]));
}

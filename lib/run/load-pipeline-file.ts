import { access } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MegagenError } from '../errors.js';
import { definePipeline, type PipelineDefinition } from '../pipeline.js';

const RUNNABLE = ['.js', '.mjs', '.cjs'];

/** True when a preset argument names a file rather than a preset (`./x.mjs`, `a/b.js`). */
export function looksLikePipelineFile(name: string): boolean {
  return name.includes('/') || name.includes('\\') || /\.(c|m)?[jt]s$/i.test(name);
}

/**
 * Loads a user's pipeline file (`megagen run ./my-pipeline.mjs`): a module
 * whose default export (or `pipeline` export) is a pipeline definition. The
 * definition is checked by definePipeline and remembers its file, which every
 * error about it names.
 */
export async function loadPipelineFile(file: string): Promise<PipelineDefinition> {
  const ext = extname(file).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts')
    throw new MegagenError('ERR_PIPELINE', `${file}: compile TypeScript pipeline files first (tsc) and run the .js file`);
  if (!RUNNABLE.includes(ext)) throw new MegagenError('ERR_PIPELINE', `${file}: a pipeline file must end in .js, .mjs or .cjs (got "${ext || 'no extension'}")`);
  const path = resolve(file);
  try {
    await access(path);
  } catch {
    throw new MegagenError('ERR_PIPELINE', `${file}: no such pipeline file`);
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    const msg = (err as Error)?.message ?? String(err);
    throw new MegagenError('ERR_PIPELINE', `${file}: failed to load: ${msg.split('\n')[0]}`, { cause: err });
  }
  let def = mod.default ?? mod.pipeline;
  // A CommonJS file's module.exports arrives as the default export.
  if (def && typeof def === 'object' && !('name' in def) && 'default' in def) def = (def as { default: unknown }).default;
  if (def === null || typeof def !== 'object' || !('tables' in def)) {
    const names = Object.keys(mod);
    throw new MegagenError(
      'ERR_PIPELINE',
      `${file}: exports no pipeline (found ${names.length ? `exports ${names.join(', ')}` : 'no exports'}; write \`export default definePipeline({ ... })\`)`,
    );
  }
  try {
    return definePipeline({ ...(def as PipelineDefinition), file });
  } catch (err) {
    throw new MegagenError('ERR_PIPELINE', `${file}: ${(err as Error).message}`, { cause: err });
  }
}

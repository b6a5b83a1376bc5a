import { MegagenError } from '../errors.js';
import type { PipelineDefinition } from '../pipeline.js';
import { loadPipelineFile, looksLikePipelineFile } from '../run/load-pipeline-file.js';

/** The named presets (pipelines/), loaded on first use: they are built from this library, so not imported statically. */
export async function loadPresets(): Promise<ReadonlyMap<string, PipelineDefinition>> {
  const mod = await import('../../pipelines/index.js');
  return mod.presets;
}

/** A preset by name, or a pipeline file by path (`./my-pipeline.mjs`). */
export async function resolvePipeline(nameOrFile: string): Promise<PipelineDefinition> {
  if (looksLikePipelineFile(nameOrFile)) return loadPipelineFile(nameOrFile);
  const presets = await loadPresets();
  const p = presets.get(nameOrFile);
  if (!p) throw new MegagenError('ERR_UNKNOWN_PRESET', `unknown preset "${nameOrFile}" (choose from: ${[...presets.keys()].join(', ')}, or give a pipeline file like ./my-pipeline.mjs)`);
  return p;
}

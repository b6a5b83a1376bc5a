import type { RunOptions, PipelineDefinition } from '../lib/index.js';
import { CONFIG_KEYS, SCALES } from '../lib/config/config-keys.js';
import { layerFromFlags, type ConfigLayer } from '../lib/config/config-layer.js';
import { resolveConfig, resolvePreset, type ResolvedConfig } from '../lib/config/resolve-config.js';
import { resolvePipeline } from '../lib/api/resolve-pipeline.js';
import { DEFAULT_PRESET } from '../pipelines/index.js';
import { invalidOption } from '../lib/errors.js';

/** The flags every command that resolves a run shares (beyond the run options). */
export interface ConfigArgs {
  preset?: string;
  config?: string;
  scale?: string;
  monitor?: boolean;
  streaming?: boolean;
}

export interface ResolvedRun {
  pipeline: PipelineDefinition;
  config: ResolvedConfig;
  /** Run options: flags > config file > preset defaults. */
  options: RunOptions;
  monitor: boolean;
}

/**
 * Resolves what to run: the config file (if any) under the flags, the preset
 * or pipeline file they name, and the run options with the source of each.
 * `flagOptions` holds the run options the flags gave (undefined where absent).
 */
export async function resolveRun(args: ConfigArgs, flagOptions: RunOptions): Promise<ResolvedRun> {
  const layers: ConfigLayer[] = [];
  if (args.config !== undefined) {
    // The YAML parser loads only for a config file (20 ms of every start otherwise).
    const { loadConfigFile } = await import('../lib/config/load-config-file.js');
    layers.push(await loadConfigFile(args.config));
  }
  const flags = new Map<string, unknown>();
  const given = flagOptions as Record<string, unknown>;
  for (const key of CONFIG_KEYS) {
    // Only a key with a flag takes that flag's option (enable_compression does not take --compress).
    if (key.option && key.flag && given[key.option] !== undefined) flags.set(key.path, given[key.option]);
  }
  if (args.scale !== undefined) {
    if (!(args.scale in SCALES)) throw invalidOption(`--scale must be one of ${Object.keys(SCALES).join(', ')} (got "${args.scale}")`);
    flags.set('generation.scale', args.scale);
  }
  if (args.preset !== undefined) flags.set('generation.preset', args.preset);
  if (args.monitor !== undefined) flags.set('optimization.enable_monitoring', args.monitor);
  if (args.streaming !== undefined) flags.set('optimization.enable_streaming', args.streaming);
  layers.push(layerFromFlags(flags));
  const pipeline = await resolvePipeline(resolvePreset(layers, DEFAULT_PRESET).value);
  const config = resolveConfig(layers, pipeline);
  // Options the key table does not map yet still come through from their flags.
  const unmapped = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { pipeline, config, options: { ...unmapped, ...config.options }, monitor: config.get('optimization.enable_monitoring') === true };
}

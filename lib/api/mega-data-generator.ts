import { MegagenError } from '../errors.js';
import { definePipeline, type PipelineDefinition } from '../pipeline.js';
import { runPipeline, type RunSummary } from '../run/run-pipeline.js';
import type { ProgressListener } from '../run/progress-events.js';
import { layerFromApi, type ConfigLayer } from '../config/config-layer.js';
import { resolveConfig, resolvePreset, resolvedConfigJson, type ResolvedConfig } from '../config/resolve-config.js';
import { resolvePipeline } from './resolve-pipeline.js';

/**
 * The seed's `MegaGenerationConfig`, camelCase: every config-file key by the
 * camelCase of its last segment (`generation.target_records` ->
 * `targetRecords`), plus library-only fields.
 */
export interface MegaGenerationConfig {
  targetRecords?: number;
  /** small 10^4, medium 10^5, large 10^6, huge 10^7 records; targetRecords wins. */
  scale?: 'small' | 'medium' | 'large' | 'huge';
  seed?: number | string;
  locale?: string;
  /** A preset name, a pipeline file path, or a pipeline definition. Default campus. */
  preset?: string | PipelineDefinition;
  tables?: readonly string[] | string;
  batchSize?: number;
  /** Worker processes (the seed's max_workers); `megagen config --print` says what it does in this build. */
  maxWorkers?: number;
  /** Memory limit of the whole run in MB (the seed's max_memory_mb); `megagen config --print` says what it does in this build. */
  maxMemoryMb?: number;
  /** true: gzip, false: none (default true). `compress` picks brotli. */
  enableCompression?: boolean;
  /** megagen always streams; false changes nothing. */
  enableStreaming?: boolean;
  /** A directory run always journals finished chunks; false changes nothing. */
  enableCheckpoints?: boolean;
  /** Recorded; in the library, pass `onProgress` to see progress. */
  enableMonitoring?: boolean;
  /** File formats side by side: ndjson, json, csv, sql (default ndjson). */
  outputFormats?: readonly string[] | string;
  /** A directory, or `-` for NDJSON on `stdout`. Default mega_output. */
  outputDir?: string;
  /** Start a new part before a file passes this many MB (default 500). */
  maxFileSizeMb?: number;
  /** gzip (default), brotli or none. */
  compress?: 'gzip' | 'brotli' | 'none';
  /** gzip 1-9, brotli 0-11 (default 1). */
  compressLevel?: number;
  /** Rows per chunk: unit of work, file and checkpoint (default 1,000,000). */
  chunkSize?: number;
  /** Share of eligible rows turned into labelled scheduling conflicts (0..1; `conflicts.rate`). */
  conflicts?: number;
  /** Conflict types to inject (`conflicts.types`; default all). */
  conflictTypes?: readonly string[] | string;
  /** simple, medium or complex (`conflicts.difficulty`). */
  conflictDifficulty?: 'simple' | 'medium' | 'complex';
  /** A config file (.yml/.yaml/.json) read first: fields given here win over it. */
  configFile?: string;
  /** Where outputDir `-` writes. Default process.stdout. */
  stdout?: NodeJS.WritableStream;
  /** Progress events (tables starting, batches, tables written). */
  onProgress?: ProgressListener;
}

/** What generateMegaDataset returns: the run summary with the resolved config. */
export interface MegaDatasetResult extends RunSummary {
  /** Every config key: its value and where it came from. */
  config: Record<string, { value: unknown; source: string; pending?: string }>;
  /** Keys that were set but do less here than their names say (see the README). */
  notes: readonly string[];
}

const LIBRARY_ONLY = new Set(['configFile', 'stdout', 'onProgress']);

/**
 * The seed's entry point: `new MegaDataGenerator(config).generateMegaDataset()`.
 * The config is checked when constructed (unknown keys and wrong types throw
 * a MegagenError naming the key); precedence is config fields > configFile >
 * preset defaults.
 *
 * @example
 * const generator = new MegaDataGenerator({ targetRecords: 1_000_000, batchSize: 50_000, maxMemoryMb: 2048, maxWorkers: 8 });
 * const results = await generator.generateMegaDataset();
 */
export class MegaDataGenerator {
  readonly config: Readonly<MegaGenerationConfig>;
  private readonly apiLayer: ConfigLayer;

  constructor(config: MegaGenerationConfig = {}) {
    if (config === null || typeof config !== 'object') throw new MegagenError('ERR_INVALID_OPTION', `MegaDataGenerator config must be an object (got ${String(config)})`);
    this.config = Object.freeze({ ...config });
    const fields: Record<string, unknown> = { ...config };
    if (typeof config.preset === 'object') delete fields.preset; // a definition: not a config value
    this.apiLayer = layerFromApi(fields, 'MegaDataGenerator config', LIBRARY_ONLY);
    if (config.preset !== undefined && typeof config.preset !== 'string' && (typeof config.preset !== 'object' || config.preset === null))
      throw new MegagenError('ERR_INVALID_OPTION', `MegaDataGenerator config: preset must be a preset name, a pipeline file or a pipeline definition (got ${String(config.preset)})`);
  }

  /** Resolves the configuration without generating anything. */
  async resolveConfig(): Promise<{ pipeline: PipelineDefinition; config: ResolvedConfig }> {
    const layers: ConfigLayer[] = [];
    if (this.config.configFile !== undefined) {
      const { loadConfigFile } = await import('../config/load-config-file.js');
      layers.push(await loadConfigFile(this.config.configFile));
    }
    layers.push(this.apiLayer);
    const preset = this.config.preset;
    let pipeline: PipelineDefinition;
    if (preset !== undefined && typeof preset === 'object') pipeline = definePipeline(preset);
    else pipeline = await resolvePipeline(resolvePreset(layers, 'campus').value);
    return { pipeline, config: resolveConfig(layers, pipeline) };
  }

  /** Generates the dataset; resolves to the run summary (rows per table, timings, paths) and the resolved config. */
  async generateMegaDataset(): Promise<MegaDatasetResult> {
    const { pipeline, config } = await this.resolveConfig();
    const summary = await runPipeline(pipeline, { ...config.options, stdout: this.config.stdout, onProgress: this.config.onProgress });
    return { ...summary, config: resolvedConfigJson(config), notes: config.notes };
  }
}

import type { PipelineDefinition } from '../pipeline.js';
import { DEFAULT_OUTPUT, DEFAULT_SEED, type RunOptions } from '../run/run-options.js';
import { DEFAULT_BATCH_SIZE } from '../sources/table-source.js';
import { DEFAULT_CHUNK_SIZE, DEFAULT_GZIP_LEVEL, DEFAULT_MAX_FILE_SIZE_MB } from '../run/output-options.js';
import { CONFIG_KEYS, SCALES, type ConfigKey } from './config-keys.js';
import type { ConfigLayer, LayerEntry } from './config-layer.js';

/** One resolved key: its value and where that value came from. */
export interface Setting {
  readonly key: ConfigKey;
  /** undefined: not set anywhere and no default. */
  readonly value: unknown;
  /** `flag --records`, `mega.yml:3:3`, `preset campus`, `default`, `MegaDataGenerator targetRecords`. */
  readonly source: string;
  /** Index of the layer it came from (higher wins); -1 for defaults. */
  readonly rank?: number;
}

/** The resolved configuration: every key in table order, the run options it gives, and notes. */
export interface ResolvedConfig {
  readonly preset: string;
  readonly settings: readonly Setting[];
  /** The run options these settings give (records, seed, batchSize, ...). */
  readonly options: RunOptions;
  /**
   * One line per key that was set but does less here than its name says
   * (an option that has not landed, `enable_streaming: false`, ...).
   */
  readonly notes: readonly string[];
  get(path: string): unknown;
}

/** True for a value given in a file, the API or a flag (not a default or the preset's). */
export function isExplicit(s: Setting): boolean {
  return !s.source.startsWith('default') && s.source !== 'not set' && !s.source.startsWith('preset ');
}

/** The preset name (or pipeline file) the layers ask for, and where from. */
export function resolvePreset(layers: readonly ConfigLayer[], fallback: string): { value: string; source: string } {
  for (let i = layers.length - 1; i >= 0; i--) {
    const e = layers[i]!.entries.get('generation.preset');
    if (e) return { value: e.value as string, source: e.source };
  }
  return { value: fallback, source: 'default' };
}

function defaultOf(key: ConfigKey, pipeline: PipelineDefinition): Setting | undefined {
  const preset = `preset ${pipeline.name}`;
  switch (key.path) {
    case 'generation.target_records':
      return { key, value: pipeline.defaultRecords, source: preset };
    case 'conflicts.rate':
      return { key, value: pipeline.conflicts ?? 0, source: pipeline.conflicts ? preset : 'default' };
    case 'conflicts.difficulty':
      return { key, value: 'simple', source: 'default' };
    case 'generation.seed':
      return { key, value: DEFAULT_SEED, source: 'default' };
    case 'generation.locale':
      return { key, value: 'en', source: 'default' };
    case 'generation.tables':
      return { key, value: [...pipeline.tables], source: preset };
    case 'batch_processing.batch_size':
      return { key, value: DEFAULT_BATCH_SIZE, source: 'default' };
    case 'optimization.enable_streaming':
      return { key, value: true, source: 'default' };
    case 'optimization.enable_monitoring':
      return { key, value: process.stderr.isTTY === true, source: 'default (on when stderr is a terminal)' };
    case 'output.output_dir':
      return { key, value: DEFAULT_OUTPUT, source: 'default' };
    case 'optimization.enable_compression':
    case 'optimization.enable_checkpoints':
      return { key, value: true, source: 'default' };
    case 'output.output_formats':
      return { key, value: ['ndjson'], source: 'default' };
    case 'output.max_file_size_mb':
      return { key, value: DEFAULT_MAX_FILE_SIZE_MB, source: 'default' };
    case 'output.compress':
      return { key, value: 'gzip', source: 'default' };
    case 'output.compress_level':
      return { key, value: DEFAULT_GZIP_LEVEL, source: 'default' };
    case 'output.sql_dialect':
      return { key, value: 'postgres', source: 'default' };
    case 'output.chunk_size':
      return { key, value: DEFAULT_CHUNK_SIZE, source: 'default' };
    default:
      return undefined;
  }
}

/**
 * Resolves layers (lowest precedence first: config file, API, flags) over the
 * pipeline's defaults. Records: the highest layer that gives target_records or
 * scale wins; within a layer target_records wins over scale.
 */
export function resolveConfig(layers: readonly ConfigLayer[], pipeline: PipelineDefinition): ResolvedConfig {
  const settings: Setting[] = [];
  const notes: string[] = [];
  const top = (path: string): { entry: LayerEntry; rank: number } | undefined => {
    for (let i = layers.length - 1; i >= 0; i--) {
      const entry = layers[i]!.entries.get(path);
      if (entry) return { entry, rank: i };
    }
    return undefined;
  };
  for (const key of CONFIG_KEYS) {
    let setting: Setting | undefined;
    if (key.path === 'generation.target_records') {
      for (let i = layers.length - 1; i >= 0 && !setting; i--) {
        const records = layers[i]!.entries.get('generation.target_records');
        const scale = layers[i]!.entries.get('generation.scale');
        if (records) setting = { key, value: records.value, source: records.source, rank: i };
        else if (scale) setting = { key, value: SCALES[scale.value as string], source: `${scale.source} (scale ${scale.value as string})`, rank: i };
      }
    } else if (key.path === 'generation.preset') {
      const e = top(key.path);
      setting = { key, value: pipeline.name, source: e?.entry.source ?? 'default', rank: e?.rank ?? -1 };
    } else {
      const e = top(key.path);
      if (e) setting = { key, value: e.entry.value, source: e.entry.source, rank: e.rank };
    }
    setting ??= defaultOf(key, pipeline) ?? { key, value: undefined, source: 'not set' };
    settings.push(setting);
    if (!isExplicit(setting)) continue;
    const note = key.pending ?? key.note?.(setting.value);
    if (note) notes.push(`${key.path} = ${JSON.stringify(setting.value)} (${setting.source}): ${note}`);
  }
  const byPath = new Map(settings.map((s) => [s.key.path, s]));
  // Only values given somewhere become run options: defaults stay the run's own.
  // Two keys may set one option (enable_compression and compress): the higher
  // layer wins, and within a layer the later key of the table (the specific one).
  const options: Record<string, unknown> = {};
  const rankOf = new Map<string, number>();
  for (const s of settings) {
    const opt = s.key.option;
    if (!opt || s.value === undefined || !isExplicit(s)) continue;
    const rank = s.rank ?? 0;
    if (rank < (rankOf.get(opt) ?? -Infinity)) continue;
    rankOf.set(opt, rank);
    options[opt] = s.key.toOption ? s.key.toOption(s.value) : s.value;
  }
  return {
    preset: pipeline.name,
    settings,
    options: options as RunOptions,
    notes,
    get: (path) => byPath.get(path)?.value,
  };
}

/** The resolved config as text: one line per key, value and source; pending keys say what they do here. */
export function formatResolvedConfig(config: ResolvedConfig): string {
  const rows = config.settings.map((s) => {
    const value = s.value === undefined ? '-' : Array.isArray(s.value) ? s.value.join(',') : String(s.value);
    return [s.key.path, value, s.source, s.key.pending ? `(${s.key.pending})` : ''];
  });
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  const w2 = Math.max(...rows.map((r) => r[2]!.length));
  return rows.map((r) => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padEnd(w2)}  ${r[3]}`.trimEnd()).join('\n') + '\n';
}

/** The resolved config as plain JSON: { key: { value, source } }. */
export function resolvedConfigJson(config: ResolvedConfig): Record<string, { value: unknown; source: string; pending?: string }> {
  const out: Record<string, { value: unknown; source: string; pending?: string }> = {};
  for (const s of config.settings) out[s.key.path] = { value: s.value ?? null, source: s.source, ...(s.key.pending ? { pending: s.key.pending } : {}) };
  return out;
}

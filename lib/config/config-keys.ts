import { LOCALES } from '../pools/pools.js';
import { CONFLICT_TYPES } from '../conflicts/options.js';
import type { RunOptions } from '../run/run-options.js';
import { COMPRESSIONS, FORMATS } from '../run/output-options.js';
import { SQL_DIALECTS } from '../formats/sql-dialect.js';

/**
 * The one table of configuration keys: each line maps a key of a config file
 * (the seed's `mega_scale_config.yml` keys as they are, plus ours) to the run
 * option it sets, the CLI flag that overrides it, its type and what it does.
 *
 * Adding an option is one line here. A key whose option has not landed yet
 * has no `option` and a `pending` text saying what it does today: it is
 * accepted, kept in the resolved config and shown by `megagen config --print`,
 * never silently dropped.
 */

/** The value types a key accepts. */
export type KeyType =
  | { kind: 'count'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'string' }
  | { kind: 'seed' }
  | { kind: 'enum'; choices: readonly string[] }
  | { kind: 'list'; choices?: readonly string[] };

/** A setting the CLI consumes itself (not a library run option). */
export type CliSetting = 'preset' | 'monitor' | 'streaming';

export interface ConfigKey {
  /** Canonical dotted path, as `megagen config --print` shows it. */
  readonly path: string;
  /** Other accepted paths (the seed lists most keys both nested and flat). */
  readonly aliases: readonly string[];
  readonly type: KeyType;
  /** The library run option it sets. */
  readonly option?: keyof RunOptions;
  /** A setting the CLI consumes (preset name, progress lines, streaming). */
  readonly cli?: CliSetting;
  /** The CLI flag that overrides it (without the dashes). */
  readonly flag?: string;
  /** Its camelCase name in the library API when not the last segment's (`conflictDifficulty`). */
  readonly api?: string;
  /** What it does. */
  readonly description: string;
  /** For a key whose option has not landed: what it does here today. */
  readonly pending?: string;
  /** Turns the key's value into the option's (`enable_compression: true` -> compress 'gzip'). */
  readonly toOption?: (value: unknown) => unknown;
  /** A note for `megagen run` when a value does less than its name says (`enable_streaming: false`). */
  readonly note?: (value: unknown) => string | undefined;
}

export const MAX_RECORDS = 10_000_000_000;

/** The seed's scale names and the record counts of its performance table. */
export const SCALES: Readonly<Record<string, number>> = Object.freeze({
  small: 10_000,
  medium: 100_000,
  large: 1_000_000,
  huge: 10_000_000,
});

const count = (min: number, max: number): KeyType => ({ kind: 'count', min, max });
const bool: KeyType = { kind: 'boolean' };

export const CONFIG_KEYS: readonly ConfigKey[] = [
  // generation ---------------------------------------------------------------
  { path: 'generation.target_records', aliases: ['target_records', 'records'], type: count(1, MAX_RECORDS), option: 'records', flag: 'records',
    description: 'target number of records (what a preset counts: see `megagen list`); wins over scale' },
  { path: 'generation.scale', aliases: ['scale'], type: { kind: 'enum', choices: Object.keys(SCALES) }, flag: 'scale',
    description: 'seed size names: small 10^4, medium 10^5, large 10^6, huge 10^7 records (used when target_records is not given)' },
  { path: 'generation.seed', aliases: ['seed'], type: { kind: 'seed' }, option: 'seed', flag: 'seed',
    description: 'same seed and config give byte-identical output (integer or string)' },
  { path: 'generation.locale', aliases: ['locale'], type: { kind: 'enum', choices: LOCALES }, option: 'locale', flag: 'locale',
    description: 'locale of names and vocabulary' },
  { path: 'generation.preset', aliases: ['preset', 'pipeline'], type: { kind: 'string' }, cli: 'preset', flag: 'preset',
    description: 'preset name (see `megagen list`) or path of a pipeline file (.js/.mjs)' },
  { path: 'generation.tables', aliases: ['tables'], type: { kind: 'list' }, option: 'tables', flag: 'tables',
    description: "emit only these of the preset's tables" },
  // batch processing ---------------------------------------------------------
  { path: 'batch_processing.batch_size', aliases: ['batch_size'], type: count(1, 1_000_000), option: 'batchSize', flag: 'batch-size',
    description: 'rows per batch between stream stages; never changes the output' },
  { path: 'batch_processing.max_workers', aliases: ['max_workers', 'workers'], type: count(1, 1024), option: 'workers', flag: 'workers',
    description: 'worker processes taking chunks from one queue (default: CPU count); never changes the output' },
  { path: 'batch_processing.max_memory_mb', aliases: ['max_memory_mb', 'memory'], type: count(16, 1_048_576), option: 'memoryMb', flag: 'memory',
    description: 'memory limit of the whole run, MB: each worker gets a share (heap limit, smaller batches or a recycle past it)' },
  // optimisation -------------------------------------------------------------
  { path: 'optimization.enable_compression', aliases: ['enable_compression'], type: bool, option: 'compress', toOption: (v) => (v ? 'gzip' : 'none'),
    description: 'compress output files: true is gzip (level 1), false none; output.compress picks brotli' },
  { path: 'optimization.enable_streaming', aliases: ['enable_streaming'], type: bool, cli: 'streaming', flag: 'streaming',
    description: 'megagen always streams (memory is O(batch)); false (--no-streaming) is accepted and changes nothing',
    note: (v) => (v === false ? 'megagen always streams with memory bounded by the batch size; this changes nothing' : undefined) },
  { path: 'optimization.enable_checkpoints', aliases: ['enable_checkpoints'], type: bool,
    description: 'a directory run always journals its finished chunks (DIR/_journal.ndjson), so --resume can finish a killed run',
    note: (v) => (v === false ? 'a directory run always writes its journal (it is what makes --resume possible); this changes nothing' : undefined) },
  { path: 'optimization.enable_monitoring', aliases: ['enable_monitoring', 'monitor'], type: bool, cli: 'monitor', flag: 'monitor',
    description: 'progress on stderr: bars per worker on a terminal, plain lines otherwise (default: on when stderr is a terminal)' },
  // output -------------------------------------------------------------------
  { path: 'output.output_formats', aliases: ['output_formats', 'formats'], type: { kind: 'list', choices: FORMATS }, option: 'formats', flag: 'format',
    description: 'file formats written side by side (ndjson, json, csv, sql); stdout is always NDJSON' },
  { path: 'output.output_dir', aliases: ['output_dir', 'output'], type: { kind: 'string' }, option: 'output', flag: 'output',
    description: 'output directory, or - for NDJSON on stdout' },
  { path: 'output.max_file_size_mb', aliases: ['max_file_size_mb'], type: { kind: 'number', min: 0.001, max: 1_048_576 }, option: 'maxFileSizeMb', flag: 'max-file-size',
    description: 'a new part starts before a file passes this many MB on disk' },
  { path: 'output.compress', aliases: ['compress', 'compression'], type: { kind: 'enum', choices: COMPRESSIONS }, option: 'compress', flag: 'compress',
    description: 'file compression: gzip, brotli or none (wins over enable_compression in the same file)' },
  { path: 'output.compress_level', aliases: ['compress_level'], type: count(0, 11), option: 'compressLevel', flag: 'compress-level',
    description: 'gzip 1-9 or brotli 0-11' },
  { path: 'output.sql_dialect', aliases: ['sql_dialect'], type: { kind: 'enum', choices: SQL_DIALECTS }, option: 'sqlDialect', flag: 'sql-dialect',
    description: 'dialect of the sql format: postgres or mysql (needs sql among the formats)' },
  { path: 'output.chunk_size', aliases: ['chunk_size'], type: count(1, 1_000_000_000), option: 'chunkSize', flag: 'chunk-size',
    description: 'rows per chunk: the unit of work, file and checkpoint' },
  // conflicts ----------------------------------------------------------------
  { path: 'conflicts.rate', aliases: ['conflict_rate'], api: 'conflicts', type: { kind: 'number', min: 0, max: 1 }, option: 'conflicts', flag: 'conflicts',
    description: 'share of eligible rows turned into labelled scheduling conflicts, per type (0..1; preset conflicts: 0.02)' },
  { path: 'conflicts.types', aliases: ['conflict_types'], api: 'conflictTypes', type: { kind: 'list', choices: CONFLICT_TYPES }, option: 'conflictTypes', flag: 'conflict-types',
    description: 'conflict types to inject (default all)' },
  { path: 'conflicts.difficulty', aliases: ['conflict_difficulty'], api: 'conflictDifficulty', type: { kind: 'enum', choices: ['simple', 'medium', 'complex'] },
    option: 'conflictDifficulty', flag: 'conflict-difficulty',
    description: 'difficulty of injected scheduling conflicts: simple, medium or complex (with decoys)' },
];

/** Every accepted path (canonical and aliases) to its key. */
export const KEY_BY_PATH: ReadonlyMap<string, ConfigKey> = new Map(
  CONFIG_KEYS.flatMap((k) => [k.path, ...k.aliases].map((p) => [p, k] as const)),
);

/** The camelCase name of a key in the library API (`batch_processing.batch_size` -> `batchSize`). */
export function apiName(key: ConfigKey): string {
  if (key.api) return key.api;
  const last = key.path.slice(key.path.lastIndexOf('.') + 1);
  return last.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The camelCase API name to its key (`targetRecords`, `maxWorkers`, ...). */
export const KEY_BY_API_NAME: ReadonlyMap<string, ConfigKey> = new Map(CONFIG_KEYS.map((k) => [apiName(k), k]));

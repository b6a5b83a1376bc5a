import { invalidOption } from '../errors.js';
import { normaliseSeed } from '../random/hash.js';
import { isLocale, LOCALES, type Locale } from '../pools/pools.js';
import { DEFAULT_BATCH_SIZE } from '../sources/table-source.js';
import type { PipelineDefinition } from '../pipeline.js';
import { MegagenError } from '../errors.js';
import type { ProgressListener } from './progress-events.js';
import { parseOutputOptions, type OutputOptions, type ResolvedOutputOptions } from './output-options.js';
import { parseConflictOptions, type ResolvedConflictOptions } from '../conflicts/options.js';
import { parseClusterOptions, type ClusterOptions, type ResolvedClusterOptions } from './cluster-options.js';

/** Options of one run, as a user gives them. */
export interface RunOptions extends OutputOptions, ClusterOptions {
  /** Target record count (see the pipeline's sizing). */
  records?: number;
  /** Any safe integer or string. Default 42. */
  seed?: number | string;
  locale?: string;
  /** Rows per batch crossing stream boundaries. Default 1000. */
  batchSize?: number;
  /** Emit only these tables (a subset of the pipeline's). */
  tables?: readonly string[];
  /** `-` for NDJSON on stdout, else a directory. Default `mega_output`. */
  output?: string;
  /** Where `-` writes. Default process.stdout. */
  stdout?: NodeJS.WritableStream;
  /** Called as tables start, batches pass and tables end (see ProgressEvent). */
  onProgress?: ProgressListener;
  /** Share of eligible rows turned into labelled conflicts, 0..1 (default: the preset's, else 0). */
  conflicts?: number;
  /** Conflict types to inject (default all). */
  conflictTypes?: readonly string[];
  /** simple | medium | complex (default simple). */
  conflictDifficulty?: string;
}

export interface ResolvedRunOptions {
  records: number;
  seed: number | string;
  seed32: number;
  locale: Locale;
  batchSize: number;
  tables: readonly string[];
  output: string;
  stdout: NodeJS.WritableStream;
  onProgress?: ProgressListener;
  /** Directory runs only: chunking, files, formats, compression, resume. */
  out: ResolvedOutputOptions;
  /** Conflict injection; with a rate above 0 the tables end with `conflicts`. */
  conflicts: ResolvedConflictOptions;
  /** Directory runs only: workers, memory, retries, shard, progress (issue 4). */
  cluster: ResolvedClusterOptions;
}

/** Tables conflict injection reads and changes: a preset must emit them all to take --conflicts. */
const CONFLICT_TABLES = ['teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments'];

export const DEFAULT_SEED = 42;
export const DEFAULT_OUTPUT = 'mega_output';
export const MAX_RECORDS = 10_000_000_000;
/** The campus plan needs room for at least one block of every table. */
export const MIN_CAMPUS_RECORDS = 1000;

export function parseRunOptions(pipeline: PipelineDefinition, o: RunOptions = {}): ResolvedRunOptions {
  const records = o.records ?? pipeline.defaultRecords;
  const min = pipeline.sizing === 'students' ? 1 : MIN_CAMPUS_RECORDS;
  if (typeof records !== 'number' || !Number.isInteger(records) || records < min || records > MAX_RECORDS)
    throw invalidOption(`--records must be an integer from ${min} to ${MAX_RECORDS} for preset ${pipeline.name} (got ${records})`);
  const seed = o.seed ?? DEFAULT_SEED;
  if (typeof seed === 'number' && !Number.isSafeInteger(seed)) throw invalidOption(`--seed must be a safe integer or a string (got ${seed})`);
  if (typeof seed === 'string' && seed.length === 0) throw invalidOption('--seed must not be empty');
  const locale = o.locale ?? 'en';
  if (!isLocale(locale)) throw invalidOption(`unknown locale "${locale}" (choose one of: ${LOCALES.join(', ')})`);
  const batchSize = o.batchSize ?? DEFAULT_BATCH_SIZE;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000)
    throw invalidOption(`--batch-size must be an integer from 1 to 1000000 (got ${batchSize})`);
  const conflicts = parseConflictOptions({ rate: o.conflicts ?? pipeline.conflicts ?? 0, types: o.conflictTypes, difficulty: o.conflictDifficulty });
  if (conflicts.rate > 0 && !CONFLICT_TABLES.every((t) => pipeline.tables.includes(t)))
    throw invalidOption(`--conflicts needs a preset with the whole campus (campus, conflicts); preset ${pipeline.name} has no ${CONFLICT_TABLES.find((t) => !pipeline.tables.includes(t))}`);
  const all = conflicts.rate > 0 ? [...pipeline.tables, 'conflicts'] : pipeline.tables;
  let tables = all;
  if (o.tables && o.tables.length > 0) {
    for (const t of o.tables) {
      if (!all.includes(t))
        throw new MegagenError('ERR_UNKNOWN_TABLE', `unknown table "${t}" for preset ${pipeline.name} (choose from: ${all.join(', ')})`);
    }
    tables = all.filter((t) => o.tables!.includes(t));
    // The ground truth always comes with injected conflicts.
    if (conflicts.rate > 0 && !tables.includes('conflicts')) tables = [...tables, 'conflicts'];
  }
  const output = o.output ?? DEFAULT_OUTPUT;
  if (typeof output !== 'string' || output.length === 0) throw invalidOption(`--output must be a directory or - (got ${String(output)})`);
  return {
    records,
    seed,
    seed32: normaliseSeed(seed),
    locale,
    batchSize,
    tables,
    output,
    stdout: o.stdout ?? process.stdout,
    onProgress: o.onProgress,
    out: parseOutputOptions(o),
    conflicts,
    cluster: parseClusterOptions(o),
  };
}

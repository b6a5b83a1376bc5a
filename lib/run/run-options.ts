import { invalidOption } from '../errors.js';
import { normaliseSeed } from '../random/hash.js';
import { isLocale, LOCALES, type Locale } from '../pools/pools.js';
import { DEFAULT_BATCH_SIZE } from '../sources/table-source.js';
import type { PipelineDefinition } from '../pipeline.js';
import { MegagenError } from '../errors.js';
import type { ProgressListener } from './progress-events.js';
import { parseOutputOptions, type OutputOptions, type ResolvedOutputOptions } from './output-options.js';

/** Options of one run, as a user gives them. */
export interface RunOptions extends OutputOptions {
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
}

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
  let tables = pipeline.tables;
  if (o.tables && o.tables.length > 0) {
    for (const t of o.tables) {
      if (!pipeline.tables.includes(t))
        throw new MegagenError('ERR_UNKNOWN_TABLE', `unknown table "${t}" for preset ${pipeline.name} (choose from: ${pipeline.tables.join(', ')})`);
    }
    tables = pipeline.tables.filter((t) => o.tables!.includes(t));
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
  };
}

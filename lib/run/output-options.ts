import { invalidOption } from '../errors.js';
import { SQL_DIALECTS } from '../formats/sql-dialect.js';

export type SqlDialectName = (typeof SQL_DIALECTS)[number];

export const FORMATS = ['ndjson', 'json', 'csv', 'sql'] as const;
export type FormatName = (typeof FORMATS)[number];

export const COMPRESSIONS = ['gzip', 'brotli', 'none'] as const;
export type CompressionName = (typeof COMPRESSIONS)[number];

/** 1 MB of --max-file-size, in bytes (MiB). */
export const MB = 1 << 20;
export const DEFAULT_CHUNK_SIZE = 1_000_000;
export const DEFAULT_MAX_FILE_SIZE_MB = 500;
/** gzip level 1: see the README's "Output directory" section for the measurements behind it. */
export const DEFAULT_GZIP_LEVEL = 1;
export const DEFAULT_BROTLI_QUALITY = 1;
/** Uncompressed bytes per block: each block is one gzip member (DESIGN §6). */
export const DEFAULT_BLOCK_BYTES = 1 << 20;

/** How a directory run lays out its files, as a user gives it. */
export interface OutputOptions {
  /** Rows per chunk (the unit of work, output and checkpoint). Default 1,000,000. */
  chunkSize?: number;
  /** Start a new part before a file would pass this many MB (MiB) on disk. Default 500. */
  maxFileSizeMb?: number;
  /** Default gzip. */
  compress?: string;
  /** gzip 1..9, brotli 0..11. Default 1 for both. */
  compressLevel?: number;
  /** Formats written side by side. Default ['ndjson']. */
  formats?: readonly string[];
  /** Dialect of the sql format: postgres (default) or mysql. */
  sqlDialect?: string;
  /** Continue an unfinished output directory. */
  resume?: boolean;
  /** Replace megagen files already in the output directory. */
  force?: boolean;
}

/**
 * Everything that decides the bytes of a directory run's files (beside seed,
 * records, locale and tables). The journal's header stores it; --resume
 * requires it unchanged.
 */
export interface ResolvedOutputConfig {
  chunkSize: number;
  maxFileSizeMb: number;
  compress: CompressionName;
  compressLevel: number;
  formats: FormatName[];
  /** Dialect of the sql format; absent means postgres. */
  sqlDialect?: SqlDialectName;
  /** Uncompressed bytes per block, derived from maxFileSizeMb. */
  blockBytes: number;
}

export interface ResolvedOutputOptions extends ResolvedOutputConfig {
  resume: boolean;
  force: boolean;
}

function isFormat(s: string): s is FormatName {
  return (FORMATS as readonly string[]).includes(s);
}

/** Block size: 1 MiB, smaller for small --max-file-size so that a part always holds several blocks. */
export function blockBytesFor(maxFileBytes: number): number {
  return Math.max(256, Math.min(DEFAULT_BLOCK_BYTES, Math.floor(maxFileBytes / 8)));
}

export function parseOutputOptions(o: OutputOptions = {}): ResolvedOutputOptions {
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (typeof chunkSize !== 'number' || !Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 1_000_000_000)
    throw invalidOption(`--chunk-size must be an integer from 1 to 1000000000 (got ${chunkSize})`);
  const maxFileSizeMb = o.maxFileSizeMb ?? DEFAULT_MAX_FILE_SIZE_MB;
  if (typeof maxFileSizeMb !== 'number' || !Number.isFinite(maxFileSizeMb) || maxFileSizeMb < 0.001 || maxFileSizeMb > 1_000_000)
    throw invalidOption(`--max-file-size must be a number of MB from 0.001 to 1000000 (got ${maxFileSizeMb})`);
  const compress = o.compress ?? 'gzip';
  if (!(COMPRESSIONS as readonly string[]).includes(compress))
    throw invalidOption(`unknown compression "${compress}" (choose one of: ${COMPRESSIONS.join(', ')})`);
  const c = compress as CompressionName;
  const [lo, hi, dflt] = c === 'gzip' ? [1, 9, DEFAULT_GZIP_LEVEL] : c === 'brotli' ? [0, 11, DEFAULT_BROTLI_QUALITY] : [0, 0, 0];
  const compressLevel = o.compressLevel ?? dflt;
  if (c === 'none' && o.compressLevel !== undefined) throw invalidOption(`--compress-level needs --compress gzip or brotli (got --compress none)`);
  if (typeof compressLevel !== 'number' || !Number.isInteger(compressLevel) || compressLevel < lo || compressLevel > hi)
    throw invalidOption(`--compress-level must be an integer from ${lo} to ${hi} for ${c} (got ${compressLevel})`);
  const formats: FormatName[] = [];
  for (const f of o.formats && o.formats.length > 0 ? o.formats : ['ndjson']) {
    if (!isFormat(f)) throw invalidOption(`unknown format "${f}" (choose from: ${FORMATS.join(', ')})`);
    if (!formats.includes(f)) formats.push(f);
  }
  const sqlDialect = o.sqlDialect ?? 'postgres';
  if (!(SQL_DIALECTS as readonly string[]).includes(sqlDialect))
    throw invalidOption(`unknown SQL dialect "${sqlDialect}" (choose one of: ${SQL_DIALECTS.join(', ')})`);
  if (o.sqlDialect !== undefined && !formats.includes('sql')) throw invalidOption(`--sql-dialect needs --format sql (got --format ${formats.join(',')})`);
  if (o.resume && o.force) throw invalidOption('--resume and --force exclude each other (resume keeps finished chunks, force replaces them)');
  return {
    chunkSize,
    maxFileSizeMb,
    compress: c,
    compressLevel,
    formats,
    ...(sqlDialect !== 'postgres' ? { sqlDialect: sqlDialect as SqlDialectName } : {}),
    blockBytes: blockBytesFor(Math.floor(maxFileSizeMb * MB)),
    resume: o.resume ?? false,
    force: o.force ?? false,
  };
}

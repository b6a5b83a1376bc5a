import zlib from 'node:zlib';
import type { CompressionName } from '../run/output-options.js';

/**
 * gzip and none: every block is compressed alone (one gzip member each, a
 * part is a multi-member gzip that gzip, Python, Node and DuckDB read whole),
 * so blocks compress in parallel on libuv's thread pool and a block's size
 * on disk is known before it is placed in a part.
 */
export interface MemberCodec {
  readonly kind: 'members';
  readonly name: CompressionName;
  /** `.gz` or `` */
  readonly suffix: string;
  compress(buf: Buffer): Promise<Buffer>;
  /** Small constant text (part header, footer, block separator), compressed once. */
  constant(s: string): Buffer;
}

/** brotli: one stream per part (brotli streams do not concatenate), flushed after each block. */
export interface StreamCodec {
  readonly kind: 'stream';
  readonly name: CompressionName;
  readonly suffix: string;
  create(): zlib.BrotliCompress | zlib.Gzip;
  /** The flush that makes a block's bytes available (BROTLI_OPERATION_FLUSH, Z_SYNC_FLUSH). */
  readonly flushKind: number;
  /** An upper bound of the compressed size of n bytes (flushed). */
  bound(n: number): number;
}

export type BlockCodec = MemberCodec | StreamCodec;

export function gzipCodec(level: number): MemberCodec {
  return {
    kind: 'members',
    name: 'gzip',
    suffix: '.gz',
    compress: (buf) =>
      new Promise((resolve, reject) => {
        // chunkSize near the block size: one output buffer instead of many 16 KB
        // ones (DESIGN §6: 12.7 s vs 9.2 s per 10^7 rows).
        zlib.gzip(buf, { level, chunkSize: Math.max(64 * 1024, buf.length >> 1) }, (err, out) => (err ? reject(err) : resolve(out)));
      }),
    constant: (s) => (s.length === 0 ? Buffer.alloc(0) : zlib.gzipSync(Buffer.from(s, 'utf8'), { level })),
  };
}

export const noneCodec: MemberCodec = {
  kind: 'members',
  name: 'none',
  suffix: '',
  compress: (buf) => Promise.resolve(buf),
  constant: (s) => Buffer.from(s, 'utf8'),
};

export function brotliCodec(quality: number): StreamCodec {
  return {
    kind: 'stream',
    name: 'brotli',
    suffix: '.br',
    create: () =>
      zlib.createBrotliCompress({
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
      }),
    flushKind: zlib.constants.BROTLI_OPERATION_FLUSH,
    bound: (n) => n + (n >> 8) + 64,
  };
}

/**
 * gzip through one zlib.createGzip stream per part (flushed per block): the
 * alternative to independent members, kept for benchmarks/chunked-output.ts,
 * which measures both. Not selectable from the CLI.
 */
export function gzipStreamCodec(level: number): StreamCodec {
  return {
    kind: 'stream',
    name: 'gzip',
    suffix: '.gz',
    create: () => zlib.createGzip({ level, chunkSize: 1 << 20 }),
    flushKind: zlib.constants.Z_SYNC_FLUSH,
    bound: (n) => n + (n >> 10) + 64,
  };
}

export function blockCodec(name: CompressionName, level: number): BlockCodec {
  switch (name) {
    case 'gzip':
      return gzipCodec(level);
    case 'brotli':
      return brotliCodec(level);
    default:
      return noneCodec;
  }
}

/** A readable decompressor for a file name's suffix (.gz, .br or none), or null for none. */
export function decompressorFor(path: string): zlib.Gunzip | zlib.BrotliDecompress | null {
  if (path.endsWith('.gz')) return zlib.createGunzip();
  if (path.endsWith('.br')) return zlib.createBrotliDecompress();
  return null;
}

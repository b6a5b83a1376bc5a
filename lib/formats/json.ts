import type { Row, TableSpec } from '../model/schema.js';
import type { BlockFormat, BlockFormatOptions } from './block-format.js';
import { compileNdjson } from './ndjson.js';
import { compileNdjsonBytes } from './ndjson-bytes.js';

/**
 * JSON: each part is one array, one element per line, commas leading:
 *
 *     [
 *     {"id":1,...}
 *     ,{"id":2,...}
 *     ]
 *
 * Element n (0-based) of a part is on line n + 2. The array is streamed out
 * block by block, never built in memory; leading commas let a block be cut
 * after any row without knowing whether another follows.
 */
export function jsonBlockFormat(spec: TableSpec, options: BlockFormatOptions = {}): BlockFormat {
  const line = compileNdjson(spec, { trusted: options.trusted });
  const bytes = compileNdjsonBytes(spec, { trusted: options.trusted });
  const rowBytes = (r: Row, b: Buffer, o: number, i: number): number => {
    if (i === 0) return bytes(r, b, o);
    b[o] = 0x2c; // ','
    return bytes(r, b, o + 1);
  };
  return {
    name: 'json',
    ext: 'json',
    partHeader: '[\n',
    partFooter: ']\n',
    blockSeparator: ',',
    blockEnd: '',
    row: (r, i) => (i === 0 ? line(r) : ',' + line(r)),
    rowBytes: Object.assign(rowBytes, { reserve: bytes.reserve + 1 }),
  };
}

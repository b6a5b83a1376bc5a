import type { TableSpec } from '../model/schema.js';
import type { BlockFormat, BlockFormatOptions } from './block-format.js';
import { compileNdjson } from './ndjson.js';
import { compileNdjsonBytes } from './ndjson-bytes.js';

/** NDJSON in files: one object per line, nothing between parts. */
export function ndjsonBlockFormat(spec: TableSpec, options: BlockFormatOptions = {}): BlockFormat {
  const line = compileNdjson(spec, { trusted: options.trusted });
  return {
    name: 'ndjson',
    ext: 'ndjson',
    partHeader: '',
    partFooter: '',
    blockSeparator: '',
    blockEnd: '',
    row: (r) => line(r),
    rowBytes: compileNdjsonBytes(spec, { trusted: options.trusted }),
  };
}

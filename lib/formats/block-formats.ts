import type { TableSpec } from '../model/schema.js';
import type { FormatName } from '../run/output-options.js';
import type { BlockFormat, BlockFormatFactory, BlockFormatOptions } from './block-format.js';
import { ndjsonBlockFormat } from './ndjson-block.js';
import { jsonBlockFormat } from './json.js';
import { csvBlockFormat } from './csv.js';
import { sqlBlockFormat } from './sql.js';

const FACTORIES: Record<FormatName, BlockFormatFactory> = {
  ndjson: ndjsonBlockFormat,
  json: jsonBlockFormat,
  csv: csvBlockFormat,
  sql: (spec, options) => sqlBlockFormat(spec, { dialect: options?.sqlDialect }),
};

/** The file layout of a format for one table. */
export function blockFormat(name: FormatName, spec: TableSpec, options: BlockFormatOptions = {}): BlockFormat {
  return FACTORIES[name](spec, options);
}

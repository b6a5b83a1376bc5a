import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileNdjson } from '../../lib/index.js';
import { SERIALIZER_OPTIONS, presetTableRows } from '../helpers/generate.js';
import { presets } from '../../pipelines/index.js';

// The compiled serializer must write exactly what JSON.stringify writes for
// the same row (key order = column order), trusted or not, with or without
// the "_table" prefix. JSON.stringify is the reference, not the expectation.

for (const name of presets.keys()) {
  for (const locale of ['en', 'zh_CN']) {
    test(`${name} (${locale}): every compiled NDJSON line equals JSON.stringify of its row`, () => {
      for (const { table, spec, rows } of presetTableRows(name, locale)) {
        for (const { trusted, tableField } of SERIALIZER_OPTIONS) {
          const line = compileNdjson(spec, { trusted, tableField });
          for (const [i, row] of rows.entries()) {
            const expected = tableField ? `{"_table":${JSON.stringify(table)},${JSON.stringify(row).slice(1)}\n` : `${JSON.stringify(row)}\n`;
            const got = line(row);
            if (got !== expected) assert.equal(got, expected, `${table} row ${i + 1} (trusted ${trusted}, tableField ${tableField})`);
          }
        }
      }
    });
  }
}

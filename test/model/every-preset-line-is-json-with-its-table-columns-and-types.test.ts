import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNdjson, preset, presetModel, runToBuffer } from '../helpers/generate.js';
import { rowProblem } from '../helpers/schema-check.js';
import { presets } from '../../pipelines/index.js';
import { conflictsSpec } from '../../lib/model/tables/conflicts.js';

const SIZES: Record<string, number> = { campus: 20_000, students: 2_000, timetable: 5_000 };

for (const name of presets.keys()) {
  for (const locale of ['en', 'zh_CN']) {
    test(`every ${name} line (${locale}) parses as JSON with exactly its table's columns, in order, typed and in range`, async () => {
      const records = SIZES[name] ?? 2_000;
      const p = preset(name);
      const model = presetModel(name, { records, locale });
      const rows = parseNdjson(await runToBuffer(name, { records, locale }));
      const several = p.tables.length > 1;
      let at = 0;
      for (const table of p.tables) {
        const spec = model.table(table).spec;
        const n = model.table(table).rows;
        assert.ok(n > 0, `${table} has rows`);
        for (let i = 0; i < n; i++, at++) {
          const row = rows[at];
          assert.ok(row, `${table}: output ended after ${i} of ${n} rows`);
          let body = row;
          if (several) {
            const { _table, ...rest } = row;
            assert.equal(Object.keys(row)[0], '_table', `${table} row ${i + 1}: "_table" first`);
            assert.equal(_table, table, `row ${at + 1}: tables in dependency order`);
            body = rest;
          }
          const problem = rowProblem(spec, body);
          assert.equal(problem, null, `${table} row ${i + 1}: ${problem}\n${JSON.stringify(row)}`);
          assert.equal(body.id, i + 1, `${table}: ids are dense and in order`);
        }
      }
      // A preset that injects conflicts ends with their ground truth, the conflicts table.
      for (let i = 0; at < rows.length && p.conflicts; i++, at++) {
        const { _table, ...body } = rows[at]!;
        assert.equal(_table, 'conflicts', `row ${at + 1}: the conflicts table comes last`);
        const problem = rowProblem(conflictsSpec, body);
        assert.equal(problem, null, `conflicts row ${i + 1}: ${problem}\n${JSON.stringify(rows[at])}`);
        assert.equal(body.id, i + 1, 'conflicts: ids are dense and in order');
      }
      assert.equal(rows.length, at, 'no rows after the last table');
    });
  }
}

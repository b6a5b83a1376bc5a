import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNdjson, presetModel, runToBuffer, splitByTable } from '../helpers/generate.js';
import { presets } from '../../pipelines/index.js';

const SIZES: Record<string, number> = { campus: 30_000, timetable: 5_000 };

for (const name of presets.keys()) {
  test(`${name}: every foreign key points at an existing row`, async () => {
    const records = SIZES[name] ?? 2_000;
    const model = presetModel(name, { records });
    const tables = presets.get(name)!.tables;
    const rows = parseNdjson(await runToBuffer(name, { records }));
    const byTable = tables.length > 1 ? splitByTable(rows) : new Map([[tables[0]!, rows]]);
    const ids = new Map<string, Set<unknown>>();
    for (const [t, list] of byTable) ids.set(t, new Set(list.map((r) => r.id)));
    let checked = 0;
    for (const table of tables) {
      for (const col of model.table(table).spec.columns) {
        if (!col.references) continue;
        const target = ids.get(col.references);
        // A preset without the referenced table (students alone) still must
        // point inside the model's range of ids.
        const size = model.table(col.references).rows;
        for (const row of byTable.get(table) ?? []) {
          const v = row[col.name];
          if (v === null && col.nullable) continue;
          checked++;
          if (target) assert.ok(target.has(v), `${table} ${row.id}: ${col.name} = ${String(v)} has no ${col.references} row`);
          else assert.ok(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= size, `${table} ${row.id}: ${col.name} = ${String(v)} outside 1..${size}`);
        }
      }
    }
    assert.ok(checked > 0 || name === 'students' || tables.every((t) => !model.table(t).spec.columns.some((c) => c.references)), 'some keys checked');
  });
}

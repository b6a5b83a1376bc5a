import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createRelationResolver, generateBatches, relationsStage, type Batch } from '../../lib/index.js';
import { collectRows, presetModel } from '../helpers/generate.js';

async function throughStage(batches: Batch[], stage: ReturnType<typeof relationsStage>): Promise<Batch[]> {
  const out: Batch[] = [];
  await pipeline(
    Readable.from(batches, { objectMode: true }),
    stage,
    new Writable({ objectMode: true, write(b: Batch, _e, done) { out.push(b); done(); } }),
  );
  return out;
}

for (const table of ['teachers', 'students', 'courses', 'sections', 'enrollments']) {
  test(`the relations stage fills every foreign key of ${table}, the same for any batch split`, async () => {
    const model = presetModel('campus', { records: 10_000, seed: 3 });
    const t = model.table(table);
    const expected = collectRows(t);
    const relationCols = t.spec.columns.filter((c) => c.relation).map((c) => c.name);
    assert.ok(relationCols.length > 0);
    for (const batchSize of [1, 97, t.rows]) {
      const out = await throughStage([...generateBatches(t, { batchSize, start: 0 })], relationsStage(t));
      const rows = out.flatMap((b) => b.rows);
      assert.equal(rows.length, expected.length);
      rows.forEach((r, i) => {
        for (const c of relationCols) assert.equal(r[c], expected[i]![c], `${table} row ${i + 1} ${c} (batch ${batchSize})`);
        for (const c of relationCols) if (!t.spec.columns.find((x) => x.name === c)!.nullable) assert.ok((r[c] as number) >= 1, `${table} row ${i + 1}: ${c} filled`);
      });
    }
  });
}

test('a batch that starts mid-table is resolved by its own indices', () => {
  const t = presetModel('campus', { records: 10_000, seed: 3 }).table('enrollments');
  const expected = collectRows(t, 5000, 5100);
  const resolve = createRelationResolver(t)!;
  const [batch] = [...generateBatches(t, { start: 5000, end: 5100, batchSize: 100 })];
  assert.deepStrictEqual(resolve(batch!).rows, expected);
});

test('a table without relations passes through the stage unchanged', async () => {
  const t = presetModel('campus', { records: 10_000 }).table('classrooms');
  assert.equal(createRelationResolver(t), null);
  const batches = [...generateBatches(t, { batchSize: 10 })];
  const copy = structuredClone(batches);
  assert.deepStrictEqual(await throughStage(batches, relationsStage(t)), copy);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateBatches, indexSource, MegagenError, tableSource, type Batch, type IndexBatch, type TableModel } from '../../lib/index.js';
import { presetModel } from '../helpers/generate.js';

/** A table whose row i is { id: i + 1 }, counting how many rows were generated. */
function countingTable(rows: number): TableModel & { generated: number } {
  const t = {
    generated: 0,
    spec: { name: 'counting', columns: [{ name: 'id', type: 'int' as const }] },
    rows,
    createGenerator() {
      return (i: number) => {
        t.generated++;
        return { id: i + 1 };
      };
    },
    createResolver: () => null,
  };
  return t;
}

async function drain(source: AsyncIterable<Batch>): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of source) out.push(b);
  return out;
}

for (const [start, end, batchSize] of [[0, 100, 7], [0, 100, 100], [0, 100, 1000], [13, 14, 5], [50, 50, 3], [99, 100, 1], [10, 95, 10]] as const) {
  test(`tableSource rows [${start}, ${end}) in batches of ${batchSize}: every index once, in order, batch.start right`, async () => {
    const table = countingTable(100);
    const batches = await drain(tableSource(table, { start, end, batchSize }));
    const ids = batches.flatMap((b) => b.rows.map((r) => r.id as number));
    assert.deepStrictEqual(ids, Array.from({ length: end - start }, (_, i) => start + i + 1));
    for (const b of batches) {
      assert.equal(b.table, 'counting');
      assert.equal(b.rows[0]!.id, b.start + 1, 'batch.start is the index of its first row');
      assert.ok(b.rows.length >= 1 && b.rows.length <= batchSize);
    }
    assert.ok(batches.slice(0, -1).every((b) => b.rows.length === batchSize), 'only the last batch is short');
    assert.equal(table.generated, end - start, 'no row generated twice or outside the range');
  });
}

test('indexSource cuts the same ranges as tableSource, generating nothing', async () => {
  for (const [start, end, batchSize] of [[0, 100, 7], [13, 14, 5], [50, 50, 3], [10, 95, 10]] as const) {
    const table = countingTable(100);
    const rows = await drain(tableSource(table, { start, end, batchSize }));
    table.generated = 0;
    const ranges: IndexBatch[] = [];
    for await (const b of indexSource(table, { start, end, batchSize })) ranges.push(b as IndexBatch);
    assert.deepStrictEqual(
      ranges.map((b) => [b.table, b.start, b.end]),
      rows.map((b) => [b.table, b.start, b.start + b.rows.length]),
    );
    assert.equal(table.generated, 0);
  }
  assert.throws(() => indexSource(countingTable(10), { end: 11 }), MegagenError);
});

test('tableSource and generateBatches give the same batches of a real table', async () => {
  const t = presetModel('campus', { records: 5_000 }).table('enrollments');
  const a = await drain(tableSource(t, { start: 100, end: 3_000, batchSize: 333 }));
  const b = [...generateBatches(t, { start: 100, end: 3_000, batchSize: 333 })];
  assert.deepStrictEqual(a, b);
});

test('tableSource waits for its reader: it runs at most a few batches ahead (backpressure)', async () => {
  const table = countingTable(1_000_000);
  const source = tableSource(table, { batchSize: 100 });
  const it = source[Symbol.asyncIterator]();
  await it.next();
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(table.generated <= 5 * 100, `${table.generated} rows generated while the reader took one batch`);
  await it.return?.();
  source.destroy();
});

test('a bad range or batch size is a MegagenError naming the value', () => {
  const table = countingTable(10);
  for (const o of [{ start: -1 }, { end: 11 }, { start: 5, end: 4 }, { batchSize: 0 }, { batchSize: 1.5 }, { start: 0.5 }]) {
    assert.throws(
      () => [...generateBatches(table, o)],
      (err: unknown) => err instanceof MegagenError && err.code === 'ERR_INVALID_OPTION' && err.message.includes(String(Object.values(o).at(-1))),
      JSON.stringify(o),
    );
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planChunks, chunkCount, chunkStem } from '../../lib/run/chunk-plan.js';
import type { TableModel } from '../../lib/model/schema.js';

const fake = (name: string, rows: number) => ({ spec: { name, columns: [] }, rows }) as unknown as TableModel;

test('chunks cover every row of every table once, in table then chunk order', () => {
  for (const size of [1, 7, 1000, 2500, 10_000]) {
    const tables = [fake('a', 2500), fake('b', 1), fake('c', 9999)];
    const tasks = planChunks(tables, size);
    for (const t of tables) {
      const mine = tasks.filter((k) => k.table === t.spec.name);
      assert.equal(mine.length, chunkCount(t.rows, size));
      let next = 0;
      mine.forEach((k, i) => {
        assert.equal(k.chunk, i);
        assert.equal(k.start, next);
        assert.ok(k.end > k.start && k.end - k.start <= size);
        next = k.end;
      });
      assert.equal(next, t.rows);
    }
    assert.deepEqual([...new Set(tasks.map((k) => k.table))], ['a', 'b', 'c']);
  }
});

test('chunk file stems are zero-padded to six digits', () => {
  assert.equal(chunkStem('students', 3), 'students-000003');
  assert.equal(chunkStem('enrollments', 123456), 'enrollments-123456');
});

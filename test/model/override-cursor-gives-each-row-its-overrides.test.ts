import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OverrideCursor } from '../../lib/model/override-cursor.js';

// Index writers ask an OverrideCursor for every row: rows in order, rows
// again after a retry, and jumps to another chunk must all get exactly the
// overrides of their own row.
test('an override cursor gives each row its overrides, in order, again, backwards and by jumps', () => {
  const changed = [3, 4, 10, 11, 12, 40, 41, 99];
  const cursor = new OverrideCursor({ rows: Float64Array.from(changed), at: (k) => ({ row: changed[k] }) });
  const visits = [...Array(120).keys(), 50, 3, 3, 99, 0, 41, 41, 12, 100, 11, 4, 5];
  for (const i of visits) assert.deepEqual(cursor.of(i), changed.includes(i) ? { row: i } : undefined, `row ${i}`);
});

test('a cursor without overrides gives none', () => {
  const cursor = new OverrideCursor(undefined);
  for (const i of [0, 1, 2, 7, 3]) assert.equal(cursor.of(i), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SparseRows } from '../../lib/conflicts/sparse-rows.js';

// The plan builder's changes live in SparseRows: it must answer exactly as a
// Map of rows would, through growth, for keys beyond 32 bits, and sort alike.
test('sparse rows answer like a Map of rows, grow, and sort their rows', () => {
  const rows = new SparseRows(2, 4);
  const ref = new Map<number, [number, number]>();
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  for (let n = 0; n < 5000; n++) {
    // Small keys, repeats, and keys above 2^32 (enrollment indices of a huge run).
    const key = n % 3 === 0 ? next() % 500 : n % 3 === 1 ? next() : next() * 4096 + (n & 7);
    const c = n & 1;
    const v = n * 0.5;
    // set() on a new key may grow the columns while it runs: the value must land in the new ones.
    rows.set(key, c, v);
    const r = ref.get(key) ?? [NaN, NaN];
    r[c] = v;
    ref.set(key, r);
  }
  assert.equal(rows.size, ref.size);
  for (const [key, [a, b]] of ref) {
    assert.ok(rows.has(key));
    assert.ok(Object.is(rows.get(key, 0), a) && Object.is(rows.get(key, 1), b), `row ${key}`);
    assert.equal(rows.at(rows.find(key), 0), rows.get(key, 0));
  }
  assert.equal(rows.find(7_777_777_777), -1);
  assert.ok(Number.isNaN(rows.get(7_777_777_777, 0)));
  const { keys, columns } = rows.sorted();
  const sortedKeys = [...ref.keys()].sort((a, b) => a - b);
  assert.deepEqual([...keys], sortedKeys);
  sortedKeys.forEach((key, k) => {
    assert.ok(Object.is(columns[0]![k], ref.get(key)![0]) && Object.is(columns[1]![k], ref.get(key)![1]));
  });
});

test('put and slot write the row a slot names', () => {
  const rows = new SparseRows(1);
  const s = rows.slot(42);
  assert.equal(rows.slot(42), s, 'the same slot for the same row');
  assert.ok(Number.isNaN(rows.at(s, 0)), 'a new row has no values');
  rows.put(s, 0, 3);
  assert.equal(rows.get(42, 0), 3);
});

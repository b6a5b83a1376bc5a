import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNdjson, runToBuffer } from '../helpers/generate.js';
import { runCli, linesOf } from '../helpers/cli.js';

for (const n of [1, 2, 7, 8, 9, 63, 500, 4_321]) {
  test(`students --records ${n} gives exactly ${n} rows with ids 1..${n}`, async () => {
    const rows = parseNdjson(await runToBuffer('students', { records: n }));
    assert.equal(rows.length, n);
    rows.forEach((row, i) => assert.equal(row.id, i + 1));
    assert.equal(new Set(rows.map((r) => r.student_no)).size, n, 'student_no unique');
    assert.equal(new Set(rows.map((r) => r.email)).size, n, 'email unique');
  });
}

test('megagen run students --records 1234 -o - prints exactly 1234 lines', () => {
  const r = runCli(['run', 'students', '--records', '1234', '-o', '-']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(linesOf(r.stdout).length, 1234);
  assert.equal(r.stderr, '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNdjson, runToBuffer } from '../helpers/generate.js';
import { runCli, linesOf } from '../helpers/cli.js';
import { CAMPUS_TABLES } from '../../lib/index.js';

test('-o - with several tables starts every line with "_table" and keeps dependency order', async () => {
  const text = (await runToBuffer('campus', { records: 5_000 })).toString('utf8');
  const lines = linesOf(text);
  const seen: string[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^\{"_table":"([a-z_]+)",/.exec(line);
    assert.ok(m, `line ${i + 1} does not start with {"_table":"...": ${line.slice(0, 80)}`);
    if (seen.at(-1) !== m[1]) seen.push(m[1]!);
  }
  assert.deepStrictEqual(seen, [...CAMPUS_TABLES], 'each table once, in dependency order');
});

test('-o - with one table writes its rows as they are, without "_table"', async () => {
  for (const rows of [parseNdjson(await runToBuffer('students', { records: 100 })), parseNdjson(await runToBuffer('campus', { records: 5_000, tables: ['sections'] }))]) {
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(!('_table' in row), JSON.stringify(row));
  }
});

test('--tables picks tables of a preset and keeps dependency order whatever the order asked', () => {
  const r = runCli(['run', 'campus', '--records', '5000', '--tables', 'enrollments,courses', '--tables', 'departments', '-o', '-']);
  assert.equal(r.status, 0, r.stderr);
  const order: string[] = [];
  for (const line of linesOf(r.stdout)) {
    const t = (JSON.parse(line) as { _table: string })._table;
    if (order.at(-1) !== t) order.push(t);
  }
  assert.deepStrictEqual(order, ['departments', 'courses', 'enrollments']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preset, presetModel } from '../helpers/generate.js';

// --records is a target: campus counts all seven tables (sizes come in steps,
// so it lands close, not exactly), timetable its five tables, students exactly.

function total(name: string, records: number): number {
  const model = presetModel(name, { records });
  return preset(name).tables.reduce((a, t) => a + model.table(t).rows, 0);
}

test('campus --records N gives N rows within 1% for N from 1,000 to 10^8', () => {
  for (const n of [1_000, 2_000, 4_321, 10_000, 33_333, 100_000, 1_000_000, 10_000_000, 100_000_000]) {
    const got = total('campus', n);
    assert.ok(Math.abs(got / n - 1) <= 0.01, `campus --records ${n}: ${got} rows`);
  }
});

test('timetable --records N gives N rows within 10% for N from 1,000 to 10^7', () => {
  for (const n of [1_000, 2_000, 5_000, 10_000, 100_000, 1_000_000, 10_000_000]) {
    const got = total('timetable', n);
    assert.ok(Math.abs(got / n - 1) <= 0.1, `timetable --records ${n}: ${got} rows`);
  }
});

test('students --records N sizes the students table exactly, up to 10^8', () => {
  for (const n of [1, 999, 123_457, 100_000_000]) assert.equal(presetModel('students', { records: n }).table('students').rows, n);
});

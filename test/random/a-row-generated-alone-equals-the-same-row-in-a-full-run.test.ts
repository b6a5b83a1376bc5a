import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRelationResolver, generateBatches, type Row } from '../../lib/index.js';
import { presetModel } from '../helpers/generate.js';

// The determinism contract (DESIGN §1): row i of a table is a pure function of
// (seed, table, i), so a shard can generate it without the rows before it.

function fullRun(presetName: string, table: string, locale: string): Row[] {
  const t = presetModel(presetName, { records: 20_000, seed: 7, locale }).table(table);
  const resolve = createRelationResolver(t);
  const rows: Row[] = [];
  for (const batch of generateBatches(t, { batchSize: 997 })) {
    for (const row of (resolve ? resolve(batch) : batch).rows) rows.push(row);
  }
  return rows;
}

function alone(presetName: string, table: string, locale: string, i: number): Row {
  // A fresh model, a fresh generator and a fresh resolver for this one row.
  const t = presetModel(presetName, { records: 20_000, seed: 7, locale }).table(table);
  const row = t.createGenerator()(i);
  t.createResolver()?.(row, i);
  return row;
}

function sampleIndices(n: number): number[] {
  const picks = new Set([0, 1, n - 1, n - 2, Math.floor(n / 2), 996, 997, 998, 1993, 1994]);
  for (let k = 0; k < 40; k++) picks.add(Math.floor(((k * 2654435761) % 4294967296) / 4294967296 * n));
  return [...picks].filter((i) => i >= 0 && i < n);
}

for (const locale of ['en', 'zh_CN']) {
  for (const table of ['departments', 'teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments']) {
    test(`a ${table} row generated alone equals the same row in a full run (${locale})`, () => {
      const rows = fullRun('campus', table, locale);
      assert.ok(rows.length > 2, `${table} has rows`);
      for (const i of sampleIndices(rows.length)) {
        assert.deepStrictEqual(alone('campus', table, locale, i), rows[i], `${table} row ${i}`);
      }
    });
  }
}

test('one generator asked for rows in reverse order gives the same rows as in order', () => {
  for (const table of ['students', 'enrollments', 'sections']) {
    const t = presetModel('campus', { records: 20_000, seed: 7 }).table(table);
    const rows = fullRun('campus', table, 'en');
    const gen = t.createGenerator();
    const resolve = t.createResolver();
    for (let i = rows.length - 1; i >= 0; i -= 3) {
      const row = gen(i);
      resolve?.(row, i);
      assert.deepStrictEqual(row, rows[i], `${table} row ${i}`);
    }
  }
});

test('a students row of the students preset generated alone equals the full run', () => {
  const t = presetModel('students', { records: 3000, seed: 11 }).table('students');
  const all = [...generateBatches(t, { batchSize: 1000 })].flatMap((b) => b.rows);
  for (const i of sampleIndices(all.length)) {
    const row = presetModel('students', { records: 3000, seed: 11 }).table('students').createGenerator()(i);
    // the students preset resolves department_id through the relations stage too
    t.createResolver()?.(row, i);
    const expected = { ...all[i]! };
    t.createResolver()?.(expected, i);
    assert.deepStrictEqual(row, expected, `students row ${i}`);
  }
});

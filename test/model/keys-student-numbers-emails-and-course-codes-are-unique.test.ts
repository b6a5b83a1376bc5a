import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectPreset, presetModel } from '../helpers/generate.js';
import type { Row } from '../../lib/index.js';

function assertUnique(rows: Row[], column: string, what: string): void {
  const seen = new Map<unknown, unknown>();
  for (const row of rows) {
    const v = row[column];
    const other = seen.get(v);
    assert.equal(other, undefined, `${what}: ${column} ${JSON.stringify(v)} in rows ${String(other)} and ${String(row.id)}`);
    seen.set(v, row.id);
  }
}

for (const locale of ['en', 'zh_CN']) {
  test(`campus (${locale}): ids, student_no, emails of students and teachers, course codes and every unique column are unique`, () => {
    const tables = collectPreset('campus', { records: 100_000, locale, seed: 5 });
    const model = presetModel('campus', { records: 100_000, locale, seed: 5 });
    for (const [name, rows] of tables) {
      assertUnique(rows, 'id', name);
      for (const col of model.table(name).spec.columns) if (col.unique) assertUnique(rows, col.name, name);
    }
    assertUnique(tables.get('students')!, 'student_no', 'students');
    assertUnique(tables.get('students')!, 'email', 'students');
    assertUnique(tables.get('teachers')!, 'email', 'teachers');
    assertUnique(tables.get('courses')!, 'code', 'courses');
    // one address book: no student shares an e-mail with a teacher
    const teacherEmails = new Set(tables.get('teachers')!.map((r) => r.email));
    for (const s of tables.get('students')!) assert.ok(!teacherEmails.has(s.email), `student ${String(s.id)} has a teacher's e-mail`);
  });
}

test('students (en) at 200,000 rows: student_no and email are unique', () => {
  const rows = collectPreset('students', { records: 200_000, seed: 77 }).get('students')!;
  assert.equal(rows.length, 200_000);
  assertUnique(rows, 'student_no', 'students');
  assertUnique(rows, 'email', 'students');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectPreset } from '../helpers/generate.js';
import { coefficientOfVariation } from '../helpers/stats.js';
import { getPools, type Row } from '../../lib/index.js';
import { gradePoints } from '../../lib/model/grades.js';

// What the README claims about realism, measured on the output at 2*10^5
// records: skewed where real data is skewed, consistent where real data must be.

const RECORDS = 200_000;
const cache = new Map<string, Map<string, Row[]>>();
function campus(locale: string): Map<string, Row[]> {
  let t = cache.get(locale);
  if (!t) cache.set(locale, (t = collectPreset('campus', { records: RECORDS, locale, seed: 42 })));
  return t;
}

function countBy(rows: Row[], col: string): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (const r of rows) m.set(r[col], (m.get(r[col]) ?? 0) + 1);
  return m;
}

test('section sizes vary: coefficient of variation of enrollments per section above 0.3', () => {
  const t = campus('en');
  const counts = countBy(t.get('enrollments')!, 'section_id');
  const sizes = t.get('sections')!.map((s) => counts.get(s.id) ?? 0);
  const cv = coefficientOfVariation(sizes);
  assert.ok(cv > 0.3, `CV ${cv.toFixed(3)} (min ${Math.min(...sizes)}, max ${Math.max(...sizes)})`);
});

test("students' course loads vary: at least 5 different loads and a coefficient of variation above 0.2", () => {
  const t = campus('en');
  const counts = countBy(t.get('enrollments')!, 'student_id');
  const loads = t.get('students')!.map((s) => counts.get(s.id) ?? 0);
  const distinct = new Set(loads).size;
  const cv = coefficientOfVariation(loads);
  assert.ok(distinct >= 5, `${distinct} different loads`);
  assert.ok(cv > 0.2, `CV ${cv.toFixed(3)}`);
});

for (const locale of ['en', 'zh_CN']) {
  test(`surname frequencies are skewed (${locale}): the top surname is at least 10x the uniform share`, () => {
    const pools = getPools(locale);
    const familyFirst = pools.familyNameFirst;
    // Longest pool surname at the family end of the full name.
    const surnames = [...pools.lastNames.values].sort((a, b) => b.length - a.length);
    const freq = new Map<string, number>();
    const students = campus(locale).get('students')!;
    for (const s of students) {
      const name = s.name as string;
      const family = surnames.find((x) => (familyFirst ? name.startsWith(x) : name.endsWith(` ${x}`)));
      assert.ok(family, `no pool surname in ${name}`);
      freq.set(family, (freq.get(family) ?? 0) + 1);
    }
    const top = Math.max(...freq.values()) / students.length;
    const uniform = 1 / surnames.length;
    assert.ok(top >= 10 * uniform, `top surname share ${top.toFixed(4)} vs uniform ${uniform.toFixed(4)}`);
    // and the tail is there too: most surnames of the pool occur
    assert.ok(freq.size >= 0.8 * surnames.length, `${freq.size} of ${surnames.length} surnames occur`);
  });
}

test("gpa is the credit-weighted 4.0-scale mean of the student's completed enrollment scores", () => {
  const t = campus('en');
  const credits = new Map(t.get('courses')!.map((c) => [c.id, c.credits as number]));
  const courseOfSection = new Map(t.get('sections')!.map((s) => [s.id, s.course_id]));
  const acc = new Map<unknown, { points: number; credits: number }>();
  for (const e of t.get('enrollments')!) {
    if (e.status !== 'completed') continue;
    assert.equal(typeof e.score, 'number', `completed enrollment ${String(e.id)} has a score`);
    const cr = credits.get(courseOfSection.get(e.section_id))!;
    const a = acc.get(e.student_id) ?? { points: 0, credits: 0 };
    a.points += gradePoints(e.score as number) * cr;
    a.credits += cr;
    acc.set(e.student_id, a);
  }
  let withGrades = 0;
  for (const s of t.get('students')!) {
    const a = acc.get(s.id);
    const expected = a ? Math.round((a.points / a.credits) * 100) / 100 : 0;
    if (a) withGrades++;
    assert.ok(Math.abs((s.gpa as number) - expected) < 0.005 + 1e-9, `student ${String(s.id)}: gpa ${String(s.gpa)}, from scores ${expected}`);
  }
  assert.ok(withGrades > 0.9 * t.get('students')!.length, `${withGrades} students have completed enrollments`);
});

test("a section's teacher belongs to the department of its course", () => {
  const t = campus('en');
  const teacherDept = new Map(t.get('teachers')!.map((r) => [r.id, r.department_id]));
  const courseDept = new Map(t.get('courses')!.map((r) => [r.id, r.department_id]));
  for (const s of t.get('sections')!) assert.equal(teacherDept.get(s.teacher_id), courseDept.get(s.course_id), `section ${String(s.id)}`);
});

test('scores look like grades: mean between 65 and 90, some failures, some 90+', () => {
  const scores = campus('en').get('enrollments')!.filter((e) => e.score !== null).map((e) => e.score as number);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  assert.ok(mean > 65 && mean < 90, `mean ${mean}`);
  assert.ok(scores.some((s) => s < 60), 'someone fails');
  assert.ok(scores.some((s) => s >= 90), 'someone excels');
});

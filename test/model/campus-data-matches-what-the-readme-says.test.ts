import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectPreset } from '../helpers/generate.js';
import { coefficientOfVariation } from '../helpers/stats.js';
import { getPools, type Row } from '../../lib/index.js';

// README "What is realistic and what is still uniform", checked on a campus
// of 10^5 records: if the model changes, the README must change with it.

const t = collectPreset('campus', { records: 100_000, seed: 42 });
const sections = t.get('sections')!;
const enrollments = t.get('enrollments')!;
const sectionById = new Map<unknown, Row>(sections.map((s) => [s.id, s]));

test('students take 2 to 5 courses in fall (every load present) and 0 to 5 in spring (both ends present)', () => {
  const fall = new Map<unknown, number>();
  const spring = new Map<unknown, number>();
  for (const e of enrollments) {
    const m = sectionById.get(e.section_id)!.semester === '2025-fall' ? fall : spring;
    m.set(e.student_id, (m.get(e.student_id) ?? 0) + 1);
  }
  const fallLoads = new Set<number>();
  const springLoads = new Set<number>();
  for (const s of t.get('students')!) {
    fallLoads.add(fall.get(s.id) ?? 0);
    springLoads.add(spring.get(s.id) ?? 0);
  }
  assert.deepStrictEqual([...fallLoads].sort(), [2, 3, 4, 5]);
  const springSorted = [...springLoads].sort();
  assert.ok(springSorted[0] === 0 && springSorted.at(-1) === 5 && springSorted.length >= 4, `spring loads ${springSorted.join(',')}`);
});

test('given names are Zipf-skewed too: the top given name is at least 5x the uniform share', () => {
  const pools = getPools('en');
  const students = t.get('students')!;
  for (const gender of ['F', 'M']) {
    const pool = gender === 'F' ? pools.femaleFirstNames.values : pools.maleFirstNames.values;
    const freq = new Map<string, number>();
    let n = 0;
    for (const s of students) {
      if (s.gender !== gender) continue;
      const name = s.name as string;
      const given = name.slice(0, name.indexOf(' '));
      freq.set(given, (freq.get(given) ?? 0) + 1);
      n++;
    }
    const top = Math.max(...freq.values()) / n;
    assert.ok(top >= 5 / pool.length, `${gender}: top given name share ${top.toFixed(4)}, uniform ${(1 / pool.length).toFixed(4)}`);
  }
});

test('section lengths (2 or 3 periods), week ranges (1-16, 1-8, 9-16) and parities (all, odd, even) all occur', () => {
  const lengths = new Set(sections.map((s) => (s.end_period as number) - (s.start_period as number) + 1));
  const ranges = new Set(sections.map((s) => `${String(s.week_start)}-${String(s.week_end)}`));
  const parities = new Set(sections.map((s) => s.week_parity));
  assert.deepStrictEqual([...lengths].sort(), [2, 3]);
  for (const r of ['1-16', '1-8', '9-16']) assert.ok(ranges.has(r), `week range ${r}`);
  assert.deepStrictEqual([...parities].sort(), ['all', 'even', 'odd']);
});

test('course popularity varies: coefficient of variation of enrollments per course above 0.2', () => {
  const perCourse = new Map<unknown, number>();
  for (const e of enrollments) {
    const c = sectionById.get(e.section_id)!.course_id;
    perCourse.set(c, (perCourse.get(c) ?? 0) + 1);
  }
  const counts = t.get('courses')!.map((c) => perCourse.get(c.id) ?? 0);
  assert.ok(coefficientOfVariation(counts) > 0.2, `CV ${coefficientOfVariation(counts).toFixed(3)}`);
});

test('a student has at most one class a day, and a teacher 3 or 4 sections a semester', () => {
  const days = new Set<string>();
  for (const e of enrollments) {
    const s = sectionById.get(e.section_id)!;
    const k = `${String(e.student_id)}|${String(s.semester)}|${String(s.day_of_week)}`;
    assert.ok(!days.has(k), `student ${String(e.student_id)} has two classes on day ${String(s.day_of_week)} of ${String(s.semester)}`);
    days.add(k);
  }
  const perTeacher = new Map<string, number>();
  for (const s of sections) {
    const k = `${String(s.teacher_id)}|${String(s.semester)}`;
    perTeacher.set(k, (perTeacher.get(k) ?? 0) + 1);
  }
  const loads = new Set(perTeacher.values());
  assert.ok([...loads].every((n) => n === 3 || n === 4), `sections per teacher per semester: ${[...loads].join(', ')}`);
  assert.equal(perTeacher.size, 2 * t.get('teachers')!.length, 'every teacher teaches in both semesters');
});

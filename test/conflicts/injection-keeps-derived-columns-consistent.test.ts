import { it } from 'node:test';
import assert from 'node:assert/strict';
import { gradePoints } from '../../lib/model/grades.js';
import { buildDataset } from './dataset.js';

it('after injection every student gpa still follows from their semester-1 scores and course credits', () => {
  for (const difficulty of ['simple', 'medium', 'complex']) {
    const { plan, tables } = buildDataset(20_000, { rate: 0.03, types: ['student_time_clash', 'prerequisite_violation'], difficulty });
    assert.ok(plan.records.length > 0);
    const courses = tables.get('courses')!;
    const sections = tables.get('sections')!;
    const points = new Map<number, [number, number]>();
    for (const e of tables.get('enrollments')!) {
      if (e.status !== 'completed') continue;
      const course = courses[(sections[(e.section_id as number) - 1]!.course_id as number) - 1]!;
      const acc = points.get(e.student_id as number) ?? [0, 0];
      acc[0] += gradePoints(e.score as number) * (course.credits as number);
      acc[1] += course.credits as number;
      points.set(e.student_id as number, acc);
    }
    for (const s of tables.get('students')!) {
      const [p, c] = points.get(s.id as number) ?? [0, 0];
      assert.equal(s.gpa, c === 0 ? 0 : Math.round((p / c) * 100) / 100, `student ${s.id as number} (${difficulty})`);
    }
  }
});

it('after injection sections.enrolled is the real count and no section is over its own capacity unless labelled', () => {
  const { tables } = buildDataset(20_000, { rate: 0.03, difficulty: 'complex' });
  const counts = new Map<number, number>();
  for (const e of tables.get('enrollments')!) counts.set(e.section_id as number, (counts.get(e.section_id as number) ?? 0) + 1);
  const labelled = new Set(tables.get('conflicts')!.filter((r) => r.type === 'capacity_overflow' && !r.is_decoy).map((r) => r.section_id));
  for (const s of tables.get('sections')!) {
    assert.equal(s.enrolled, counts.get(s.id as number) ?? 0, `section ${s.id as number}`);
    if ((s.enrolled as number) > (s.capacity as number)) assert.ok(labelled.has(s.id), `section ${s.id as number} over capacity is labelled`);
  }
});

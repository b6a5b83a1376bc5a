import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildDataset, check, cloneTables } from '../conflicts/dataset.js';
import { ConflictChecker, formatConflictReport } from '../../lib/verify/conflict-checker.js';
import type { Row } from '../../lib/model/schema.js';
import { cliPath } from '../helpers/paths.js';

/** A dataset with one extra conflict planted (an overloaded teacher) and one labelled conflict removed (a capacity raised). */
function tampered(): { tables: Map<string, Row[]>; teacher: number; row: number } {
  const { tables } = buildDataset(20_000, { rate: 0.02, difficulty: 'simple' });
  const t = cloneTables(tables);
  const truth = t.get('conflicts')!;
  const overloaded = new Set(truth.filter((r) => r.type === 'teacher_overload').map((r) => r.teacher_id));
  const teacher = t.get('teachers')!.find((r) => !overloaded.has(r.id))!;
  teacher.max_weekly_periods = 1;
  const removed = truth.find((r) => r.type === 'capacity_overflow')!;
  t.get('sections')![(removed.section_id as number) - 1]!.capacity = 10_000;
  return { tables: t, teacher: teacher.id as number, row: removed.id as number };
}

describe('the checker fails on a dataset that does not match its truth, naming both differences', () => {
  it('in the report', async () => {
    const { tables, teacher, row } = tampered();
    const report = await check(tables);
    assert.equal(report.ok, false);
    const overload = report.types.find((t) => t.type === 'teacher_overload')!;
    assert.equal(overload.unexpected, 1);
    const capacity = report.types.find((t) => t.type === 'capacity_overflow')!;
    assert.equal(capacity.missing, 1);
    assert.equal(capacity.truePositives, capacity.expected - 1);
    const text = formatConflictReport(report);
    assert.match(text, new RegExp(`unexpected teacher_overload: teacher ${teacher}: `));
    assert.match(text, new RegExp(`missing capacity_overflow: .*conflicts row ${row} not found`));
    assert.match(text, /conflicts: FAILED/);
  });

  it('through the CLI on a directory (exit 1) and on --stdin', () => {
    const { tables, teacher, row } = tampered();
    const dir = mkdtempSync(join(tmpdir(), 'megagen-cc-'));
    let all = '';
    for (const [name, rows] of tables) {
      writeFileSync(join(dir, `${name}.ndjson`), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
      all += rows.map((r) => `${JSON.stringify({ _table: name, ...r })}\n`).join('');
    }
    for (const r of [
      spawnSync(process.execPath, [cliPath, 'verify-conflicts', dir], { encoding: 'utf8' }),
      spawnSync(process.execPath, [cliPath, 'verify-conflicts', '--stdin'], { encoding: 'utf8', input: all, maxBuffer: 64 << 20 }),
    ]) {
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, new RegExp(`unexpected teacher_overload: teacher ${teacher}: `));
      assert.match(r.stdout, new RegExp(`conflicts row ${row} not found`));
    }
  });

  it('a decoy made real is unexpected and counted as a reported decoy', async () => {
    const { tables } = buildDataset(20_000, { rate: 0.03, types: ['room_double_booking'], difficulty: 'complex' });
    const t = cloneTables(tables);
    const decoy = t.get('conflicts')!.find((r) => r.is_decoy && r.group_id === r.id)!;
    const [a, b] = [decoy.section_id as number, decoy.other_section_id as number].map((id) => t.get('sections')![id - 1]!);
    Object.assign(b!, { start_period: a!.start_period, end_period: a!.end_period, week_start: a!.week_start, week_end: a!.week_end, week_parity: a!.week_parity });
    const report = await check(t);
    const room = report.types.find((x) => x.type === 'room_double_booking')!;
    assert.ok(room.unexpected >= 1 && room.decoysReported === 1);
    assert.equal(report.ok, false);
  });
});

describe('the checker reads the rules, not the generator', () => {
  const section = (id: number, o: Partial<Row>): Row => ({
    id, course_id: 1, teacher_id: id, classroom_id: id, semester: '2025-fall', day_of_week: 1, start_period: 1, end_period: 2,
    week_start: 1, week_end: 16, week_parity: 'all', capacity: 10, enrolled: 0, ...o,
  });
  const run = (sections: Row[], extra: [string, Row][] = []) => {
    const c = new ConflictChecker();
    c.add('teachers', { id: 1, max_weekly_periods: 40 });
    for (let i = 1; i <= 9; i++) c.add('teachers', { id: i, max_weekly_periods: 40 });
    for (let i = 1; i <= 9; i++) c.add('classrooms', { id: i, capacity: 100 });
    c.add('courses', { id: 1, prerequisite_course_id: null });
    c.add('courses', { id: 2, prerequisite_course_id: 1 });
    for (const s of sections) c.add('sections', s);
    for (const [t, r] of extra) c.add(t, r);
    return c.finish();
  };
  const found = (r: ReturnType<typeof run>, type: string) => r.types.find((t) => t.type === type)!.detected;

  it('odd weeks meet weeks 1-8; odd and even never meet; back-to-back periods do not overlap', () => {
    assert.equal(found(run([section(1, { week_parity: 'odd' }), section(2, { classroom_id: 1, week_end: 8 })]), 'room_double_booking'), 1);
    assert.equal(found(run([section(1, { week_parity: 'odd' }), section(2, { classroom_id: 1, week_parity: 'even' })]), 'room_double_booking'), 0);
    assert.equal(found(run([section(1, {}), section(2, { classroom_id: 1, start_period: 3, end_period: 4 })]), 'room_double_booking'), 0);
    assert.equal(found(run([section(1, { week_end: 8 }), section(2, { teacher_id: 1, week_start: 9 })]), 'teacher_double_booking'), 0);
    assert.equal(found(run([section(1, { end_period: 3 }), section(2, { teacher_id: 1, start_period: 3, end_period: 4 })]), 'teacher_double_booking'), 1);
    assert.equal(found(run([section(1, {}), section(2, { classroom_id: 1, semester: '2026-spring' })]), 'room_double_booking'), 0);
  });

  it('a prerequisite counts when passed (>= 60) in an earlier semester', () => {
    const secs = [section(1, { enrolled: 1 }), section(2, { course_id: 2, semester: '2026-spring', enrolled: 1 })];
    const enr = (score: number | null, sem2First = false): [string, Row][] => {
      const rows: [string, Row][] = [
        ['enrollments', { id: 1, student_id: 1, section_id: 1, score }],
        ['enrollments', { id: 2, student_id: 1, section_id: 2, score: null }],
      ];
      return sem2First ? [rows[1]!, rows[0]!] : rows;
    };
    assert.equal(found(run(secs, enr(60)), 'prerequisite_violation'), 0);
    assert.equal(found(run(secs, enr(59)), 'prerequisite_violation'), 1);
    assert.equal(found(run(secs, enr(75, true)), 'prerequisite_violation'), 0, 'order within a student does not matter');
    const sameTerm = [section(1, { enrolled: 1 }), section(2, { course_id: 2, day_of_week: 2, enrolled: 1 })];
    assert.equal(found(run(sameTerm, enr(90)), 'prerequisite_violation'), 1, 'taken in the same semester is not earlier');
  });

  it('capacity: over the section or the room; a teacher over max in the busiest week only', () => {
    const r = run([section(1, { capacity: 1, enrolled: 2 })], [
      ['enrollments', { id: 1, student_id: 1, section_id: 1, score: 80 }],
      ['enrollments', { id: 2, student_id: 2, section_id: 1, score: 80 }],
    ]);
    assert.equal(found(r, 'capacity_overflow'), 1);
    const c = new ConflictChecker();
    c.add('teachers', { id: 1, max_weekly_periods: 3 });
    c.add('sections', section(1, { teacher_id: 1, week_end: 8 }));
    c.add('sections', section(2, { teacher_id: 1, week_start: 9, day_of_week: 2 }));
    assert.equal(c.finish().types.find((t) => t.type === 'teacher_overload')!.detected, 0, '2 periods a week, 4 in sum');
    const d = new ConflictChecker();
    d.add('teachers', { id: 1, max_weekly_periods: 3 });
    d.add('sections', section(1, { teacher_id: 1, week_parity: 'odd' }));
    d.add('sections', section(2, { teacher_id: 1, week_end: 5, day_of_week: 2 }));
    assert.equal(d.finish().types.find((t) => t.type === 'teacher_overload')!.detected, 1, '4 periods in weeks 1, 3, 5');
  });

  it('enrollments not grouped by student are a problem, named', () => {
    const r = run([section(1, { enrolled: 3 })], [
      ['enrollments', { id: 1, student_id: 1, section_id: 1, score: 80 }],
      ['enrollments', { id: 2, student_id: 2, section_id: 1, score: 80 }],
      ['enrollments', { id: 3, student_id: 1, section_id: 1, score: 80 }],
    ]);
    assert.equal(r.ok, false);
    assert.match(r.problems.join('\n'), /not grouped by student .*student 1 at enrollment 3/);
  });
});

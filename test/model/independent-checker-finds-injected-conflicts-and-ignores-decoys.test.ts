import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCampus, describe, totalFindings, type CheckReport } from './independent-checker.js';

// The conflict-free tests are only as good as the checker: here it must find
// each kind of conflict planted in a tiny hand-made campus, exactly once, and
// must not report the near misses (adjacent periods, disjoint weeks, odd vs even).

type R = Record<string, unknown>;

function section(id: number, course: number, teacher: number, room: number, semester: string, day: number, start: number, end: number, enrolled: number): R {
  return { id, course_id: course, teacher_id: teacher, classroom_id: room, semester, day_of_week: day, start_period: start, end_period: end, week_start: 1, week_end: 16, week_parity: 'all', capacity: 30, enrolled };
}

function baseline(): Map<string, R[]> {
  return new Map<string, R[]>([
    ['departments', [{ id: 1 }]],
    ['teachers', [{ id: 1, max_weekly_periods: 10 }, { id: 2, max_weekly_periods: 10 }]],
    ['students', [{ id: 1 }, { id: 2 }]],
    ['courses', [{ id: 1, prerequisite_course_id: null }, { id: 2, prerequisite_course_id: 1 }, { id: 3, prerequisite_course_id: null }]],
    ['classrooms', [{ id: 1, capacity: 50 }, { id: 2, capacity: 50 }]],
    ['sections', [
      section(1, 1, 1, 1, '2025-fall', 1, 1, 2, 1),
      section(2, 3, 2, 2, '2025-fall', 1, 1, 2, 0),
      // same room, teacher and time as section 1, but the next semester: no clash
      section(3, 2, 1, 1, '2026-spring', 1, 1, 2, 1),
      section(4, 1, 2, 2, '2026-spring', 3, 5, 6, 0),
    ]],
    ['enrollments', [
      { id: 1, student_id: 1, section_id: 1, semester: '2025-fall', status: 'completed', score: 80 },
      { id: 2, student_id: 1, section_id: 3, semester: '2026-spring', status: 'enrolled', score: null },
    ]],
  ]);
}

function row(t: Map<string, R[]>, table: string, id: number): R {
  const r = t.get(table)!.find((x) => x.id === id);
  assert.ok(r, `${table} ${id}`);
  return r;
}

function expectOnly(t: Map<string, R[]>, expected: Partial<Record<keyof CheckReport, number>>): void {
  const report = checkCampus(t);
  for (const [k, f] of Object.entries(report)) {
    assert.equal(f.count, expected[k as keyof CheckReport] ?? 0, `${k}\n${describe(report)}`);
  }
}

test('the hand-made baseline campus has no findings', () => {
  const report = checkCampus(baseline());
  assert.equal(totalFindings(report), 0, describe(report));
});

const cases: [string, (t: Map<string, R[]>) => void, Partial<Record<keyof CheckReport, number>>][] = [
  ['two sections in one room at the same time', (t) => void (row(t, 'sections', 2).classroom_id = 1), { roomDoubleBookings: 1 }],
  ['room: periods overlapping by one', (t) => Object.assign(row(t, 'sections', 2), { classroom_id: 1, start_period: 2, end_period: 4 }), { roomDoubleBookings: 1 }],
  ['room: week ranges overlapping in one week', (t) => {
    Object.assign(row(t, 'sections', 1), { week_end: 9 });
    Object.assign(row(t, 'sections', 2), { classroom_id: 1, week_start: 9 });
  }, { roomDoubleBookings: 1 }],
  ['room: odd weeks against a one-week section in week 3', (t) => {
    Object.assign(row(t, 'sections', 1), { week_parity: 'odd' });
    Object.assign(row(t, 'sections', 2), { classroom_id: 1, week_start: 3, week_end: 3 });
  }, { roomDoubleBookings: 1 }],
  ['decoy: adjacent periods in one room', (t) => Object.assign(row(t, 'sections', 2), { classroom_id: 1, start_period: 3, end_period: 4 }), {}],
  ['decoy: disjoint weeks in one room', (t) => {
    Object.assign(row(t, 'sections', 1), { week_end: 8 });
    Object.assign(row(t, 'sections', 2), { classroom_id: 1, week_start: 9 });
  }, {}],
  ['decoy: odd against even weeks in one room', (t) => {
    Object.assign(row(t, 'sections', 1), { week_parity: 'odd' });
    Object.assign(row(t, 'sections', 2), { classroom_id: 1, week_parity: 'even' });
  }, {}],
  ['decoy: odd weeks against a one-week section in week 2', (t) => {
    Object.assign(row(t, 'sections', 1), { week_parity: 'odd' });
    Object.assign(row(t, 'sections', 2), { classroom_id: 1, week_start: 2, week_end: 2 });
  }, {}],
  ['decoy: same room and time on another day', (t) => Object.assign(row(t, 'sections', 2), { classroom_id: 1, day_of_week: 2 }), {}],
  ['one teacher in two sections at the same time', (t) => void (row(t, 'sections', 2).teacher_id = 1), { teacherDoubleBookings: 1 }],
  ['a student in two overlapping sections', (t) => {
    t.get('enrollments')!.push({ id: 3, student_id: 1, section_id: 2, semester: '2025-fall', status: 'completed', score: 70 });
    row(t, 'sections', 2).enrolled = 1;
  }, { studentTimeClashes: 1 }],
  ['more enrollments than section capacity', (t) => {
    row(t, 'sections', 1).capacity = 0;
  }, { sectionsOverCapacity: 1 }],
  ['section capacity above its classroom capacity', (t) => void (row(t, 'sections', 1).capacity = 51), { sectionsOverRoomCapacity: 1 }],
  ['enrolled column not the actual count', (t) => void (row(t, 'sections', 2).enrolled = 3), { enrolledColumnWrong: 1 }],
  ['prerequisite failed (score 59)', (t) => void (row(t, 'enrollments', 1).score = 59), { prerequisiteViolations: 1 }],
  ['prerequisite not completed', (t) => Object.assign(row(t, 'enrollments', 1), { status: 'enrolled', score: 90 }), { prerequisiteViolations: 1 }],
  ['prerequisite never taken', (t) => {
    t.set('enrollments', t.get('enrollments')!.filter((e) => e.id !== 1));
    row(t, 'sections', 1).enrolled = 0;
  }, { prerequisiteViolations: 1 }],
  ['prerequisite taken by another student', (t) => void (row(t, 'enrollments', 1).student_id = 2), { prerequisiteViolations: 1 }],
  ['prerequisite in the same semester', (t) => {
    Object.assign(row(t, 'sections', 3), { semester: '2025-fall', day_of_week: 2 });
    row(t, 'enrollments', 2).semester = '2025-fall';
  }, { prerequisiteViolations: 1 }],
  ['teacher over max_weekly_periods in both semesters', (t) => void (row(t, 'teachers', 1).max_weekly_periods = 1), { teachersOverMaxPeriods: 2 }],
  ['decoy: teacher exactly at max_weekly_periods', (t) => void (row(t, 'teachers', 1).max_weekly_periods = 2), {}],
  ['a student taking one course twice', (t) => {
    t.get('enrollments')!.push({ id: 3, student_id: 1, section_id: 4, semester: '2026-spring', status: 'enrolled', score: null });
    row(t, 'sections', 4).enrolled = 1;
  }, { courseTakenTwice: 1 }],
  ['an enrollment whose semester is not its section\'s', (t) => void (row(t, 'enrollments', 1).semester = '2026-spring'), { enrollmentSemesterMismatch: 1 }],
];

for (const [name, mutate, expected] of cases) {
  test(`the checker reports exactly what was planted: ${name}`, () => {
    const t = baseline();
    mutate(t);
    expectOnly(t, expected);
  });
}

/**
 * An independent checker of the campus timetable, written from the rules
 * (DESIGN §4, issue 2), not from lib/model/campus-plan.ts: it reads rows as a
 * consumer of the data would (plain objects, e.g. parsed NDJSON) and
 * re-detects every kind of conflict by brute force over small groups.
 * Nothing here calls the generator's arithmetic.
 */

type R = Record<string, unknown>;

export interface Finding {
  count: number;
  /** The first few, described. */
  examples: string[];
}

export interface CheckReport {
  roomDoubleBookings: Finding;
  teacherDoubleBookings: Finding;
  studentTimeClashes: Finding;
  sectionsOverCapacity: Finding;
  sectionsOverRoomCapacity: Finding;
  enrolledColumnWrong: Finding;
  prerequisiteViolations: Finding;
  teachersOverMaxPeriods: Finding;
  courseTakenTwice: Finding;
  enrollmentSemesterMismatch: Finding;
}

function finding(): Finding {
  return { count: 0, examples: [] };
}

function note(f: Finding, text: () => string): void {
  f.count++;
  if (f.examples.length < 5) f.examples.push(text());
}

function num(row: R, col: string): number {
  const v = row[col];
  if (typeof v !== 'number') throw new Error(`${col} is not a number in ${JSON.stringify(row)}`);
  return v;
}

function inWeek(parity: unknown, w: number): boolean {
  if (parity === 'all') return true;
  if (parity === 'odd') return w % 2 === 1;
  if (parity === 'even') return w % 2 === 0;
  throw new Error(`unknown week_parity ${JSON.stringify(parity)}`);
}

/** Both sections meet in at least one common teaching week. */
export function shareAWeek(a: R, b: R): boolean {
  const from = Math.max(num(a, 'week_start'), num(b, 'week_start'));
  const to = Math.min(num(a, 'week_end'), num(b, 'week_end'));
  for (let w = from; w <= to; w++) if (inWeek(a.week_parity, w) && inWeek(b.week_parity, w)) return true;
  return false;
}

/** Two sections meet at the same time: same semester, same day, overlapping periods, a common week. */
export function overlapInTime(a: R, b: R): boolean {
  return (
    a.semester === b.semester &&
    a.day_of_week === b.day_of_week &&
    num(a, 'start_period') <= num(b, 'end_period') &&
    num(b, 'start_period') <= num(a, 'end_period') &&
    shareAWeek(a, b)
  );
}

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(it);
  }
  return out;
}

function pairs<T>(list: readonly T[], visit: (a: T, b: T) => void): void {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) visit(list[i]!, list[j]!);
}

function byId(rows: readonly R[], table: string): Map<unknown, R> {
  const m = new Map<unknown, R>();
  for (const r of rows) {
    if (m.has(r.id)) throw new Error(`duplicate ${table} id ${String(r.id)}`);
    m.set(r.id, r);
  }
  return m;
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`dangling reference: ${what}`);
  return v;
}

/** Checks a whole campus (rows by table name) against every rule of the conflict-free baseline. */
export function checkCampus(tables: ReadonlyMap<string, readonly R[]>): CheckReport {
  const get = (t: string) => need(tables.get(t), `table ${t}`);
  const sections = get('sections');
  const enrollments = get('enrollments');
  const sectionById = byId(sections, 'sections');
  const courseById = byId(get('courses'), 'courses');
  const roomById = byId(get('classrooms'), 'classrooms');
  const teacherById = byId(get('teachers'), 'teachers');

  const report: CheckReport = {
    roomDoubleBookings: finding(),
    teacherDoubleBookings: finding(),
    studentTimeClashes: finding(),
    sectionsOverCapacity: finding(),
    sectionsOverRoomCapacity: finding(),
    enrolledColumnWrong: finding(),
    prerequisiteViolations: finding(),
    teachersOverMaxPeriods: finding(),
    courseTakenTwice: finding(),
    enrollmentSemesterMismatch: finding(),
  };

  // Rooms and teachers: only sections on the same day of the same semester can clash.
  for (const group of groupBy(sections, (s) => `${String(s.semester)}|${String(s.classroom_id)}|${String(s.day_of_week)}`).values())
    pairs(group, (a, b) => {
      if (overlapInTime(a, b)) note(report.roomDoubleBookings, () => `sections ${String(a.id)} and ${String(b.id)} in classroom ${String(a.classroom_id)}`);
    });
  for (const group of groupBy(sections, (s) => `${String(s.semester)}|${String(s.teacher_id)}|${String(s.day_of_week)}`).values())
    pairs(group, (a, b) => {
      if (overlapInTime(a, b)) note(report.teacherDoubleBookings, () => `sections ${String(a.id)} and ${String(b.id)} taught by teacher ${String(a.teacher_id)}`);
    });

  // Capacity: count enrollments per section.
  const counts = new Map<unknown, number>();
  for (const e of enrollments) counts.set(e.section_id, (counts.get(e.section_id) ?? 0) + 1);
  for (const s of sections) {
    const n = counts.get(s.id) ?? 0;
    const room = need(roomById.get(s.classroom_id), `classroom ${String(s.classroom_id)} of section ${String(s.id)}`);
    if (n > num(s, 'capacity')) note(report.sectionsOverCapacity, () => `section ${String(s.id)}: ${n} enrolled > capacity ${String(s.capacity)}`);
    if (num(s, 'capacity') > num(room, 'capacity'))
      note(report.sectionsOverRoomCapacity, () => `section ${String(s.id)}: capacity ${String(s.capacity)} > classroom ${String(room.id)} capacity ${String(room.capacity)}`);
    if (s.enrolled !== n) note(report.enrolledColumnWrong, () => `section ${String(s.id)}: enrolled column ${String(s.enrolled)}, counted ${n}`);
  }

  // Teachers' weekly periods, per semester.
  const periods = new Map<string, number>();
  for (const s of sections) {
    const k = `${String(s.teacher_id)}|${String(s.semester)}`;
    periods.set(k, (periods.get(k) ?? 0) + num(s, 'end_period') - num(s, 'start_period') + 1);
  }
  for (const [k, p] of periods) {
    const [tid, semester] = k.split('|');
    const t = need(teacherById.get(Number(tid)), `teacher ${tid}`);
    if (p > num(t, 'max_weekly_periods')) note(report.teachersOverMaxPeriods, () => `teacher ${tid} teaches ${p} periods in ${semester} > max ${String(t.max_weekly_periods)}`);
  }

  // Per student: time clashes, courses taken twice, prerequisites.
  for (const [sid, list] of groupBy(enrollments, (e) => String(e.student_id))) {
    const secs = list.map((e) => need(sectionById.get(e.section_id), `section ${String(e.section_id)} of enrollment ${String(e.id)}`));
    list.forEach((e, i) => {
      if (e.semester !== undefined && e.semester !== secs[i]!.semester)
        note(report.enrollmentSemesterMismatch, () => `enrollment ${String(e.id)} says ${String(e.semester)}, its section ${String(secs[i]!.id)} is in ${String(secs[i]!.semester)}`);
    });
    pairs(secs.map((s, i) => [s, list[i]!] as const), ([a, ea], [b, eb]) => {
      if (overlapInTime(a, b)) note(report.studentTimeClashes, () => `student ${sid}: enrollments ${String(ea.id)} and ${String(eb.id)} (sections ${String(a.id)}, ${String(b.id)})`);
    });
    const courses = secs.map((s) => s.course_id);
    const seen = new Set<unknown>();
    for (const c of courses) {
      if (seen.has(c)) note(report.courseTakenTwice, () => `student ${sid} takes course ${String(c)} twice`);
      seen.add(c);
    }
    list.forEach((e, i) => {
      const course = need(courseById.get(secs[i]!.course_id), `course ${String(secs[i]!.course_id)}`);
      const pre = course.prerequisite_course_id;
      if (pre === null || pre === undefined) return;
      const ok = list.some(
        (e2, k) =>
          secs[k]!.course_id === pre &&
          String(secs[k]!.semester) < String(secs[i]!.semester) &&
          e2.status === 'completed' &&
          typeof e2.score === 'number' &&
          e2.score >= 60,
      );
      if (!ok) note(report.prerequisiteViolations, () => `student ${sid}: enrollment ${String(e.id)} in course ${String(course.id)} without passing course ${String(pre)} earlier`);
    });
  }
  return report;
}

/** Every finding of a report, as `name: count (examples)` lines, for assertion messages. */
export function describe(report: CheckReport): string {
  return Object.entries(report)
    .filter(([, f]) => (f as Finding).count > 0)
    .map(([k, f]) => `${k}: ${(f as Finding).count} (${(f as Finding).examples.join('; ')})`)
    .join('\n');
}

export function totalFindings(report: CheckReport): number {
  return Object.values(report).reduce((a, f) => a + (f as Finding).count, 0);
}

import type { Row } from '../model/schema.js';

/**
 * The independent conflict checker: finds every scheduling conflict in the
 * data by its own reading of the rules — not by re-running the injector —
 * and compares what it finds with the `conflicts` ground-truth table.
 *
 * Rules (README "Conflicts"): two sections' times overlap when they are in
 * the same semester, on the same day, their period ranges intersect and they
 * meet in at least one common week (weeks as bit sets, odd/even applied).
 * A room or a teacher holding two overlapping sections, a student enrolled in
 * two, a section whose enrollments exceed its capacity or its room's, an
 * enrollment in a course whose prerequisite the student has not passed
 * (score >= 60) in an earlier semester, a teacher whose busiest week has more
 * periods than max_weekly_periods.
 *
 * Memory: the small tables (teachers, classrooms, courses, sections) are held
 * in typed arrays indexed by id; enrollments stream through, grouped by
 * student (as megagen writes them), leaving only a count per section.
 */

export const CHECKED_TYPES = [
  'room_double_booking',
  'teacher_double_booking',
  'student_time_clash',
  'capacity_overflow',
  'prerequisite_violation',
  'teacher_overload',
] as const;
type CheckedType = (typeof CHECKED_TYPES)[number];

export interface ConflictTypeResult {
  type: string;
  /** Conflicts the truth lists (not decoys). */
  expected: number;
  /** Decoy rows in the truth. */
  decoys: number;
  /** Conflicts the checker found in the data. */
  detected: number;
  truePositives: number;
  missing: number;
  unexpected: number;
  /** Decoys the checker found to be real conflicts (part of unexpected). */
  decoysReported: number;
}

export interface ConflictExample {
  type: string;
  key: string;
  detail: string;
}

export interface ConflictCheckReport {
  ok: boolean;
  rows: Record<string, number>;
  types: ConflictTypeResult[];
  /** First truth rows not found in the data. */
  missing: ConflictExample[];
  /** First conflicts in the data the truth does not list. */
  unexpected: ConflictExample[];
  /** Inconsistencies that are not conflicts (wrong enrolled counts, ungrouped enrollments). */
  problems: string[];
}

/** A growable Int32 column indexed by id. */
class IdColumn {
  data = new Int32Array(1024);
  set(id: number, v: number): void {
    if (id >= this.data.length) {
      let n = this.data.length;
      while (n <= id) n *= 2;
      const next = new Int32Array(n);
      next.set(this.data);
      this.data = next;
    }
    this.data[id] = v;
  }
  get(id: number): number {
    return id < this.data.length ? this.data[id]! : 0;
  }
}

const TERM_RANK: Record<string, number> = { winter: 0, spring: 1, summer: 2, fall: 3, autumn: 3 };

/** Chronological rank of a semester name such as `2025-fall` (unknown shapes sort by name). */
function semesterRank(s: string): number {
  const m = /^(\d{4})\D*(winter|spring|summer|fall|autumn)/i.exec(s);
  if (m) return Number(m[1]) * 8 + TERM_RANK[m[2]!.toLowerCase()]!;
  return NaN;
}

function weekMask(start: number, end: number, parity: unknown): number {
  let mask = 0;
  for (let w = Math.max(1, start); w <= Math.min(30, end); w++) {
    if (parity === 'odd' && w % 2 === 0) continue;
    if (parity === 'even' && w % 2 === 1) continue;
    mask |= 1 << w;
  }
  return mask;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? 0 : Number(v));

interface Pending {
  enrollment: number;
  section: number;
  score: number;
}

export class ConflictChecker {
  private readonly rows: Record<string, number> = {};
  private readonly teacherMax = new IdColumn();
  private readonly roomCap = new IdColumn();
  private readonly prereq = new IdColumn();
  // sections
  private readonly secSem = new IdColumn();
  private readonly secDay = new IdColumn();
  private readonly secStart = new IdColumn();
  private readonly secEnd = new IdColumn();
  private readonly secWeeks = new IdColumn();
  private readonly secRoom = new IdColumn();
  private readonly secTeacher = new IdColumn();
  private readonly secCourse = new IdColumn();
  private readonly secCap = new IdColumn();
  private readonly secEnrolled = new IdColumn();
  private readonly secCount = new IdColumn();
  private maxSection = 0;
  private readonly semesters = new Map<string, number>();
  private readonly semesterNames: string[] = [];
  // enrollments, grouped by student
  private student = -1;
  private group: Pending[] = [];
  private seenStudents = new Uint8Array(1024);
  private ungrouped = 0;
  private firstUngrouped = '';
  // findings and truth
  private readonly detected: ConflictExample[] = [];
  private readonly truth = new Map<string, { type: string; id: number; decoy: boolean }>();
  private readonly problems: string[] = [];

  private semester(name: unknown): number {
    const s = String(name);
    let k = this.semesters.get(s);
    if (k === undefined) {
      k = this.semesterNames.length;
      this.semesters.set(s, k);
      this.semesterNames.push(s);
    }
    return k;
  }

  private readonly semesterRanks: number[] = [];

  /** Is semester a strictly earlier than b? */
  private earlier(a: number, b: number): boolean {
    const ra = (this.semesterRanks[a] ??= semesterRank(this.semesterNames[a]!));
    const rb = (this.semesterRanks[b] ??= semesterRank(this.semesterNames[b]!));
    if (Number.isNaN(ra) || Number.isNaN(rb)) return this.semesterNames[a]! < this.semesterNames[b]!;
    return ra < rb;
  }

  /** Feeds one row of a table. Enrollments must come after the tables they reference. */
  add(table: string, row: Row): void {
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    switch (table) {
      case 'teachers':
        this.teacherMax.set(num(row.id), num(row.max_weekly_periods));
        break;
      case 'classrooms':
        this.roomCap.set(num(row.id), num(row.capacity));
        break;
      case 'courses':
        this.prereq.set(num(row.id), num(row.prerequisite_course_id));
        break;
      case 'sections':
        this.addSection(row);
        break;
      case 'enrollments':
        this.addEnrollment(row);
        break;
      case 'conflicts':
        this.addTruth(row);
        break;
      default:
        break;
    }
  }

  private addSection(row: Row): void {
    const id = num(row.id);
    this.maxSection = Math.max(this.maxSection, id);
    this.secSem.set(id, this.semester(row.semester));
    this.secDay.set(id, num(row.day_of_week));
    this.secStart.set(id, num(row.start_period));
    this.secEnd.set(id, num(row.end_period));
    this.secWeeks.set(id, weekMask(num(row.week_start), num(row.week_end), row.week_parity));
    this.secRoom.set(id, num(row.classroom_id));
    this.secTeacher.set(id, num(row.teacher_id));
    this.secCourse.set(id, num(row.course_id));
    this.secCap.set(id, num(row.capacity));
    this.secEnrolled.set(id, num(row.enrolled));
    this.secCount.set(id, 0);
  }

  private addEnrollment(row: Row): void {
    const s = num(row.student_id);
    if (s !== this.student) {
      this.flushStudent();
      this.student = s;
      if (s >= this.seenStudents.length * 8) {
        let n = this.seenStudents.length;
        while (n * 8 <= s) n *= 2;
        const next = new Uint8Array(n);
        next.set(this.seenStudents);
        this.seenStudents = next;
      }
      if (this.seenStudents[s >> 3]! & (1 << (s & 7))) {
        if (this.ungrouped++ === 0) this.firstUngrouped = `student ${s} at enrollment ${num(row.id)}`;
      }
      this.seenStudents[s >> 3]! |= 1 << (s & 7);
    }
    const section = num(row.section_id);
    this.secCount.set(section, this.secCount.get(section) + 1);
    const score = row.score === null || row.score === undefined ? -1 : num(row.score);
    this.group.push({ enrollment: num(row.id), section, score });
  }

  private overlap(a: number, b: number): boolean {
    return (
      this.secSem.get(a) === this.secSem.get(b) &&
      this.secDay.get(a) === this.secDay.get(b) &&
      this.secStart.get(a) <= this.secEnd.get(b) &&
      this.secStart.get(b) <= this.secEnd.get(a) &&
      (this.secWeeks.get(a) & this.secWeeks.get(b)) !== 0
    );
  }

  private flushStudent(): void {
    const g = this.group;
    if (g.length === 0) return;
    const s = this.student;
    for (let a = 0; a < g.length; a++) {
      const sa = g[a]!.section;
      for (let b = a + 1; b < g.length; b++) {
        const sb = g[b]!.section;
        if (sa !== sb && this.overlap(sa, sb)) {
          const [x, y] = sa < sb ? [sa, sb] : [sb, sa];
          this.detect('student_time_clash', `${s}|${x}|${y}`, `student ${s} in sections ${x} and ${y}`);
        }
      }
      const p = this.prereq.get(this.secCourse.get(sa));
      if (p > 0) {
        const sem = this.secSem.get(sa);
        let ok = false;
        for (const o of g) {
          if (this.secCourse.get(o.section) === p && o.score >= 60 && this.earlier(this.secSem.get(o.section), sem)) {
            ok = true;
            break;
          }
        }
        if (!ok) this.detect('prerequisite_violation', `${g[a]!.enrollment}`, `enrollment ${g[a]!.enrollment} (student ${s}) lacks course ${p}`);
      }
    }
    this.group = [];
  }

  private detect(type: CheckedType, key: string, detail: string): void {
    this.detected.push({ type, key: `${type}|${key}`, detail });
  }

  private addTruth(row: Row): void {
    const type = String(row.type);
    const a = num(row.section_id);
    const b = num(row.other_section_id);
    const [x, y] = a < b ? [a, b] : [b, a];
    let key: string;
    switch (type) {
      case 'room_double_booking':
        key = `${num(row.classroom_id)}|${x}|${y}`;
        break;
      case 'teacher_double_booking':
        key = `${num(row.teacher_id)}|${x}|${y}`;
        break;
      case 'student_time_clash':
        key = `${num(row.student_id)}|${x}|${y}`;
        break;
      case 'capacity_overflow':
        key = `${a}`;
        break;
      case 'prerequisite_violation':
        key = `${num(row.enrollment_id)}`;
        break;
      case 'teacher_overload':
        key = `${num(row.teacher_id)}`;
        break;
      default:
        this.problems.push(`conflicts row ${num(row.id)} has unknown type "${type}"`);
        return;
    }
    const decoy = row.is_decoy === true || row.is_decoy === 'true' || row.is_decoy === 1 || row.is_decoy === 't';
    this.truth.set(`${type}|${key}`, { type, id: num(row.id), decoy });
  }

  /** Sections grouped by an id column (counting sort), each group sorted by (semester, day, start). */
  private groupBy(col: IdColumn): { order: Int32Array; start: Int32Array } {
    const n = this.maxSection;
    let maxKey = 0;
    for (let i = 1; i <= n; i++) maxKey = Math.max(maxKey, col.get(i));
    const start = new Int32Array(maxKey + 2);
    for (let i = 1; i <= n; i++) start[col.get(i) + 1]!++;
    for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
    const fill = start.slice();
    const order = new Int32Array(n);
    for (let i = 1; i <= n; i++) order[fill[col.get(i)]!++] = i;
    const key = (i: number) => (this.secSem.get(i) * 8 + this.secDay.get(i)) * 64 + this.secStart.get(i);
    for (let k = 0; k + 1 < start.length; k++) {
      const sub = order.subarray(start[k]!, start[k + 1]!);
      if (sub.length > 1) sub.sort((a, b) => key(a) - key(b) || a - b);
    }
    return { order, start };
  }

  /** Overlapping pairs within each group: a sweep over start periods. */
  private pairs(type: CheckedType, col: IdColumn, what: string): void {
    const { order, start } = this.groupBy(col);
    for (let k = 1; k + 1 < start.length; k++) {
      for (let p = start[k]!; p < start[k + 1]!; p++) {
        const a = order[p]!;
        for (let q = p + 1; q < start[k + 1]!; q++) {
          const b = order[q]!;
          if (this.secSem.get(b) !== this.secSem.get(a) || this.secDay.get(b) !== this.secDay.get(a) || this.secStart.get(b) > this.secEnd.get(a)) break;
          if ((this.secWeeks.get(a) & this.secWeeks.get(b)) !== 0) {
            const [x, y] = a < b ? [a, b] : [b, a];
            this.detect(type, `${k}|${x}|${y}`, `${what} ${k}: sections ${x} and ${y}`);
          }
        }
      }
    }
  }

  private overloads(): void {
    const { order, start } = this.groupBy(this.secTeacher);
    const nsem = this.semesterNames.length;
    const load = new Int32Array(nsem * 32);
    for (let t = 1; t + 1 < start.length; t++) {
      if (start[t] === start[t + 1]) continue;
      load.fill(0);
      for (let p = start[t]!; p < start[t + 1]!; p++) {
        const i = order[p]!;
        const len = this.secEnd.get(i) - this.secStart.get(i) + 1;
        const base = this.secSem.get(i) * 32;
        for (let m = this.secWeeks.get(i), w = 0; m !== 0; m >>>= 1, w++) if (m & 1) load[base + w]! += len;
      }
      let peak = 0;
      for (let k = 0; k < load.length; k++) peak = Math.max(peak, load[k]!);
      if (peak > this.teacherMax.get(t)) this.detect('teacher_overload', `${t}`, `teacher ${t}: ${peak} periods in a week > max ${this.teacherMax.get(t)}`);
    }
  }

  finish(): ConflictCheckReport {
    this.flushStudent();
    if (this.ungrouped > 0)
      this.problems.push(`enrollments are not grouped by student (${this.ungrouped} students seen again, first ${this.firstUngrouped}): clashes and prerequisites across groups are not seen`);
    let wrongCounts = 0;
    let firstWrong = '';
    for (let i = 1; i <= this.maxSection; i++) {
      const c = this.secCount.get(i);
      const cap = this.rows.classrooms ? Math.min(this.secCap.get(i), this.roomCap.get(this.secRoom.get(i))) : this.secCap.get(i);
      if (c > cap) this.detect('capacity_overflow', `${i}`, `section ${i}: ${c} enrolled > capacity ${cap}`);
      if (this.rows.enrollments && c !== this.secEnrolled.get(i) && wrongCounts++ === 0)
        firstWrong = `section ${i} says enrolled ${this.secEnrolled.get(i)}, enrollments count ${c}`;
    }
    if (wrongCounts > 0) this.problems.push(`${wrongCounts} sections' enrolled column differs from their enrollments (first: ${firstWrong})`);
    this.pairs('room_double_booking', this.secRoom, 'classroom');
    this.pairs('teacher_double_booking', this.secTeacher, 'teacher');
    this.overloads();
    return this.compare();
  }

  private compare(): ConflictCheckReport {
    const results = new Map<string, ConflictTypeResult>();
    const result = (type: string) => {
      let r = results.get(type);
      if (!r) {
        r = { type, expected: 0, decoys: 0, detected: 0, truePositives: 0, missing: 0, unexpected: 0, decoysReported: 0 };
        results.set(type, r);
      }
      return r;
    };
    for (const t of CHECKED_TYPES) result(t);
    for (const t of this.truth.values()) {
      if (t.decoy) result(t.type).decoys++;
      else result(t.type).expected++;
    }
    const found = new Set<string>();
    const unexpected: ConflictExample[] = [];
    for (const d of this.detected) {
      const r = result(d.type);
      if (found.has(d.key)) continue;
      found.add(d.key);
      r.detected++;
      const t = this.truth.get(d.key);
      if (t && !t.decoy) r.truePositives++;
      else {
        r.unexpected++;
        if (t?.decoy) r.decoysReported++;
        if (unexpected.length < 20) unexpected.push(t?.decoy ? { ...d, detail: `${d.detail} (listed as decoy, conflicts row ${t.id})` } : d);
      }
    }
    const missing: ConflictExample[] = [];
    for (const [key, t] of this.truth) {
      if (t.decoy || found.has(key)) continue;
      result(t.type).missing++;
      if (missing.length < 20) missing.push({ type: t.type, key, detail: `conflicts row ${t.id} not found in the data` });
    }
    const types = [...results.values()];
    const ok = this.problems.length === 0 && types.every((r) => r.missing === 0 && r.unexpected === 0);
    return { ok, rows: { ...this.rows }, types, missing, unexpected, problems: [...this.problems] };
  }
}

/** Tables the checker reads, in the order it needs them. */
export const CHECKER_TABLES = ['teachers', 'classrooms', 'courses', 'sections', 'enrollments', 'conflicts'] as const;

/**
 * Checks a dataset given a reader of its tables (a missing table reads as
 * empty): the entry point `verify DIR` calls.
 */
export async function checkConflicts(readTable: (name: string) => AsyncIterable<Row>): Promise<ConflictCheckReport> {
  const checker = new ConflictChecker();
  for (const name of CHECKER_TABLES) for await (const row of readTable(name)) checker.add(name, row);
  return checker.finish();
}

/** Checks one stream of rows that name their table in `_table`, in dependency order (as `run -o -` writes them). */
export async function checkConflictStream(rows: AsyncIterable<Row>): Promise<ConflictCheckReport> {
  const checker = new ConflictChecker();
  for await (const row of rows) checker.add(String(row._table), row);
  return checker.finish();
}

/** The report as text lines for a terminal. */
export function formatConflictReport(r: ConflictCheckReport): string {
  const lines: string[] = [];
  lines.push('type                     expected  found  true+  missing  unexpected  decoys  decoys-reported');
  for (const t of r.types) {
    lines.push(
      `${t.type.padEnd(24)} ${String(t.expected).padStart(8)} ${String(t.detected).padStart(6)} ${String(t.truePositives).padStart(6)} ` +
        `${String(t.missing).padStart(8)} ${String(t.unexpected).padStart(11)} ${String(t.decoys).padStart(7)} ${String(t.decoysReported).padStart(16)}`,
    );
  }
  for (const m of r.missing) lines.push(`missing ${m.type}: ${m.key.slice(m.type.length + 1)} (${m.detail})`);
  for (const u of r.unexpected) lines.push(`unexpected ${u.type}: ${u.detail}`);
  for (const p of r.problems) lines.push(`problem: ${p}`);
  lines.push(r.ok ? 'conflicts: OK (the data holds exactly the labelled conflicts)' : 'conflicts: FAILED');
  return `${lines.join('\n')}\n`;
}

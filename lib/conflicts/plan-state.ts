import { SLOTS, DAYS, MAX_PICKS, TIME_CODES, newSectionTime, timeOfCode, type CampusPlan } from '../model/campus-plan.js';
import { courseCredits, gradePoints, semesterOneScore } from '../model/grades.js';
import { CODE_TEXTS, codeRelation, PAIR_SEPARATOR, REL_COMPLEX, REL_SIMPLE, weekMask } from './overlap.js';
import { SparseRows } from './sparse-rows.js';
import { CONFLICT_TYPES, DIFFICULTIES, type ConflictType, type Difficulty } from './options.js';

/** A change to one section row (global 0-based section index). */
export interface SectionMod {
  room?: number;
  teacher?: number;
  /** Enrollments moved in minus moved out. */
  delta: number;
  /** New capacity (a capacity_overflow anchor or decoy). */
  capacity?: number;
}

/** A change to one enrollment row. */
export interface EnrollmentMod {
  /** New global 0-based section index. */
  section?: number;
  score?: number;
}

/** One row of the ground truth, with 0-based indices (-1: not involved). */
export interface ConflictRecord {
  type: ConflictType;
  difficulty: Difficulty;
  isDecoy: boolean;
  /** Index of the first record of its group (a chain of sections shares one group). */
  group: number;
  semester: number;
  day: number;
  classroom: number;
  teacher: number;
  student: number;
  section: number;
  otherSection: number;
  enrollment: number;
  otherEnrollment: number;
  course: number;
  amount: number | null;
  /** The excess or cause in words; '' for a pair of sections (PAIR_TYPES), whose detail is their times (recordDetail). */
  detail: string;
}

/** Types whose records name two sections of one semester and whose detail is their two times. */
export const PAIR_TYPES: ReadonlySet<ConflictType> = new Set(['room_double_booking', 'teacher_double_booking', 'student_time_clash']);

/** The time code (CampusPlan#timeCode) of global section i. */
export function sectionCode(cp: CampusPlan, i: number): number {
  return i >= cp.P ? cp.timeCode(1, i - cp.P) : cp.timeCode(0, i);
}

/**
 * The detail text of a record: the stored detail, or a pair's two times. A
 * pair's is rendered here, from the campus plan, rather than stored: tens of
 * thousands of composed strings were most of what the plan builder kept
 * alive. (The conflicts table's index writer writes the same text as bytes.)
 */
export function recordDetail(r: ConflictRecord, cp: CampusPlan): string {
  if (!PAIR_TYPES.has(r.type)) return r.detail;
  return CODE_TEXTS[sectionCode(cp, r.section)]! + PAIR_SEPARATOR + CODE_TEXTS[sectionCode(cp, r.otherSection)]!;
}

/** The numeric fields of a ConflictRecord (null amounts as NaN), in the order RecordColumns keeps them. */
export const NUMERIC_FIELDS = ['group', 'semester', 'day', 'classroom', 'teacher', 'student', 'section', 'otherSection', 'enrollment', 'otherEnrollment', 'course', 'amount'] as const;
const F = NUMERIC_FIELDS.length;

/** Records as columns (what ConflictPlanData carries): records first, first + 1, … */
export interface RecordData {
  /** Index of the first record held: a cluster worker holds only the records of the conflicts chunk it writes. */
  first: number;
  /** Row-major, NUMERIC_FIELDS.length values per record. */
  numbers: Float64Array;
  /** Indices into CONFLICT_TYPES and DIFFICULTIES; 1 for decoys. */
  types: Uint8Array;
  difficulties: Uint8Array;
  decoys: Uint8Array;
  details: string[];
}

/**
 * The ground truth as the builder writes it: each record copied into
 * columns as it is made, so the record object dies young (kept as objects,
 * they were most of what every scavenge of the build had to copy).
 */
export class RecordColumns {
  private numbers = new Float64Array(1024 * F);
  private types = new Uint8Array(1024);
  private difficulties = new Uint8Array(1024);
  private decoys = new Uint8Array(1024);
  private readonly details: string[] = [];
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(r: ConflictRecord): void {
    if (this.n === this.types.length) this.grow();
    const k = this.n++;
    const a = this.numbers;
    const o = k * F;
    // NUMERIC_FIELDS order.
    a[o] = r.group;
    a[o + 1] = r.semester;
    a[o + 2] = r.day;
    a[o + 3] = r.classroom;
    a[o + 4] = r.teacher;
    a[o + 5] = r.student;
    a[o + 6] = r.section;
    a[o + 7] = r.otherSection;
    a[o + 8] = r.enrollment;
    a[o + 9] = r.otherEnrollment;
    a[o + 10] = r.course;
    a[o + 11] = r.amount === null ? NaN : r.amount;
    this.types[k] = CONFLICT_TYPES.indexOf(r.type);
    this.difficulties[k] = DIFFICULTIES.indexOf(r.difficulty);
    this.decoys[k] = r.isDecoy ? 1 : 0;
    this.details.push(r.detail);
  }

  /** Decoys among records [from, to). */
  decoysIn(from: number, to: number): number {
    let d = 0;
    for (let k = from; k < to; k++) d += this.decoys[k]!;
    return d;
  }

  data(): RecordData {
    const n = this.n;
    return {
      first: 0,
      numbers: this.numbers.slice(0, n * F),
      types: this.types.slice(0, n),
      difficulties: this.difficulties.slice(0, n),
      decoys: this.decoys.slice(0, n),
      details: this.details.slice(),
    };
  }

  private grow(): void {
    const widen = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(2 * a.length);
      b.set(a);
      return b;
    };
    this.numbers = widen(this.numbers, (n) => new Float64Array(n));
    this.types = widen(this.types, (n) => new Uint8Array(n));
    this.difficulties = widen(this.difficulties, (n) => new Uint8Array(n));
    this.decoys = widen(this.decoys, (n) => new Uint8Array(n));
  }
}

/** Per time code (CampusPlan#timeCode): periods a week, and the weeks it meets (weekMask). */
const CODE_PERIODS = Uint8Array.from({ length: TIME_CODES }, (_, c) => {
  const t = timeOfCode(c, newSectionTime());
  return t.end - t.start + 1;
});
const CODE_WEEKS = Int32Array.from({ length: TIME_CODES }, (_, c) => weekMask(timeOfCode(c, newSectionTime())));

/** PlanState#flags bits. */
const FLAG_CLAIMED = 1;
const FLAG_COUNT = 2;
const FLAG_GAIN = 4;
/** The section has an entry in sectionMods. */
const FLAG_MOD = 8;

/** Columns of PlanState#sectionMods and #enrollmentMods (ConflictPlanData's order). */
export const SECTION_ROOM = 0;
export const SECTION_TEACHER = 1;
export const SECTION_DELTA = 2;
export const SECTION_CAPACITY = 3;
export const ENROLLMENT_SECTION = 0;
export const ENROLLMENT_SCORE = 1;

export function newRecord(type: ConflictType, difficulty: Difficulty, isDecoy: boolean, group: number): ConflictRecord {
  return {
    type, difficulty, isDecoy, group,
    semester: -1, day: 0, classroom: -1, teacher: -1, student: -1, section: -1, otherSection: -1,
    enrollment: -1, otherEnrollment: -1, course: -1, amount: null, detail: '',
  };
}

/**
 * The injector's working state: every change decided so far and the
 * effective timetable they give (rooms, teachers, counts), read through the
 * campus plan's arithmetic for everything unchanged. Section times never
 * change: the injector only chooses partners whose times already relate as
 * wanted, so no change can ripple into students' or teachers' other slots.
 *
 * Per-section state lives in typed arrays over the 2P sections (about 12
 * bytes a section), not in Sets: the build asks millions of these questions.
 */
export class PlanState {
  readonly cp: CampusPlan;
  readonly seed: number;
  readonly P: number;
  private readonly T: number;
  private readonly C1: number;
  /** Changed sections: room, teacher, delta, capacity (SECTION_* columns; NaN: unchanged, delta 0). Values come back as doubles: `| 0` keeps indices small integers for the callers' optimised code. */
  readonly sectionMods = new SparseRows(4);
  /** Changed enrollments: section, score (ENROLLMENT_* columns). */
  readonly enrollmentMods = new SparseRows(2);
  /** Students (0-based index) whose gpa is recomputed: the gpa. */
  readonly studentGpa = new SparseRows(1);
  /** Overload anchors and decoys: the new max_weekly_periods. */
  readonly teacherMax = new Map<number, number>();
  /** Teachers that gained sections: max_weekly_periods is raised to at least this peak. */
  readonly teacherFloor = new Map<number, number>();
  readonly roomCapacity = new Map<number, number>();
  /** Per section, FLAG_* bits: taking part in a structural change (moved, reassigned, gaining, capacity set), count changed, gaining moved enrollments. */
  readonly flags: Uint8Array;
  /** Per room and per teacher: 1 when a change touched it. */
  readonly roomsTouched: Uint8Array;
  readonly teachersTouched: Uint8Array;
  /** Spread positions u of students already used, one bit each. */
  private readonly studentsClaimed: Uint32Array;
  readonly records = new RecordColumns();
  private readonly roomExtra = new Map<number, number[]>();
  private readonly teacherExtra = new Map<number, number[]>();
  /** Per section: time code + 1 (0: not computed yet), base enrollment count (-1: not yet). */
  private readonly codes: Uint16Array;
  private readonly countCache: Int32Array;
  private readonly capCache: Int32Array;
  /** Credits per course (0: not yet). */
  private readonly creditCache: Uint8Array;
  /** teacherLoad's periods per week (1-20). */
  private readonly weekLoad = new Int32Array(21);

  constructor(cp: CampusPlan) {
    this.cp = cp;
    this.seed = cp.seed;
    this.P = cp.P;
    this.T = cp.T;
    this.C1 = cp.C1;
    this.flags = new Uint8Array(2 * cp.P);
    this.roomsTouched = new Uint8Array(cp.R);
    this.teachersTouched = new Uint8Array(cp.T);
    this.studentsClaimed = new Uint32Array(Math.ceil(cp.S / 32));
    this.codes = new Uint16Array(2 * cp.P);
    this.capCache = new Int32Array(cp.R).fill(-1);
    this.creditCache = new Uint8Array(2 * cp.C1);
    this.countCache = new Int32Array(2 * cp.P).fill(-1);
  }

  semOf(i: number): number {
    return i >= this.P ? 1 : 0;
  }

  jOf(i: number): number {
    return i >= this.P ? i - this.P : i;
  }

  // --- flags -----------------------------------------------------------------

  claimed(i: number): boolean {
    return (this.flags[i]! & FLAG_CLAIMED) !== 0;
  }

  claim(i: number): void {
    this.flags[i]! |= FLAG_CLAIMED;
  }

  unclaim(i: number): void {
    this.flags[i]! &= ~FLAG_CLAIMED;
  }

  countTouched(i: number): boolean {
    return (this.flags[i]! & FLAG_COUNT) !== 0;
  }

  /** Claimed and gaining moved enrollments (it may gain more, within its room's seats). */
  gainTarget(i: number): boolean {
    return (this.flags[i]! & FLAG_GAIN) !== 0;
  }

  claimGainTarget(i: number): void {
    this.flags[i]! |= FLAG_CLAIMED | FLAG_GAIN;
  }

  studentClaimed(u: number): boolean {
    return (this.studentsClaimed[u >>> 5]! & (1 << (u & 31))) !== 0;
  }

  claimStudent(u: number): void {
    this.studentsClaimed[u >>> 5]! |= 1 << (u & 31);
  }

  // --- sections --------------------------------------------------------------

  /** Time code of section i (CampusPlan#timeCode; times never change). */
  code(i: number): number {
    const c = this.codes[i]!;
    return c === 0 ? this.computeCode(i) : c - 1;
  }

  private computeCode(i: number): number {
    const c = i >= this.P ? this.cp.timeCode(1, i - this.P) : this.cp.timeCode(0, i);
    this.codes[i] = c + 1;
    return c;
  }

  // relation and overlap read the codes themselves: at 10^6 records most of a build runs before
  // the optimising compiler has inlined anything, and every call level costs.

  /** How the times of sections a and b relate (REL_*). */
  relation(a: number, b: number): number {
    const ca = this.codes[a]!;
    const cb = this.codes[b]!;
    return codeRelation(ca === 0 ? this.computeCode(a) : ca - 1, cb === 0 ? this.computeCode(b) : cb - 1);
  }

  overlap(a: number, b: number): boolean {
    const r = this.relation(a, b);
    return r >= REL_SIMPLE && r <= REL_COMPLEX;
  }

  /** Day (1-5) of section i. */
  day(i: number): number {
    return (((this.code(i) / 15) | 0) % DAYS) + 1;
  }

  baseRoom(i: number): number {
    return ((i >= this.P ? i - this.P : i) / SLOTS) | 0;
  }

  room(i: number): number {
    if ((this.flags[i]! & FLAG_MOD) === 0) return this.baseRoom(i);
    const r = this.sectionMods.get(i, SECTION_ROOM);
    return r === r ? r | 0 : this.baseRoom(i);
  }

  baseTeacher(i: number): number {
    return (i >= this.P ? i - this.P : i) % this.T;
  }

  teacher(i: number): number {
    if ((this.flags[i]! & FLAG_MOD) === 0) return this.baseTeacher(i);
    const t = this.sectionMods.get(i, SECTION_TEACHER);
    return t === t ? t | 0 : this.baseTeacher(i);
  }

  /** CampusPlan#courseOfSection of section i. */
  course(i: number): number {
    return i >= this.P ? this.C1 + ((i - this.P) % this.C1) : i % this.C1;
  }

  credits(course: number): number {
    const c = this.creditCache[course]!;
    if (c !== 0) return c;
    return (this.creditCache[course] = courseCredits(this.seed, course));
  }

  baseCount(i: number): number {
    let c = this.countCache[i]!;
    if (c < 0) {
      c = this.cp.sectionEnrolled(this.semOf(i), this.jOf(i));
      this.countCache[i] = c;
    }
    return c;
  }

  count(i: number): number {
    return this.baseCount(i) + ((this.flags[i]! & FLAG_MOD) === 0 ? 0 : this.sectionMods.get(i, SECTION_DELTA) | 0);
  }

  /**
   * Whether section i's students plus `extra` fit room r's seats. Most
   * sections are far from full: an upper bound of the base count settles
   * those without enumerating the section's candidates (sectionEnrolled).
   */
  hasSeats(i: number, r: number, extra: number): boolean {
    const cap = this.roomCap(r);
    const delta = (this.flags[i]! & FLAG_MOD) === 0 ? 0 : this.sectionMods.get(i, SECTION_DELTA) | 0;
    if (this.countBound(i) + delta + extra <= cap) return true;
    return this.baseCount(i) + delta + extra <= cap;
  }

  /** An upper bound of section i's base count: the bound of the room its semester-1 students were spread over. */
  private countBound(i: number): number {
    const j = this.jOf(i);
    const j1 = i < this.P ? j : (j - this.cp.C1 + this.P) % this.P;
    return this.cp.sectionBound(Math.floor(j1 / SLOTS));
  }

  roomCap(r: number): number {
    const o = this.roomCapacity.size === 0 ? undefined : this.roomCapacity.get(r);
    if (o !== undefined) return o;
    if (this.capCache[r]! < 0) this.capCache[r] = this.cp.roomCapacity(r);
    return this.capCache[r]!;
  }

  /** Slot of section i's change in sectionMods, made (delta 0) when missing. */
  private mod(i: number): number {
    if ((this.flags[i]! & FLAG_MOD) !== 0) return this.sectionMods.find(i);
    const s = this.sectionMods.slot(i);
    this.sectionMods.put(s, SECTION_DELTA, 0);
    this.flags[i]! |= FLAG_MOD;
    return s;
  }

  /** Sets section i's capacity (a capacity_overflow anchor or decoy). */
  setCapacity(i: number, capacity: number): void {
    this.sectionMods.put(this.mod(i), SECTION_CAPACITY, capacity);
  }

  /** Takes back a move into another room (or to another teacher): the section keeps its entry, with delta 0. */
  unmove(i: number, rooms: boolean): void {
    this.sectionMods.put(this.mod(i), rooms ? SECTION_ROOM : SECTION_TEACHER, NaN);
    this.unclaim(i);
  }

  /** Moves section i into room r (its times unchanged). */
  moveToRoom(i: number, r: number): void {
    const from = this.room(i);
    this.sectionMods.put(this.mod(i), SECTION_ROOM, r);
    const key = this.semOf(i) * this.cp.R + r;
    const list = this.roomExtra.get(key) ?? [];
    list.push(i);
    this.roomExtra.set(key, list);
    this.roomsTouched[from] = 1;
    this.roomsTouched[r] = 1;
    this.claim(i);
  }

  /** Gives section i to teacher t. */
  assignTeacher(i: number, t: number): void {
    const from = this.teacher(i);
    this.sectionMods.put(this.mod(i), SECTION_TEACHER, t);
    const key = this.semOf(i) * this.cp.T + t;
    const list = this.teacherExtra.get(key) ?? [];
    list.push(i);
    this.teacherExtra.set(key, list);
    this.teachersTouched[from] = 1;
    this.teachersTouched[t] = 1;
    this.claim(i);
  }

  addDelta(i: number, d: number): void {
    const s = this.mod(i);
    this.sectionMods.put(s, SECTION_DELTA, this.sectionMods.at(s, SECTION_DELTA) + d);
    this.flags[i]! |= FLAG_COUNT;
    this.roomsTouched[this.room(i)] = 1;
  }

  /** Sections in room r in semester sem (effective). */
  roomSections(sem: number, r: number): number[] {
    const out: number[] = [];
    for (let g = 0; g < SLOTS; g++) {
      const i = sem * this.P + g + SLOTS * r;
      if (this.room(i) === r) out.push(i);
    }
    const extra = this.roomExtra.size === 0 ? undefined : this.roomExtra.get(sem * this.cp.R + r);
    if (extra) for (const i of extra) if (this.room(i) === r && !out.includes(i)) out.push(i);
    return out;
  }

  /** Sections taught by t in semester sem (effective). */
  teacherSections(sem: number, t: number): number[] {
    const out: number[] = [];
    for (let j = t; j < this.P; j += this.cp.T) {
      const i = sem * this.P + j;
      if (this.teacher(i) === t) out.push(i);
    }
    const extra = this.teacherExtra.size === 0 ? undefined : this.teacherExtra.get(sem * this.cp.T + t);
    if (extra) for (const i of extra) if (this.teacher(i) === t && !out.includes(i)) out.push(i);
    return out;
  }

  /**
   * overlapsExactly(x, roomSections(semester of x, r), expect), looking only
   * where an overlap can be: x's own slot (blocks never share a period), so
   * the one base section of that slot in r and the sections moved into r.
   */
  roomOverlapsExactly(x: number, r: number, expect: readonly number[]): boolean {
    const sem = x >= this.P ? 1 : 0;
    const base = sem * this.P + ((x - sem * this.P) % SLOTS) + SLOTS * r;
    const among = this.room(base) === r ? [base] : [];
    const extra = this.roomExtra.size === 0 ? undefined : this.roomExtra.get(sem * this.cp.R + r);
    if (extra) for (const i of extra) if (this.room(i) === r && !among.includes(i)) among.push(i);
    return this.overlapsExactly(x, among, expect);
  }

  /** Whether the sections of `among` (other than x) whose times overlap x's are exactly `expect` (distinct). */
  overlapsExactly(x: number, among: readonly number[], expect: readonly number[]): boolean {
    let found = 0;
    for (const i of among) {
      if (i === x || !this.overlap(x, i)) continue;
      if (!expect.includes(i)) return false;
      found++;
    }
    return found === expect.length;
  }

  /** Weekly periods of teacher t: the peak over semesters and weeks, and the plain sum per semester. */
  teacherLoad(t: number): { peak: number; peakSem: number; sum: number; low: number } {
    let peak = 0;
    let peakSem = 0;
    let sum = 0;
    let low = 0;
    const week = this.weekLoad;
    for (let sem = 0; sem < 2; sem++) {
      week.fill(0);
      let s = 0;
      for (const i of this.teacherSections(sem, t)) {
        const c = this.code(i);
        const len = CODE_PERIODS[c]!;
        s += len;
        // Each week the section meets (lowest bit first).
        for (let weeks = CODE_WEEKS[c]!; weeks !== 0; weeks &= weeks - 1) week[31 - Math.clz32(weeks & -weeks)]! += len;
      }
      let p = 0;
      let lo = Infinity;
      for (let w = 1; w <= 20; w++) p = Math.max(p, week[w]!);
      for (let w = 1; w <= 16; w++) lo = Math.min(lo, week[w]!);
      if (p > peak) {
        peak = p;
        peakSem = sem;
        low = lo;
      }
      sum = Math.max(sum, s);
    }
    return { peak, peakSem, sum, low };
  }

  // --- students --------------------------------------------------------------

  // The last student asked about: its first enrollment and loads (pure functions of u, each a
  // walk over up to 8 hashed profiles) are asked for many times in a row.
  private lastU = -1;
  private lastFirst = 0;
  private lastK1 = 0;
  private lastK2 = 0;
  private readonly picks = new Int32Array(MAX_PICKS);

  private student(u: number): void {
    if (u === this.lastU) return;
    this.lastFirst = this.cp.firstEnrollment(u);
    const [k1, k2] = this.cp.profileOf(u);
    this.lastK1 = k1;
    this.lastK2 = k2;
    this.lastU = u;
  }

  /** Semester-1 and semester-2 loads of u (the plan's load1 and load2). */
  load1(u: number): number {
    this.student(u);
    return this.lastK1;
  }

  load2(u: number): number {
    this.student(u);
    return this.lastK2;
  }

  enrollmentIndex(u: number, sem: number, m: number): number {
    this.student(u);
    return this.lastFirst + (sem === 0 ? m : this.lastK1 + m);
  }

  /** Effective global sections of u's enrollments in semester sem. */
  studentSections(u: number, sem: number): number[] {
    this.student(u);
    const k = sem === 0 ? this.lastK1 : this.lastK2;
    const picks = this.cp.picksOf(u, k, this.picks);
    const out: number[] = [];
    const e0 = this.lastFirst + (sem === 0 ? 0 : this.lastK1);
    for (let m = 0; m < k; m++) {
      const moved = this.enrollmentMods.size === 0 ? NaN : this.enrollmentMods.get(e0 + m, ENROLLMENT_SECTION);
      out.push(moved === moved ? moved | 0 : sem === 0 ? picks[m]! : this.P + this.cp.successorSection(picks[m]!));
    }
    return out;
  }

  /** Moves enrollment e of spread position u from section `from` to `to` (a semester-1 move recomputes the gpa). */
  moveEnrollment(u: number, e: number, to: number, from: number): void {
    this.enrollmentMods.set(e, ENROLLMENT_SECTION, to);
    this.addDelta(from, -1);
    this.addDelta(to, 1);
    if (to < this.P) this.studentGpa.set(this.cp.studentOf(u), 0, this.gpa(u));
  }

  setScore(u: number, e: number, score: number): void {
    this.enrollmentMods.set(e, ENROLLMENT_SCORE, score);
    this.studentGpa.set(this.cp.studentOf(u), 0, this.gpa(u));
  }

  /** The students table's gpa formula over u's effective semester-1 enrollments. */
  gpa(u: number): number {
    const k1 = this.load1(u);
    const k2 = this.load2(u);
    let points = 0;
    let credits = 0;
    const picks = this.cp.picksOf(u, k1, this.picks);
    const e0 = this.enrollmentIndex(u, 0, 0);
    for (let m = 0; m < k1; m++) {
      const slot = this.enrollmentMods.find(e0 + m);
      const moved = slot < 0 ? NaN : this.enrollmentMods.at(slot, ENROLLMENT_SECTION);
      const scored = slot < 0 ? NaN : this.enrollmentMods.at(slot, ENROLLMENT_SCORE);
      const c = this.course(moved === moved ? moved | 0 : picks[m]!);
      const cr = this.credits(c);
      points += gradePoints(scored === scored ? scored : semesterOneScore(this.seed, u, m, m < k2)) * cr;
      credits += cr;
    }
    return credits === 0 ? 0 : Math.round((points / credits) * 100) / 100;
  }

  /** Same-slot sections of section i in other rooms, from a starting room offset (near or far), into out: how many (at most limit). */
  sameSlot(i: number, far: boolean, out: Int32Array, limit = 48): number {
    const sem = this.semOf(i);
    const j = this.jOf(i);
    const g = j % SLOTS;
    const r = Math.floor(j / SLOTS);
    const R = this.cp.R;
    const off = far ? Math.max(1, Math.floor(R / 2)) : 1;
    const n = Math.min(R - 1, limit);
    const base = sem * this.P + g;
    for (let k = 0; k < n; k++) {
      let r2 = (r + off + k) % R;
      if (r2 === r) r2 = (r2 + 1) % R;
      out[k] = base + SLOTS * r2;
    }
    return n;
  }

  /** Sections in the block right after (or before) section i's on the same day, into out: how many (at most 2 * limit). */
  adjacentSlot(i: number, far: boolean, out: Int32Array, limit = 48): number {
    const sem = this.semOf(i);
    const j = this.jOf(i);
    const g = j % SLOTS;
    const block = Math.floor(g / DAYS);
    const r = Math.floor(j / SLOTS);
    const R = this.cp.R;
    const off = far ? Math.floor(R / 2) : 0;
    const n = Math.min(R, limit);
    let c = 0;
    for (let side = 0; side < 2; side++) {
      const nb = side === 0 ? block + 1 : block - 1;
      if (nb < 0 || nb >= 5) continue;
      const base = sem * this.P + g + (nb - block) * DAYS;
      for (let k = 0; k < n; k++) out[c++] = base + SLOTS * ((r + off + k) % R);
    }
    return c;
  }
}

/** Room for the candidates of sameSlot and adjacentSlot. */
export const CANDIDATES = 96;

import { hashKey, hashKey2, streamId } from '../random/hash.js';
import { Permutation } from '../random/permutation.js';
import { invalidOption } from '../errors.js';

/**
 * The campus plan: table sizes and every relationship of the `campus` model
 * as arithmetic on dense indices (DESIGN §4). Nothing here holds a table;
 * the only arrays are per classroom (a few per 200 students).
 *
 * The timetable is conflict-free by construction:
 * - Grid: G = 25 weekly slots (5 days x 5 period blocks) and R rooms; each
 *   semester has P = G*R sections, section j at slot j mod G and room
 *   floor(j / G): distinct (slot, room) pairs, so no room is double-booked.
 * - Teachers: teacher j mod T with gcd(T, G) = 1 and T > R: two sections of
 *   one teacher in one slot would differ by a multiple of T*G > P.
 * - Students: u = pi(s), a Feistel bijection. Pick m of student u lies at slot
 *   (u mod G + 7m) mod G (7 is coprime to 25 and to 5, so picks m = 0..4 fall
 *   on five different weekdays) and in the room owning unit
 *   (floor(u/G) + m*h) mod W, where room r owns w_r consecutive units. Given a
 *   section (slot, room) and m, u mod G is fixed and floor(u/G) mod W ranges
 *   over w_r values, so a section holds at most K * w_r * ceil(S / (G*W))
 *   students: rooms of different weights give skewed, bounded section sizes,
 *   and the exact count is computed by enumerating only those candidates.
 * - Courses: course j mod C1 with C1 = 5R, so 5 | C1 and C1 | P: a course's
 *   sections share a weekday, hence a student's picks are different courses.
 * - Prerequisites: semester 1 offers level-1 courses 0..C1-1; semester 2's
 *   course C1 + c requires c. A student's semester-2 pick m is section
 *   (j + C1) mod P of its semester-1 pick m (same course residue, same weekday,
 *   slots shifted alike): the successor of a course passed a semester earlier.
 * - Departments: D (coprime to 30) divides C1 and T, so a section's teacher
 *   is in its course's department (j mod D).
 * - Loads: students come in blocks of 8 whose (k1, k2) course loads are a
 *   shuffle of a fixed multiset, so loads vary per student while enrollment ids
 *   stay dense and computable (each block holds exactly L enrollments).
 */

export const DAYS = 5;
export const BLOCKS = 5;
export const SLOTS = DAYS * BLOCKS; // G
/** First period and length of each daily block (12 periods a day). */
export const BLOCK_START = [1, 3, 6, 8, 10] as const;
export const BLOCK_LENGTH = [2, 3, 2, 2, 3] as const;
export const MAX_PICKS = 5; // K
export const SLOT_STEP = 7;
export const SEMESTERS = ['2025-fall', '2026-spring'] as const;
/** Course loads (semester 1, semester 2) of the 8 students of a block. */
export const LOAD_PROFILES: readonly (readonly [number, number])[] = [
  [5, 5], [5, 4], [5, 3], [4, 4], [4, 3], [4, 2], [3, 2], [2, 0],
];
const BLOCK = LOAD_PROFILES.length;
const UNKNOWN_ORDER = 255;
const BLOCK_ENROLLMENTS = LOAD_PROFILES.reduce((a, [k1, k2]) => a + k1 + k2, 0);
/** Room weights (units) and their shares: many small rooms, a few lecture halls. */
const ROOM_WEIGHTS = [1, 2, 3, 4, 6] as const;
const ROOM_WEIGHT_CUMULATIVE = [0.4, 0.7, 0.85, 0.95, 1] as const;
/** Students per unit per slot we aim for (sets section sizes around 35). */
const STUDENTS_PER_UNIT = 4;
/** Average sections per teacher per semester we aim for. */
const SECTIONS_PER_TEACHER = 3.5;
const DEPARTMENT_CHOICES = [7, 11, 13, 17, 19, 23] as const;

const S_ROOM = streamId('plan.room');
const S_PROFILE = streamId('plan.profile');
const S_PERM = streamId('plan.student-perm');
const S_TIME = streamId('plan.section-time');
const S_ROOM_SLACK = streamId('plan.room-slack');

export interface PlanSizes {
  departments: number;
  teachers: number;
  students: number;
  courses: number;
  classrooms: number;
  sections: number;
  enrollments: number;
}

export interface SectionTime {
  day: number; // 1..5
  start: number;
  end: number;
  weekStart: number;
  weekEnd: number;
  parity: 'all' | 'odd' | 'even';
}

/** How to size a plan: by total campus records, or by an exact student count. */
export type PlanTarget = { records: number } | { students: number } | { timetableRecords: number };

function departmentsFor(scaleStudents: number): number {
  if (scaleStudents < 20_000) return 7;
  if (scaleStudents < 200_000) return 13;
  if (scaleStudents < 2_000_000) return 19;
  return 23;
}

export class CampusPlan {
  readonly seed: number;
  readonly D: number;
  readonly R: number;
  readonly W: number;
  readonly P: number;
  readonly C1: number;
  readonly T: number;
  readonly S: number;
  readonly E: number;
  readonly perUnit: number;
  readonly unitStep: number;
  /** Room of each unit (W entries) and first unit of each room (R + 1 entries). */
  readonly roomOfUnit: Int32Array;
  readonly unitStart: Int32Array;
  readonly roomWeight: Uint8Array;
  private readonly studentPerm: Permutation;
  private readonly blockOrders: Uint8Array[]; // 8 shuffles of LOAD_PROFILES
  /**
   * Which of blockOrders each block of 8 spread positions uses, filled as
   * asked (UNKNOWN_ORDER: not yet): one byte a block, where a hash each time
   * was most of the sections table's cost (see rememberedBlockOrder).
   */
  private readonly orderOfBlock: Uint8Array;

  constructor(seed: number, target: PlanTarget) {
    this.seed = seed;
    let scaleStudents: number;
    if ('students' in target) scaleStudents = target.students;
    else if ('records' in target) scaleStudents = target.records / 8.2;
    else scaleStudents = (target.timetableRecords / 68) * 220;
    if (!(scaleStudents >= 1)) throw invalidOption(`target too small to build a campus (got ${JSON.stringify(target)})`);
    const D = departmentsFor(scaleStudents);
    const q = Math.max(1, Math.round(scaleStudents / (220 * D)));
    this.D = D;
    this.R = D * q;
    this.P = SLOTS * this.R;
    this.C1 = 5 * this.R;
    let t = Math.max(Math.ceil(this.P / (SECTIONS_PER_TEACHER * D)), q + 1);
    if (t % 5 === 0) t += 1;
    this.T = D * t;

    this.roomWeight = new Uint8Array(this.R);
    this.unitStart = new Int32Array(this.R + 1);
    let W = 0;
    for (let r = 0; r < this.R; r++) {
      const x = hashKey(seed, S_ROOM, r) / 4294967296;
      let k = 0;
      while (x >= ROOM_WEIGHT_CUMULATIVE[k]!) k++;
      this.roomWeight[r] = ROOM_WEIGHTS[k]!;
      this.unitStart[r] = W;
      W += ROOM_WEIGHTS[k]!;
    }
    this.unitStart[this.R] = W;
    this.W = W;
    this.roomOfUnit = new Int32Array(W);
    for (let r = 0; r < this.R; r++) this.roomOfUnit.fill(r, this.unitStart[r]!, this.unitStart[r + 1]!);
    this.unitStep = 1 + Math.floor(W * 0.381966);

    if ('students' in target) {
      this.S = target.students;
    } else if ('records' in target) {
      const fixed = this.D + this.T + 2 * this.C1 + this.R + 2 * this.P;
      const perStudent = 1 + BLOCK_ENROLLMENTS / BLOCK;
      this.S = Math.max(BLOCK, Math.round((target.records - fixed) / perStudent));
    } else {
      this.S = STUDENTS_PER_UNIT * SLOTS * W;
    }
    this.perUnit = Math.ceil(this.S / (SLOTS * W));
    this.studentPerm = new Permutation(this.S, hashKey(seed, S_PERM, 0));
    const blocks = Math.ceil(this.S / BLOCK);
    // Remembered up to 32 MB (2.6 * 10^8 students); past that, hashed each time.
    this.orderOfBlock = new Uint8Array(blocks <= 2 ** 25 ? blocks : 0).fill(UNKNOWN_ORDER);
    this.blockOrders = [];
    for (let o = 0; o < 8; o++) {
      const order = Uint8Array.from({ length: BLOCK }, (_, i) => i);
      for (let i = BLOCK - 1; i > 0; i--) {
        const k = hashKey2(0x5eed, S_PROFILE, o, i) % (i + 1);
        const tmp = order[i]!;
        order[i] = order[k]!;
        order[k] = tmp;
      }
      this.blockOrders.push(order);
    }
    const fullBlocks = Math.floor(this.S / BLOCK);
    let E = fullBlocks * BLOCK_ENROLLMENTS;
    for (let u = fullBlocks * BLOCK; u < this.S; u++) E += this.load1(u) + this.load2(u);
    this.E = E;
  }

  get sizes(): PlanSizes {
    return {
      departments: this.D,
      teachers: this.T,
      students: this.S,
      courses: 2 * this.C1,
      classrooms: this.R,
      sections: 2 * this.P,
      enrollments: this.E,
    };
  }

  // --- students ------------------------------------------------------------

  /** u = pi(s): the student's position in the timetable spreading. */
  spread(s: number): number {
    return this.studentPerm.forward(s);
  }

  /** s = pi^-1(u). */
  studentOf(u: number): number {
    return this.studentPerm.inverse(u);
  }

  /** [semester-1 load, semester-2 load] of spread position u (one hash; load1 and load2 read it). */
  profileOf(u: number): readonly [number, number] {
    const block = Math.floor(u / BLOCK);
    return LOAD_PROFILES[this.blockOrder(block)[u - block * BLOCK]!]!;
  }

  /** The order of LOAD_PROFILES in block `block` of 8 spread positions (one hash per block). */
  private blockOrder(block: number): Uint8Array {
    return this.blockOrders[hashKey(this.seed, S_PROFILE, block) & 7]!;
  }

  /**
   * blockOrder, remembered in orderOfBlock: for sectionEnrolled only, which
   * reads about 40 profiles a section, each in another block. (profileOf
   * itself keeps the hash: with the lookup there, students at 10^7 ran 14%
   * slower, paired; their writer inlines profileOf.)
   */
  private rememberedBlockOrder(block: number): Uint8Array {
    if (block >= this.orderOfBlock.length) return this.blockOrder(block);
    let o = this.orderOfBlock[block]!;
    if (o === UNKNOWN_ORDER) {
      o = hashKey(this.seed, S_PROFILE, block) & 7;
      this.orderOfBlock[block] = o;
    }
    return this.blockOrders[o]!;
  }

  /** Number of semester-1 sections of spread position u. */
  load1(u: number): number {
    return this.profileOf(u)[0];
  }

  /** Number of semester-2 sections (successors of its first load2 semester-1 picks). */
  load2(u: number): number {
    return this.profileOf(u)[1];
  }

  /** First enrollment index (0-based) of spread position u, and enrollments per 8-block. */
  firstEnrollment(u: number): number {
    const block = Math.floor(u / BLOCK);
    const order = this.blockOrder(block);
    let e = block * BLOCK_ENROLLMENTS;
    for (let k = 0; k < u - block * BLOCK; k++) {
      const [k1, k2] = LOAD_PROFILES[order[k]!]!;
      e += k1 + k2;
    }
    return e;
  }

  /** Spread position whose enrollments contain enrollment index e (0-based). */
  spreadOfEnrollment(e: number): number {
    if (e < 0 || e >= this.E) throw invalidOption(`enrollment index ${e} outside [0, ${this.E})`);
    const block = Math.floor(e / BLOCK_ENROLLMENTS);
    const order = this.blockOrder(block);
    let rest = e - block * BLOCK_ENROLLMENTS;
    for (let k = 0; ; k++) {
      const [k1, k2] = LOAD_PROFILES[order[k]!]!;
      if (rest < k1 + k2) return block * BLOCK + k;
      rest -= k1 + k2;
    }
  }

  /** Section index j (within the semester) of pick m of spread position u, semester 1. */
  pickSection(u: number, m: number): number {
    const G = SLOTS;
    const slot = ((u % G) + SLOT_STEP * m) % G;
    const unit = (Math.floor(u / G) + m * this.unitStep) % this.W;
    return slot + G * this.roomOfUnit[unit]!;
  }

  /**
   * Semester-1 sections of picks 0..k-1 of spread position u into out[0..k-1]:
   * pickSection(u, m) for each m, stepped instead of recomputed (one division
   * per student instead of four per pick).
   */
  picksOf(u: number, k: number, out: Int32Array): Int32Array {
    const G = SLOTS;
    const W = this.W;
    const step = this.unitStep; // <= W, so one subtraction keeps unit in [0, W)
    const q = Math.floor(u / G);
    let slot = u - q * G;
    let unit = q % W;
    for (let m = 0; m < k; m++) {
      out[m] = slot + G * this.roomOfUnit[unit]!;
      slot += SLOT_STEP;
      if (slot >= G) slot -= G;
      unit += step;
      if (unit >= W) unit -= W;
    }
    return out;
  }

  /** The semester-2 section that succeeds semester-1 section j. */
  successorSection(j: number): number {
    return (j + this.C1) % this.P;
  }

  /** 0-based department of spread position u: that of its first course. */
  studentDepartment(u: number): number {
    return this.pickSection(u, 0) % this.D;
  }

  // --- sections --------------------------------------------------------------

  /** Global section index (0-based) of section j in semester sem. */
  sectionIndex(sem: number, j: number): number {
    return sem * this.P + j;
  }

  courseOfSection(sem: number, j: number): number {
    return sem * this.C1 + (j % this.C1);
  }

  teacherOfSection(j: number): number {
    return j % this.T;
  }

  roomOfSection(j: number): number {
    return Math.floor(j / SLOTS);
  }

  /**
   * A section's time as one small integer, a pure function of (seed,
   * section): slot * 15 + variant * 5 + weeks, where variant picks the
   * periods of a 3-period block (0: all three, 1: the first two, 2: the last
   * two; always 0 in a 2-period block) and weeks the week pattern
   * (WEEK_PATTERNS). Codes are below TIME_CODES; timeOfCode decodes one.
   */
  timeCode(sem: number, j: number): number {
    const slot = j % SLOTS;
    const h = hashKey(this.seed, S_TIME, this.sectionIndex(sem, j));
    const variant = BLOCK_LENGTH[(slot / DAYS) | 0] === 3 ? VARIANT_OF_HASH[h & 3]! : 0;
    const w = (h >>> 8) % 20;
    const weeks = w < 14 ? 0 : w < 16 ? 1 : w < 18 ? 2 : w < 19 ? 3 : 4;
    return slot * 15 + variant * 5 + weeks;
  }

  /** Day, periods and weeks of a section: a pure function of (seed, section). */
  sectionTime(sem: number, j: number, out: SectionTime): SectionTime {
    return timeOfCode(this.timeCode(sem, j), out);
  }

  /** Upper bound of the enrollment of a semester-1 section in room r. */
  sectionBound(r: number): number {
    return MAX_PICKS * this.roomWeight[r]! * this.perUnit;
  }

  /**
   * Seats of room r: at least the bound of every section it hosts in either
   * semester (a semester-2 section holds a subset of its predecessor's
   * students, and the predecessor may sit in another room), rounded up to 5,
   * plus a little slack.
   */
  roomCapacity(r: number): number {
    let need = this.sectionBound(r);
    for (let g = 0; g < SLOTS; g++) {
      const pred = (g + SLOTS * r - this.C1 + this.P) % this.P;
      need = Math.max(need, this.sectionBound(this.roomOfSection(pred)));
    }
    return Math.ceil(need / 5) * 5 + 5 * (hashKey(this.seed, S_ROOM_SLACK, r) % 4);
  }

  /** Exact number of students enrolled in section j of semester sem, by enumerating candidates. */
  sectionEnrolled(sem: number, j: number): number {
    const G = SLOTS;
    const j1 = sem === 0 ? j : (j - this.C1 + this.P) % this.P;
    const g = j1 % G;
    const r = Math.floor(j1 / G);
    const W = this.W;
    const stride = G * W;
    let count = 0;
    for (let m = 0; m < MAX_PICKS; m++) {
      const a = (((g - SLOT_STEP * m) % G) + G) % G;
      const shift = (m * this.unitStep) % W;
      for (let v = this.unitStart[r]!; v < this.unitStart[r + 1]!; v++) {
        const b = (v - shift + W) % W;
        for (let u = a + G * b; u < this.S; u += stride) {
          const block = Math.floor(u / BLOCK);
          const [k1, k2] = LOAD_PROFILES[this.rememberedBlockOrder(block)[u - block * BLOCK]!]!;
          if ((sem === 0 ? k1 : k2) > m) count++;
        }
      }
    }
    return count;
  }

  /** Weekly periods taught by teacher t in semester sem. */
  teacherLoad(t: number, sem: number, scratch: SectionTime): number {
    let periods = 0;
    for (let j = t; j < this.P; j += this.T) {
      this.sectionTime(sem, j, scratch);
      periods += scratch.end - scratch.start + 1;
    }
    return periods;
  }
}

/** Number of distinct time codes (CampusPlan#timeCode). */
export const TIME_CODES = SLOTS * 15;
/** Variant of a 3-period block by the low two bits of the time hash: 0 and 1 both give all three periods. */
const VARIANT_OF_HASH = [0, 0, 1, 2] as const;
/** Week patterns [first, last, parity] by the weeks part of a time code (drawn by 14, 2, 2, 1 and 1 sections in 20). */
export const WEEK_PATTERNS: readonly (readonly [number, number, SectionTime['parity']])[] = [
  [1, 16, 'all'], [1, 8, 'all'], [9, 16, 'all'], [1, 16, 'odd'], [1, 16, 'even'],
];

/** The time a code stands for, into out. */
export function timeOfCode(code: number, out: SectionTime): SectionTime {
  const slot = (code / 15) | 0;
  const variant = ((code - slot * 15) / 5) | 0;
  const [weekStart, weekEnd, parity] = WEEK_PATTERNS[code % 5]!;
  const block = (slot / DAYS) | 0;
  const bs = BLOCK_START[block]!;
  out.day = (slot % DAYS) + 1;
  out.start = variant === 2 ? bs + 1 : bs;
  out.end = BLOCK_LENGTH[block] === 3 && variant === 0 ? bs + 2 : out.start + 1;
  out.weekStart = weekStart;
  out.weekEnd = weekEnd;
  out.parity = parity;
  return out;
}

export function newSectionTime(): SectionTime {
  return { day: 0, start: 0, end: 0, weekStart: 0, weekEnd: 0, parity: 'all' };
}

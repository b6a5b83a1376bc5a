import type { CampusPlan } from '../model/campus-plan.js';
import { invalidOption } from '../errors.js';
import { lowerBound } from '../model/override-cursor.js';
import { parseConflictOptions, CONFLICT_TYPES, DIFFICULTIES, type ConflictOptions, type ConflictType, type ResolvedConflictOptions } from './options.js';
import { ENROLLMENT_SCORE, ENROLLMENT_SECTION, NUMERIC_FIELDS, PlanState, SECTION_CAPACITY, SECTION_DELTA, SECTION_ROOM, SECTION_TEACHER, newRecord, type ConflictRecord, type RecordData, type EnrollmentMod, type SectionMod } from './plan-state.js';
import { injectPairs } from './inject-timetable.js';
import { injectPrerequisiteViolations, injectStudentClashes } from './inject-students.js';
import { injectCapacityOverflows, injectTeacherOverloads } from './inject-limits.js';

/** Per type: how many rows were eligible, how many conflicts were asked for and made, and decoys. */
export interface ConflictTypeSummary {
  type: ConflictType;
  eligible: number;
  eligibleTable: string;
  conflicts: number;
  decoys: number;
}

export interface ConflictSummary {
  rate: number;
  difficulty: string;
  total: number;
  decoys: number;
  types: ConflictTypeSummary[];
}

/** The table whose rows a type's rate is a share of. */
export const ELIGIBLE_TABLE: Record<ConflictType, 'sections' | 'students' | 'teachers'> = {
  room_double_booking: 'sections',
  teacher_double_booking: 'sections',
  student_time_clash: 'students',
  capacity_overflow: 'sections',
  prerequisite_violation: 'students',
  teacher_overload: 'teachers',
};

/** Changes to rows of one table: row indices in ascending order, and per row one value per column (NaN: not set). */
export interface SortedChanges {
  keys: Float64Array;
  columns: Float64Array[];
}

/**
 * A plan as structured-clone data (typed arrays, strings): what a cluster
 * primary sends its workers ('advanced' IPC serialisation), and what a
 * ConflictPlan reads its changes from. Columns, not objects or Maps: a
 * worker uses them as they arrive, with no decoding or sorting.
 */
export interface ConflictPlanData {
  options: ResolvedConflictOptions;
  summary: ConflictSummary;
  /** Number of records: rows of the conflicts table. */
  size: number;
  /** All the records, or those of one range (a cluster worker's: see ConflictPlan#workerData). */
  records: RecordData;
  /** Length of the longest stored detail, over all records (the conflicts writer's line bound: the same in every process). */
  longestDetail: number;
  /** Sections: room, teacher, delta, capacity (SECTION_* columns). */
  sections: SortedChanges;
  /** Enrollments: section, score (ENROLLMENT_* columns). */
  enrollments: SortedChanges;
  /** Students: gpa. */
  students: SortedChanges;
  /** Key, value pairs. */
  teacherMax: Float64Array;
  teacherFloor: Float64Array;
  roomCapacity: Float64Array;
}

function pairs(m: ReadonlyMap<number, number>): Float64Array {
  const out = new Float64Array(2 * m.size);
  let i = 0;
  for (const [k, v] of m) {
    out[i++] = k;
    out[i++] = v;
  }
  return out;
}

function pairMap(a: Float64Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < a.length; i += 2) m.set(a[i]!, a[i + 1]!);
  return m;
}

/** Records [from, to) of d: views of its columns (IPC serialises a view's bytes only, not its whole buffer). */
function recordRange(d: RecordData, from: number, to: number): RecordData {
  const [a, b] = [from - d.first, to - d.first];
  if (a < 0 || b > d.types.length) throw new RangeError(`records ${from}-${to} are not all held (${d.first}-${d.first + d.types.length})`);
  const F = NUMERIC_FIELDS.length;
  return {
    first: from,
    numbers: d.numbers.subarray(a * F, b * F),
    types: d.types.subarray(a, b),
    difficulties: d.difficulties.subarray(a, b),
    decoys: d.decoys.subarray(a, b),
    details: d.details.slice(a, b),
  };
}

/** Records back from their columns (made by newRecord, so rows read them monomorphically). */
function decodeRecords(d: RecordData): ConflictRecord[] {
  const F = NUMERIC_FIELDS.length;
  const a = d.numbers;
  const out = new Array<ConflictRecord>(d.types.length);
  for (let k = 0, o = 0; k < out.length; k++, o += F) {
    const r = newRecord(CONFLICT_TYPES[d.types[k]!]!, DIFFICULTIES[d.difficulties[k]!]!, d.decoys[k] === 1, a[o]!);
    // NUMERIC_FIELDS order.
    r.semester = a[o + 1]!;
    r.day = a[o + 2]!;
    r.classroom = a[o + 3]!;
    r.teacher = a[o + 4]!;
    r.student = a[o + 5]!;
    r.section = a[o + 6]!;
    r.otherSection = a[o + 7]!;
    r.enrollment = a[o + 8]!;
    r.otherEnrollment = a[o + 9]!;
    r.course = a[o + 10]!;
    r.amount = Number.isNaN(a[o + 11]!) ? null : a[o + 11]!;
    r.detail = d.details[k]!;
    out[k] = r;
  }
  return out;
}

/** Position of key i in ascending keys, or -1. */
export function findKey(keys: Float64Array, i: number): number {
  const k = lowerBound(keys, i);
  return k < keys.length && keys[k] === i ? k : -1;
}

const unNaN = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);

/**
 * The injection plan: every change the injection makes, decided once from
 * (seed, sizes, options) by arithmetic on indices — no table is read. Rows
 * look their changes up by index, so any chunk of any table is changed
 * alike in any process and for any batch size. Memory: O(conflicts).
 */
export class ConflictPlan {
  readonly options: ResolvedConflictOptions;
  readonly summary: ConflictSummary;
  private readonly d: ConflictPlanData;
  /** The records held: all of them, or in a cluster worker those of the conflicts chunk it writes (holdRecords). */
  private held: RecordData;
  private decoded: ConflictRecord[] | undefined;
  private readonly teacherMaxes: Map<number, number>;
  private readonly teacherFloors: Map<number, number>;
  private readonly roomCapacities: Map<number, number>;

  private constructor(d: ConflictPlanData) {
    this.d = d;
    this.held = d.records;
    this.options = d.options;
    this.summary = d.summary;
    this.teacherMaxes = pairMap(d.teacherMax);
    this.teacherFloors = pairMap(d.teacherFloor);
    this.roomCapacities = pairMap(d.roomCapacity);
  }

  /** The plan's changes, columns sorted by row, from a finished build. */
  static fromState(st: PlanState, options: ResolvedConflictOptions, summary: ConflictSummary): ConflictPlan {
    const records = st.records.data();
    const data: ConflictPlanData = {
      options,
      summary,
      size: st.records.length,
      records,
      longestDetail: records.details.reduce((n, s) => Math.max(n, s.length), 0),
      sections: st.sectionMods.sorted(),
      enrollments: st.enrollmentMods.sorted(),
      students: st.studentGpa.sorted(),
      teacherMax: pairs(st.teacherMax),
      teacherFloor: pairs(st.teacherFloor),
      roomCapacity: pairs(st.roomCapacity),
    };
    return new ConflictPlan(data);
  }

  /**
   * The plan as plain data (O(changes)): a cluster primary builds the plan
   * once and hands it to its workers, which would otherwise each spend as
   * long rebuilding it as generating a 10^5-row chunk.
   */
  toData(): ConflictPlanData {
    return this.d;
  }

  /**
   * What every cluster worker gets at start: the changes, not the records.
   * Only the conflicts table reads those, so a worker gets the records of a
   * conflicts chunk with that chunk (recordsIn, holdRecords): at 10^7
   * records they were two thirds of the bytes each worker waited for.
   */
  workerData(): ConflictPlanData {
    return { ...this.d, records: recordRange(this.d.records, 0, 0) };
  }

  static fromData(d: ConflictPlanData): ConflictPlan {
    return new ConflictPlan(d);
  }

  /** Records [from, to) as columns: what a conflicts chunk of those rows carries to a cluster worker. */
  recordsIn(from: number, to: number): RecordData {
    return recordRange(this.held, from, to);
  }

  /** Holds these records (a worker's, for the conflicts chunk it is about to write) instead of those it held. */
  holdRecords(r: RecordData): void {
    this.held = r;
    this.decoded = undefined;
  }

  /** The records held, as columns (RecordData#first is the index of the first). */
  heldRecords(): RecordData {
    return this.held;
  }

  /** The records held, decoded on first use: all of them, except in a cluster worker (holdRecords). */
  get records(): readonly ConflictRecord[] {
    return (this.decoded ??= decodeRecords(this.held));
  }

  /** Record i of the ground truth: row i of the conflicts table. */
  record(i: number): ConflictRecord {
    const r = this.records[i - this.held.first];
    if (!r) throw new RangeError(`conflict record ${i} is not held (${this.held.first}-${this.held.first + this.held.types.length})`);
    return r;
  }

  /** Length of the longest stored detail of any record (held or not). */
  get longestDetail(): number {
    return this.d.longestDetail;
  }

  /** Number of records (rows of the conflicts table). */
  get size(): number {
    return this.d.size;
  }

  get active(): boolean {
    return this.d.size > 0;
  }

  /** The changes of sections (room, teacher, delta, capacity), enrollments (section, score) or students (gpa), sorted by row. */
  changes(table: 'sections' | 'enrollments' | 'students'): SortedChanges {
    return this.d[table];
  }

  /** Change of section row i (0-based), if any. */
  section(i: number): SectionMod | undefined {
    const { keys, columns } = this.d.sections;
    const k = findKey(keys, i);
    if (k < 0) return undefined;
    const m: SectionMod = { delta: columns[SECTION_DELTA]![k]! };
    const room = unNaN(columns[SECTION_ROOM]![k]!);
    const teacher = unNaN(columns[SECTION_TEACHER]![k]!);
    const capacity = unNaN(columns[SECTION_CAPACITY]![k]!);
    if (room !== undefined) m.room = room;
    if (teacher !== undefined) m.teacher = teacher;
    if (capacity !== undefined) m.capacity = capacity;
    return m;
  }

  /** Change of enrollment row e (0-based), if any. */
  enrollment(e: number): EnrollmentMod | undefined {
    const { keys, columns } = this.d.enrollments;
    const k = findKey(keys, e);
    if (k < 0) return undefined;
    const m: EnrollmentMod = {};
    const section = unNaN(columns[ENROLLMENT_SECTION]![k]!);
    const score = unNaN(columns[ENROLLMENT_SCORE]![k]!);
    if (section !== undefined) m.section = section;
    if (score !== undefined) m.score = score;
    return m;
  }

  /** Recomputed gpa of student row s (0-based), if any. */
  studentGpa(s: number): number | undefined {
    const { keys, columns } = this.d.students;
    const k = findKey(keys, s);
    return k < 0 ? undefined : columns[0]![k];
  }

  /** max_weekly_periods of teacher t given its current value. */
  teacherMax(t: number, current: number): number {
    const set = this.teacherMaxes.get(t);
    if (set !== undefined) return set;
    const floor = this.teacherFloors.get(t);
    return floor !== undefined && floor > current ? floor + (floor & 1) : current;
  }

  roomCapacity(r: number): number | undefined {
    return this.roomCapacities.get(r);
  }

  /** Sorted indices of the rows of sections, enrollments or students that a change touches. */
  changedRows(table: 'sections' | 'enrollments' | 'students'): Float64Array {
    return this.d[table].keys;
  }

  /** Which tables' rows any change touches. */
  touches(table: string): boolean {
    switch (table) {
      case 'sections':
      case 'enrollments':
      case 'students':
        return this.d[table].keys.length > 0;
      case 'teachers':
        return this.teacherMaxes.size > 0 || this.teacherFloors.size > 0;
      case 'classrooms':
        return this.roomCapacities.size > 0;
      default:
        return false;
    }
  }
}

const BUILD_ORDER: readonly ConflictType[] = [
  'room_double_booking',
  'teacher_double_booking',
  'student_time_clash',
  'prerequisite_violation',
  'capacity_overflow',
  'teacher_overload',
];

function eligibleRows(cp: CampusPlan, type: ConflictType): number {
  const t = ELIGIBLE_TABLE[type];
  return t === 'sections' ? 2 * cp.P : t === 'students' ? cp.S : cp.T;
}

/** Decides every change for a campus plan. Throws a usage error when the rate cannot fit. */
export function buildConflictPlan(cp: CampusPlan, o: ConflictOptions | ResolvedConflictOptions): ConflictPlan {
  const options = parseConflictOptions(o as ConflictOptions);
  const st = new PlanState(cp);
  const types: ConflictTypeSummary[] = [];
  // Moves first, then limits: a capacity or a load is set on the counts and timetable the moves leave.
  for (const type of BUILD_ORDER) {
    const eligible = eligibleRows(cp, type);
    const n = options.types.includes(type) ? Math.round(options.rate * eligible) : 0;
    const before = st.records.length;
    let made = 0;
    if (n > 0) {
      switch (type) {
        case 'room_double_booking':
        case 'teacher_double_booking':
          made = injectPairs(st, type, n, options.difficulty);
          break;
        case 'student_time_clash':
          made = injectStudentClashes(st, n, options.difficulty);
          break;
        case 'prerequisite_violation':
          made = injectPrerequisiteViolations(st, n, options.difficulty);
          break;
        case 'capacity_overflow':
          made = injectCapacityOverflows(st, n, options.difficulty);
          break;
        case 'teacher_overload':
          made = injectTeacherOverloads(st, n, options.difficulty);
          break;
      }
      if (made < n) {
        const max = Math.floor((made / eligible) * 10000) / 10000;
        throw invalidOption(
          `--conflicts ${options.rate} is too high for ${type} at this size: at most ${max} ` +
            `(${made} of the ${n} asked fit among ${eligible} ${ELIGIBLE_TABLE[type]}${types.some((t) => t.conflicts > 0) ? ' after the other types' : ''})`,
        );
      }
    }
    const after = st.records.length;
    const addedDecoys = st.records.decoysIn(before, after);
    types.push({
      type,
      eligible,
      eligibleTable: ELIGIBLE_TABLE[type],
      conflicts: after - before - addedDecoys,
      decoys: addedDecoys,
    });
  }
  for (let t = 0; t < cp.T; t++) if (st.teachersTouched[t] === 1 && !st.teacherMax.has(t)) st.teacherFloor.set(t, st.teacherLoad(t).peak);
  types.sort((a, b) => CONFLICT_TYPES.indexOf(a.type) - CONFLICT_TYPES.indexOf(b.type));
  const summary: ConflictSummary = {
    rate: options.rate,
    difficulty: options.difficulty,
    total: types.reduce((a, t) => a + t.conflicts, 0),
    decoys: types.reduce((a, t) => a + t.decoys, 0),
    types,
  };
  return ConflictPlan.fromState(st, options, summary);
}

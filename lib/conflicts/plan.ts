import type { CampusPlan } from '../model/campus-plan.js';
import { invalidOption } from '../errors.js';
import { parseConflictOptions, CONFLICT_TYPES, DIFFICULTIES, type ConflictOptions, type ConflictType, type ResolvedConflictOptions } from './options.js';
import { PlanState, newRecord, type ConflictRecord, type EnrollmentMod, type SectionMod } from './plan-state.js';
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

/** Every change of a plan: what rows look up (PlanState has these and more). */
export interface PlanChanges {
  readonly records: readonly ConflictRecord[];
  readonly sectionMods: ReadonlyMap<number, SectionMod>;
  readonly enrollmentMods: ReadonlyMap<number, EnrollmentMod>;
  readonly studentGpa: ReadonlyMap<number, number>;
  readonly teacherMax: ReadonlyMap<number, number>;
  readonly teacherFloor: ReadonlyMap<number, number>;
  readonly roomCapacity: ReadonlyMap<number, number>;
}

/** The numeric fields of a ConflictRecord (null amounts travel as NaN), in the order ConflictPlanData lists them. */
const NUMERIC_FIELDS = ['group', 'semester', 'day', 'classroom', 'teacher', 'student', 'section', 'otherSection', 'enrollment', 'otherEnrollment', 'course', 'amount'] as const;

/**
 * ConflictPlan#toData: the plan as structured-clone data (typed arrays,
 * strings), for the cluster's IPC ('advanced' serialisation). Columns, not
 * objects: 9 MB of JSON at 10^7 records took 110 ms to parse in every worker.
 */
export interface ConflictPlanData {
  options: ResolvedConflictOptions;
  summary: ConflictSummary;
  records: {
    /** Row-major, NUMERIC_FIELDS.length values per record. */
    numbers: Float64Array;
    /** Indices into CONFLICT_TYPES and DIFFICULTIES; 1 for decoys. */
    types: Uint8Array;
    difficulties: Uint8Array;
    decoys: Uint8Array;
    details: string[];
  };
  /** Per change: key, room, teacher, delta, capacity (NaN: not set). */
  sectionMods: Float64Array;
  /** Per change: key, section, score (NaN: not set). */
  enrollmentMods: Float64Array;
  /** Key, value pairs. */
  studentGpa: Float64Array;
  teacherMax: Float64Array;
  teacherFloor: Float64Array;
  roomCapacity: Float64Array;
}

const orNaN = (v: number | null | undefined): number => (v === undefined || v === null ? NaN : v);
const unNaN = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);

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

function encodeRecords(records: readonly ConflictRecord[]): ConflictPlanData['records'] {
  const F = NUMERIC_FIELDS.length;
  const numbers = new Float64Array(records.length * F);
  const types = new Uint8Array(records.length);
  const difficulties = new Uint8Array(records.length);
  const decoys = new Uint8Array(records.length);
  const details = new Array<string>(records.length);
  records.forEach((r, k) => {
    for (let f = 0; f < F; f++) numbers[k * F + f] = orNaN(r[NUMERIC_FIELDS[f]!]);
    types[k] = CONFLICT_TYPES.indexOf(r.type);
    difficulties[k] = DIFFICULTIES.indexOf(r.difficulty);
    decoys[k] = r.isDecoy ? 1 : 0;
    details[k] = r.detail;
  });
  return { numbers, types, difficulties, decoys, details };
}

/** Records back from their columns (made by newRecord, so rows read them monomorphically). */
function decodeRecords(d: ConflictPlanData['records']): ConflictRecord[] {
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

/**
 * The injection plan: every change the injection makes, decided once from
 * (seed, sizes, options) by arithmetic on indices — no table is read. Rows
 * look their changes up by index, so any chunk of any table is changed
 * alike in any process and for any batch size. Memory: O(conflicts).
 */
export class ConflictPlan {
  readonly options: ResolvedConflictOptions;
  readonly records: readonly ConflictRecord[];
  readonly summary: ConflictSummary;
  private readonly st: PlanChanges;
  private readonly sortedRows = new Map<string, Float64Array>();

  constructor(st: PlanChanges, options: ResolvedConflictOptions, summary: ConflictSummary) {
    this.st = st;
    this.options = options;
    this.records = st.records;
    this.summary = summary;
  }

  /**
   * The plan as plain data (JSON-safe, O(changes)): a cluster primary builds
   * the plan once and hands it to its workers, which would otherwise each
   * spend as long rebuilding it as generating a 10^5-row chunk.
   */
  toData(): ConflictPlanData {
    const st = this.st;
    const sections = new Float64Array(5 * st.sectionMods.size);
    let i = 0;
    for (const [k, m] of st.sectionMods) {
      sections.set([k, orNaN(m.room), orNaN(m.teacher), m.delta, orNaN(m.capacity)], i);
      i += 5;
    }
    const enrollments = new Float64Array(3 * st.enrollmentMods.size);
    i = 0;
    for (const [k, m] of st.enrollmentMods) {
      enrollments.set([k, orNaN(m.section), orNaN(m.score)], i);
      i += 3;
    }
    return {
      options: this.options,
      summary: this.summary,
      records: encodeRecords(this.records),
      sectionMods: sections,
      enrollmentMods: enrollments,
      studentGpa: pairs(st.studentGpa),
      teacherMax: pairs(st.teacherMax),
      teacherFloor: pairs(st.teacherFloor),
      roomCapacity: pairs(st.roomCapacity),
    };
  }

  static fromData(d: ConflictPlanData): ConflictPlan {
    const sectionMods = new Map<number, SectionMod>();
    for (let i = 0; i < d.sectionMods.length; i += 5) {
      const a = d.sectionMods;
      const m: SectionMod = { delta: a[i + 3]! };
      const room = unNaN(a[i + 1]!);
      const teacher = unNaN(a[i + 2]!);
      const capacity = unNaN(a[i + 4]!);
      if (room !== undefined) m.room = room;
      if (teacher !== undefined) m.teacher = teacher;
      if (capacity !== undefined) m.capacity = capacity;
      sectionMods.set(a[i]!, m);
    }
    const enrollmentMods = new Map<number, EnrollmentMod>();
    for (let i = 0; i < d.enrollmentMods.length; i += 3) {
      const a = d.enrollmentMods;
      const m: EnrollmentMod = {};
      const section = unNaN(a[i + 1]!);
      const score = unNaN(a[i + 2]!);
      if (section !== undefined) m.section = section;
      if (score !== undefined) m.score = score;
      enrollmentMods.set(a[i]!, m);
    }
    const changes: PlanChanges = {
      records: decodeRecords(d.records),
      sectionMods,
      enrollmentMods,
      studentGpa: pairMap(d.studentGpa),
      teacherMax: pairMap(d.teacherMax),
      teacherFloor: pairMap(d.teacherFloor),
      roomCapacity: pairMap(d.roomCapacity),
    };
    return new ConflictPlan(changes, d.options, d.summary);
  }

  get active(): boolean {
    return this.records.length > 0;
  }

  /** Change of section row i (0-based), if any. */
  section(i: number): SectionMod | undefined {
    return this.st.sectionMods.get(i);
  }

  /** Change of enrollment row e (0-based), if any. */
  enrollment(e: number): EnrollmentMod | undefined {
    return this.st.enrollmentMods.get(e);
  }

  /** Recomputed gpa of student row s (0-based), if any. */
  studentGpa(s: number): number | undefined {
    return this.st.studentGpa.get(s);
  }

  /** max_weekly_periods of teacher t given its current value. */
  teacherMax(t: number, current: number): number {
    const set = this.st.teacherMax.get(t);
    if (set !== undefined) return set;
    const floor = this.st.teacherFloor.get(t);
    return floor !== undefined && floor > current ? floor + (floor & 1) : current;
  }

  roomCapacity(r: number): number | undefined {
    return this.st.roomCapacity.get(r);
  }

  /** Sorted indices of the rows of sections, enrollments or students that a change touches. */
  changedRows(table: 'sections' | 'enrollments' | 'students'): Float64Array {
    // Sorted once per plan, not once per chunk that creates an applier.
    let rows = this.sortedRows.get(table);
    if (!rows) {
      const keys = table === 'sections' ? this.st.sectionMods.keys() : table === 'enrollments' ? this.st.enrollmentMods.keys() : this.st.studentGpa.keys();
      rows = Float64Array.from(keys).sort();
      this.sortedRows.set(table, rows);
    }
    return rows;
  }

  /** Which tables' rows any change touches. */
  touches(table: string): boolean {
    switch (table) {
      case 'sections':
        return this.st.sectionMods.size > 0;
      case 'enrollments':
        return this.st.enrollmentMods.size > 0;
      case 'students':
        return this.st.studentGpa.size > 0;
      case 'teachers':
        return this.st.teacherMax.size > 0 || this.st.teacherFloor.size > 0;
      case 'classrooms':
        return this.st.roomCapacity.size > 0;
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
    const added = st.records.slice(before);
    types.push({
      type,
      eligible,
      eligibleTable: ELIGIBLE_TABLE[type],
      conflicts: added.filter((r) => !r.isDecoy).length,
      decoys: added.filter((r) => r.isDecoy).length,
    });
  }
  for (const t of st.teachersTouched) if (!st.teacherMax.has(t)) st.teacherFloor.set(t, st.teacherLoad(t).peak);
  types.sort((a, b) => CONFLICT_TYPES.indexOf(a.type) - CONFLICT_TYPES.indexOf(b.type));
  const summary: ConflictSummary = {
    rate: options.rate,
    difficulty: options.difficulty,
    total: types.reduce((a, t) => a + t.conflicts, 0),
    decoys: types.reduce((a, t) => a + t.decoys, 0),
    types,
  };
  return new ConflictPlan(st, options, summary);
}

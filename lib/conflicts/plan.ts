import type { CampusPlan } from '../model/campus-plan.js';
import { invalidOption } from '../errors.js';
import { parseConflictOptions, CONFLICT_TYPES, type ConflictOptions, type ConflictType, type ResolvedConflictOptions } from './options.js';
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

/** The fields of a ConflictRecord, in the order ConflictPlanData lists their values. */
const RECORD_FIELDS = Object.keys(newRecord('room_double_booking', 'simple', false, 0)) as (keyof ConflictRecord)[];

/** A record back from its values (same shape as newRecord's, so rows read it monomorphically). */
function recordOf(values: unknown[]): ConflictRecord {
  const r = newRecord('room_double_booking', 'simple', false, 0) as unknown as Record<string, unknown>;
  for (let i = 0; i < RECORD_FIELDS.length; i++) r[RECORD_FIELDS[i]!] = values[i];
  return r as unknown as ConflictRecord;
}

/** ConflictPlan#toData: plain data that crosses IPC. */
export interface ConflictPlanData {
  options: ResolvedConflictOptions;
  summary: ConflictSummary;
  /** Each record as its values in RECORD_FIELDS order (a third of the JSON of objects: 14 MB -> about 5 MB at 10^7). */
  records: unknown[][];
  sectionMods: [number, SectionMod][];
  enrollmentMods: [number, EnrollmentMod][];
  studentGpa: [number, number][];
  teacherMax: [number, number][];
  teacherFloor: [number, number][];
  roomCapacity: [number, number][];
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
    return {
      options: this.options,
      summary: this.summary,
      records: this.records.map((r) => {
        const values = new Array<unknown>(RECORD_FIELDS.length);
        for (let i = 0; i < RECORD_FIELDS.length; i++) values[i] = r[RECORD_FIELDS[i]!];
        return values;
      }),
      sectionMods: [...st.sectionMods],
      enrollmentMods: [...st.enrollmentMods],
      studentGpa: [...st.studentGpa],
      teacherMax: [...st.teacherMax],
      teacherFloor: [...st.teacherFloor],
      roomCapacity: [...st.roomCapacity],
    };
  }

  static fromData(d: ConflictPlanData): ConflictPlan {
    const changes: PlanChanges = {
      records: d.records.map(recordOf),
      sectionMods: new Map(d.sectionMods),
      enrollmentMods: new Map(d.enrollmentMods),
      studentGpa: new Map(d.studentGpa),
      teacherMax: new Map(d.teacherMax),
      teacherFloor: new Map(d.teacherFloor),
      roomCapacity: new Map(d.roomCapacity),
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

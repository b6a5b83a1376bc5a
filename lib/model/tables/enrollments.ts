import type { ModelContext } from '../context.js';
import { OverrideCursor } from '../override-cursor.js';
import type { RowOverrides, TableModel, TableSpec } from '../schema.js';
import type { CampusPlan } from '../campus-plan.js';
import { Rng } from '../../random/rng.js';
import { streamId } from '../../random/hash.js';
import { SEMESTERS } from '../campus-plan.js';
import { dateString, dateTimeString, epochDay } from '../calendar.js';
import { semesterOneScore } from '../grades.js';
import { ndjsonGlue } from '../../formats/ndjson-bytes.js';
import { compileConstant, dataViewCache, writeDigits, writeUint, writeAscii, writeWhole, type ConstantWriter } from '../../formats/byte-encode.js';
import { ByteStrings } from '../../formats/byte-strings.js';
import { anyJson } from '../../formats/json-string.js';

export const enrollmentsSpec: TableSpec = {
  name: 'enrollments',
  description: "A student's place in a section. Rows are grouped by student; semester-1 rows are completed with a score.",
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'student_id', type: 'int', references: 'students', relation: true },
    { name: 'section_id', type: 'int', references: 'sections', relation: true },
    { name: 'semester', type: 'string', enum: [...SEMESTERS], jsonSafe: true },
    { name: 'status', type: 'string', enum: ['completed', 'enrolled'], jsonSafe: true },
    { name: 'enrolled_at', type: 'datetime', jsonSafe: true },
    { name: 'score', type: 'int', nullable: true, min: 0, max: 100 },
  ],
};

const S = streamId('enrollments');
const REGISTRATION = [epochDay(2025, 8, 18), epochDay(2026, 1, 5)];
const REGISTRATION_DAYS = [21, 40];
const STATUS = ['completed', 'enrolled'] as const;
const DAY_START = 8 * 3600;
const DAY_SECONDS = 14 * 3600;

/**
 * Walks enrollment indices in order: which spread position u, which pick m,
 * which semester. Sequential calls are O(1); a jump re-positions in O(8).
 */
export class EnrollmentCursor {
  private next = -1;
  u = 0;
  pos = 0;
  k1 = 0;
  k2 = 0;
  constructor(private readonly plan: CampusPlan) {}

  seek(e: number): this {
    if (e === this.next) {
      this.pos++;
      if (this.pos >= this.k1 + this.k2) {
        this.u++;
        this.pos = 0;
        this.load();
      }
    } else {
      this.u = this.plan.spreadOfEnrollment(e);
      this.pos = e - this.plan.firstEnrollment(this.u);
      this.load();
    }
    this.next = e + 1;
    return this;
  }

  private load(): void {
    const [k1, k2] = this.plan.profileOf(this.u);
    this.k1 = k1;
    this.k2 = k2;
  }

  get semester(): number {
    return this.pos < this.k1 ? 0 : 1;
  }

  get pick(): number {
    return this.pos < this.k1 ? this.pos : this.pos - this.k1;
  }
}

export function enrollmentsTable(ctx: ModelContext): TableModel {
  const { seed, plan } = ctx;
  /** Section id (1-based, global) of pick m of spread position u in semester sem. */
  const sectionId = (u: number, m: number, sem: number): number => {
    const j = plan.pickSection(u, m);
    return sem === 0 ? j + 1 : plan.P + plan.successorSection(j) + 1;
  };
  return {
    spec: enrollmentsSpec,
    rows: plan.E,
    createGenerator() {
      const rng = new Rng();
      const cursor = new EnrollmentCursor(plan);
      return (e) => {
        cursor.seek(e);
        const sem = cursor.semester;
        const m = cursor.pick;
        rng.at(seed, S, e);
        const day = REGISTRATION[sem]! + rng.below(REGISTRATION_DAYS[sem]!);
        const second = DAY_START + rng.below(DAY_SECONDS);
        return {
          id: e + 1,
          student_id: 0,
          section_id: 0,
          semester: SEMESTERS[sem],
          status: STATUS[sem],
          enrolled_at: dateTimeString(day, second),
          score: sem === 0 ? semesterOneScore(seed, cursor.u, m, m < cursor.k2) : null,
        };
      };
    },
    createResolver() {
      const cursor = new EnrollmentCursor(plan);
      let lastU = -1;
      let student = 0;
      return (row, e) => {
        cursor.seek(e);
        if (cursor.u !== lastU) {
          lastU = cursor.u;
          student = plan.studentOf(cursor.u) + 1;
        }
        row.student_id = student;
        row.section_id = sectionId(cursor.u, cursor.pick, cursor.semester);
      };
    },
    ndjsonOverridable: ['section_id', 'score'],
    createNdjsonWriter(options) {
      const overrides = new OverrideCursor(options.overrides);
      const rng = new Rng();
      const cursor = new EnrollmentCursor(plan);
      let lastU = -1;
      let student = 0;
      const glue = ndjsonGlue(enrollmentsSpec, options);
      const [gId, gStudent, gSection] = glue.slice(0, 3).map(compileConstant) as [ConstantWriter, ConstantWriter, ConstantWriter];
      // Semester and status follow from the semester: one constant from after section_id to inside enrolled_at's quotes.
      const middle = [0, 1].map((sem) =>
        compileConstant(Buffer.concat([glue[3]!, Buffer.from(SEMESTERS[sem]!), glue[4]!, Buffer.from(STATUS[sem]!), glue[5]!])),
      );
      const scoreGlue = compileConstant(glue[6]!);
      const nullEnd = compileConstant(Buffer.concat([glue[6]!, Buffer.from('null'), glue[7]!]));
      const end = compileConstant(glue[7]!);
      const firstDay = Math.min(...REGISTRATION);
      const days = new ByteStrings(
        Array.from({ length: Math.max(...REGISTRATION.map((d, sem) => d + REGISTRATION_DAYS[sem]!)) - firstDay }, (_, k) => `${dateString(firstDay + k)}T`),
      );
      // Three ids, the date and time (20), a score override as any number (24), the last word store's overrun.
      const reserve = glue.reduce((n, g) => n + g.length, 0) + 3 * 20 + 20 + 24 + 4;
      const viewOf = dataViewCache();
      // The row being written: its draw, shared by the parts below.
      let u = 0;
      let sem = 0;
      let m = 0;
      /** Draws row e and writes its line up to section_id's value. */
      const head = (e: number, v: DataView, buf: Buffer, off: number): number => {
        cursor.seek(e);
        u = cursor.u;
        sem = cursor.semester;
        m = cursor.pick;
        if (u !== lastU) {
          lastU = u;
          student = plan.studentOf(u) + 1;
        }
        let o = gId(v, off);
        o = writeWhole(buf, o, e + 1);
        o = gStudent(v, o);
        o = writeWhole(buf, o, student);
        return gSection(v, o);
      };
      /** From after section_id's value to the end of enrolled_at. */
      const enrolledAt = (e: number, v: DataView, buf: Buffer, o: number): number => {
        rng.at(seed, S, e);
        const day = REGISTRATION[sem]! + rng.below(REGISTRATION_DAYS[sem]!);
        const second = DAY_START + rng.below(DAY_SECONDS);
        o = middle[sem]!(v, o);
        o = days.put(v, o, day - firstDay);
        const hours = (second / 3600) | 0;
        const rest = second - hours * 3600;
        const minutes = (rest / 60) | 0;
        o = writeDigits(buf, o, hours, 2);
        buf[o++] = 58;
        o = writeDigits(buf, o, minutes, 2);
        buf[o++] = 58;
        o = writeDigits(buf, o, rest - minutes * 60, 2);
        buf[o++] = 90;
        return o;
      };
      const write = (e: number, buf: Buffer, off: number): number => {
        const v = viewOf(buf);
        let o = head(e, v, buf, off);
        o = writeWhole(buf, o, sectionId(u, m, sem));
        o = enrolledAt(e, v, buf, o);
        if (sem !== 0) return nullEnd(v, o);
        o = scoreGlue(v, o);
        o = writeUint(buf, o, semesterOneScore(seed, u, m, m < cursor.k2));
        return end(v, o);
      };
      /**
       * A row with overrides (conflict injection: about one in a hundred).
       * A function of its own, so the plain writer's optimised code never
       * carries the override branches (they cost every row 5-8%).
       */
      const writeOverridden = (e: number, buf: Buffer, off: number, ov: RowOverrides): number => {
        const v = viewOf(buf);
        let o = head(e, v, buf, off);
        const section = ov.section_id;
        if (section === undefined) o = writeWhole(buf, o, sectionId(u, m, sem));
        else if (typeof section === 'number' && section === section >>> 0) o = writeUint(buf, o, section);
        else throw new TypeError(`enrollments: a section_id override must be a whole number (got ${String(section)})`);
        o = enrolledAt(e, v, buf, o);
        const score = ov.score === undefined ? (sem === 0 ? semesterOneScore(seed, u, m, m < cursor.k2) : null) : ov.score;
        if (score === null) return nullEnd(v, o);
        o = scoreGlue(v, o);
        if (typeof score !== 'number') throw new TypeError(`enrollments: a score override must be a number or null (got ${typeof score})`);
        o = score === score >>> 0 ? writeUint(buf, o, score) : writeAscii(buf, o, anyJson(score));
        return end(v, o);
      };
      const writeEither = (e: number, buf: Buffer, off: number): number => {
        const ov = overrides.of(e);
        return ov === undefined ? write(e, buf, off) : writeOverridden(e, buf, off, ov);
      };
      return Object.assign(options.overrides ? writeEither : write, { reserve });
    },
  };
}

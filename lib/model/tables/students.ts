import type { ModelContext } from '../context.js';
import { OverrideCursor } from '../override-cursor.js';
import type { RowOverrides, TableModel, TableSpec } from '../schema.js';
import { Rng } from '../../random/rng.js';
import { hashKey, streamId } from '../../random/hash.js';
import { Permutation } from '../../random/permutation.js';
import { drawPhone, names, newNameIndex, newNameParts, newPhoneParts, PHONE_MAX_BYTES, phoneString, writePhone, type NameIndex, type PhoneParts } from '../people.js';
import { dateString, yearStart } from '../calendar.js';
import { zeroPad } from '../digits.js';
import { courseCredits, gradePoints, scoreKey, scoreOfPick } from '../grades.js';
import { MAX_PICKS } from '../campus-plan.js';
import { ByteStrings } from '../../formats/byte-strings.js';
import { ndjsonGlue } from '../../formats/ndjson-bytes.js';
import { compileConstant, dataViewCache, writeAscii, writeDigits, writeUint, writeWhole, type ConstantWriter } from '../../formats/byte-encode.js';
import { decimalStrings } from '../../formats/decimal-strings.js';
import { anyJson } from '../../formats/json-string.js';

export const studentsSpec: TableSpec = {
  name: 'students',
  description: 'Students. gpa is computed from the scores of their completed (semester-1) enrollments.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'student_no', type: 'string', unique: true, jsonSafe: true },
    { name: 'name', type: 'string', jsonSafe: true },
    { name: 'gender', type: 'string', enum: ['F', 'M'], jsonSafe: true },
    { name: 'birth_date', type: 'date', jsonSafe: true },
    { name: 'email', type: 'string', unique: true, jsonSafe: true },
    { name: 'phone', type: 'string', jsonSafe: true },
    { name: 'department_id', type: 'int', references: 'departments', relation: true },
    { name: 'major', type: 'string', jsonSafe: true },
    { name: 'enrollment_year', type: 'int', min: 2022, max: 2025 },
    { name: 'gpa', type: 'float', min: 0, max: 4, scale: 2 },
  ],
};

const S = streamId('students');
const S_NO = streamId('students.number');
const YEARS = [2022, 2023, 2024, 2025];
const YEAR_STRINGS = YEARS.map(String);
/** Departments remembered from generation for the resolver (a batch is generated, then resolved). */
const DEPT_MEMO = 4096;
const GPA_STEPS = 100;
/** Longest JSON text of a number (-1.7976931348623157e+308). */
const NUMBER_MAX_BYTES = 24;

/** What is drawn for one student: indices and numbers that the row and the byte writer both render. */
interface StudentDraw {
  readonly name: NameIndex;
  /** Index of the enrollment year in YEARS. */
  year: number;
  /** The student number's serial part (a bijection of the row index). */
  serial: number;
  /** Birth date, days since the epoch. */
  birth: number;
  /** 0-based department. */
  dept: number;
  readonly phone: PhoneParts;
  /** Index into the department's majors. */
  major: number;
  /** gpa * 100, rounded: 0..400. */
  gpa: number;
}

function newStudentDraw(): StudentDraw {
  return { name: newNameIndex(), year: 0, serial: 0, birth: 0, dept: 0, phone: newPhoneParts(), major: 0, gpa: 0 };
}

export function studentsTable(ctx: ModelContext): TableModel {
  const { seed, plan, pools } = ctx;
  const numbers = new Permutation(plan.S, hashKey(seed, S_NO, 0));
  const width = Math.max(6, String(plan.S - 1).length);
  const atDomain = `@stu.${pools.academic.emailDomain}`;
  const zh = pools.locale === 'zh_CN';
  const nameTables = names(pools);
  const disciplines = pools.academic.disciplines;
  // Credits of each semester-1 course, looked up by every student's GPA: section j's course is j mod C1
  // (plan.courseOfSection). A byte per course, not per section: 5 times smaller, it stays in cache
  // (a table per section, 1.1 MB at 10^7 students, missed on most picks: +0.2 us a student).
  const creditOfCourse = Uint8Array.from({ length: plan.C1 }, (_, c) => courseCredits(seed, c));
  const C1 = plan.C1;
  const D = plan.D;
  // Majors per department: a lookup, not a division.
  const majorsOfDept = Array.from({ length: plan.D }, (_, dept) => disciplines[dept % disciplines.length]!.majors);
  const majorCount = Int32Array.from(majorsOfDept, (m) => m.length);
  // s -> department of the rows generated last, keyed by s: the resolver
  // reads it here instead of computing the permutation and the department
  // again. Int32 slots (a Float64Array memo handed doubles to pickSection's
  // modulos: 2.3x slower first chunks in workers); indices past 2^31 skip it.
  const memoKey = new Int32Array(DEPT_MEMO).fill(-1);
  const memoDept = new Int32Array(DEPT_MEMO);
  const memoOk = plan.S <= 0x7fffffff;
  const departmentOf = (s: number): number => {
    const i = s & (DEPT_MEMO - 1);
    if (memoOk && memoKey[i] === s) return memoDept[i]!;
    return plan.studentDepartment(plan.spread(s));
  };

  /** A drawer of students: (s, out) fills out with student s's draws. Owns its Rng and scratch. */
  const newDrawer = () => {
    const rng = new Rng();
    const picks = new Int32Array(MAX_PICKS);
    return (s: number, d: StudentDraw): StudentDraw => {
      rng.at(seed, S, s);
      const u = plan.spread(s);
      nameTables.draw(rng, rng.chance(0.5) ? 'F' : 'M', d.name);
      const y = rng.below(4);
      d.year = y;
      d.serial = numbers.forward(s);
      d.birth = yearStart(YEARS[y]! - 18) - rng.below(3 * 365) + rng.below(365);
      // GPA: credit-weighted grade points of the semester-1 picks (the enrollments' own scores).
      const [k1, k2] = plan.profileOf(u);
      plan.picksOf(u, k1, picks);
      // The department is that of the first pick (plan.studentDepartment), already at hand.
      const dept = k1 > 0 ? picks[0]! % D : plan.studentDepartment(u);
      d.dept = dept;
      const scores = scoreKey(seed, u);
      let points = 0;
      let credits = 0;
      for (let m = 0; m < k1; m++) {
        const cr = creditOfCourse[picks[m]! % C1]!;
        points += gradePoints(scoreOfPick(scores, m, m < k2)) * cr;
        credits += cr;
      }
      d.gpa = credits === 0 ? 0 : Math.round((points / credits) * GPA_STEPS);
      drawPhone(rng, zh, d.phone);
      d.major = rng.below(majorCount[dept]!);
      return d;
    };
  };

  return {
    spec: studentsSpec,
    rows: plan.S,
    createGenerator() {
      const draw = newDrawer();
      const d = newStudentDraw();
      const name = newNameParts();
      return (s) => {
        draw(s, d);
        nameTables.parts(d.name, name);
        if (memoOk) {
          const slot = s & (DEPT_MEMO - 1);
          memoKey[slot] = s;
          memoDept[slot] = d.dept;
        }
        const no = zeroPad(d.serial, width);
        const studentNo = YEAR_STRINGS[d.year]! + no;
        return {
          id: s + 1,
          student_no: studentNo,
          name: name.full,
          gender: d.name.female ? 'F' : 'M',
          birth_date: dateString(d.birth),
          email: zh ? studentNo + atDomain : name.givenSlugDot + name.familySlug + no + atDomain,
          phone: phoneString(d.phone, zh),
          department_id: 0,
          major: majorsOfDept[d.dept]![d.major]!,
          enrollment_year: YEARS[d.year]!,
          gpa: d.gpa / GPA_STEPS,
        };
      };
    },
    createResolver() {
      return (row, s) => {
        row.department_id = departmentOf(s) + 1;
      };
    },
    ndjsonOverridable: ['gpa'],
    createNdjsonWriter(options) {
      const overrides = new OverrideCursor(options.overrides);
      const draw = newDrawer();
      const d = newStudentDraw();
      const glue = ndjsonGlue(studentsSpec, options);
      const [gId, gNo, gName, gGender, gBirth, gEmail, gPhone, gDept, gMajor, gYear, gGpa, gEnd] = glue.map(compileConstant) as [ConstantWriter, ...ConstantWriter[]];
      const majorsByDiscipline = disciplines.map((disc) => new ByteStrings(disc.majors));
      const majors = majorsOfDept.map((_, dept) => majorsByDiscipline[dept % disciplines.length]!);
      const gpaStrings = decimalStrings(studentsSpec.columns.at(-1)!)!;
      const gpas = new ByteStrings(gpaStrings);
      /** An overriding gpa (conflict injection): from the table when on its grid, as the row serialiser would. */
      const putGpa = (v: DataView, buf: Buffer, o: number, g: unknown): number => {
        if (typeof g !== 'number') throw new TypeError(`students: a gpa override must be a number (got ${typeof g})`);
        const k = Math.round(g * GPA_STEPS);
        if (k >= 0 && k < gpaStrings.length && gpaStrings.num[k] === g) return gpas.put(v, o, k);
        return writeAscii(buf, o, anyJson(g));
      };
      const domain = new ByteStrings([atDomain]);
      const years = new ByteStrings(YEAR_STRINGS);
      const genders = new ByteStrings(['M', 'F']);
      // Birth dates span a few years: their strings as bytes, by day from the first.
      const firstBirth = yearStart(YEARS[0]! - 18) - (3 * 365 - 1);
      const births = new ByteStrings(Array.from({ length: yearStart(YEARS.at(-1)! - 18) + 365 - firstBirth }, (_, k) => dateString(firstBirth + k)));
      // Serials below 10^width; widths past 10 digits (never at sizes megagen can write) go through zeroPad.
      const fastSerial = width <= 10;
      const serialBytes = Math.max(width, 13);
      const reserve =
        glue.reduce((n, g) => n + g.length, 0) +
        20 + // id
        4 + serialBytes + // student_no
        nameTables.maxFullBytes +
        1 + // gender
        10 + // birth date
        Math.max(4 + serialBytes, nameTables.maxSlugBytes + serialBytes) + domain.maxBytes + // email
        PHONE_MAX_BYTES +
        20 + // department_id
        Math.max(...majorsByDiscipline.map((m) => m.maxBytes)) +
        4 + // enrollment_year
        NUMBER_MAX_BYTES + // gpa (an override off the grid)
        4; // the last word store's overrun
      const serial = (buf: Buffer, o: number, n: number): number => (fastSerial ? writeDigits(buf, o, n, width) : writeAscii(buf, o, zeroPad(n, width)));
      const viewOf = dataViewCache();
      /** Draws row s into d and writes its line up to gpa's value. */
      const upToGpa = (s: number, v: DataView, buf: Buffer, off: number): number => {
        draw(s, d);
        let o = gId(v, off);
        o = writeWhole(buf, o, s + 1);
        o = gNo!(v, o);
        o = years.put(v, o, d.year);
        o = serial(buf, o, d.serial);
        o = gName!(v, o);
        o = nameTables.writeFull(v, o, d.name);
        o = gGender!(v, o);
        o = genders.put(v, o, d.name.female ? 1 : 0);
        o = gBirth!(v, o);
        o = births.put(v, o, d.birth - firstBirth);
        o = gEmail!(v, o);
        if (zh) {
          o = years.put(v, o, d.year);
          o = serial(buf, o, d.serial);
        } else {
          o = nameTables.writeSlugs(v, o, d.name);
          o = serial(buf, o, d.serial);
        }
        o = domain.put(v, o, 0);
        o = gPhone!(v, o);
        o = writePhone(v, o, d.phone, zh);
        o = gDept!(v, o);
        o = writeWhole(buf, o, d.dept + 1);
        o = gMajor!(v, o);
        o = majors[d.dept]!.put(v, o, d.major);
        o = gYear!(v, o);
        o = writeUint(buf, o, YEARS[d.year]!);
        return gGpa!(v, o);
      };
      const write = (s: number, buf: Buffer, off: number): number => {
        const v = viewOf(buf);
        const o = upToGpa(s, v, buf, off);
        return gEnd!(v, gpas.put(v, o, d.gpa));
      };
      /** A row with overrides: a function of its own, so the plain writer carries no override branch (see enrollments). */
      const writeOverridden = (s: number, buf: Buffer, off: number, ov: RowOverrides): number => {
        const v = viewOf(buf);
        const o = upToGpa(s, v, buf, off);
        return gEnd!(v, ov.gpa === undefined ? gpas.put(v, o, d.gpa) : putGpa(v, buf, o, ov.gpa));
      };
      const writeEither = (s: number, buf: Buffer, off: number): number => {
        const ov = overrides.of(s);
        return ov === undefined ? write(s, buf, off) : writeOverridden(s, buf, off, ov);
      };
      return Object.assign(options.overrides ? writeEither : write, { reserve });
    },
  };
}

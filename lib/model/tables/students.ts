import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import { Rng } from '../../random/rng.js';
import { hashKey, streamId } from '../../random/hash.js';
import { Permutation } from '../../random/permutation.js';
import { nameDrawer, newNameParts, phoneNumber } from '../people.js';
import { dateString, yearStart } from '../calendar.js';
import { zeroPad } from '../digits.js';
import { courseCredits, gradePoints, scoreKey, scoreOfPick } from '../grades.js';
import { MAX_PICKS } from '../campus-plan.js';

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

export function studentsTable(ctx: ModelContext): TableModel {
  const { seed, plan, pools } = ctx;
  const numbers = new Permutation(plan.S, hashKey(seed, S_NO, 0));
  const width = Math.max(6, String(plan.S - 1).length);
  const atDomain = `@stu.${pools.academic.emailDomain}`;
  const zh = pools.locale === 'zh_CN';
  const drawName = nameDrawer(pools);
  const disciplines = pools.academic.disciplines;
  // Credits of each semester-1 section's course, looked up by every student's GPA (a few KB per 10^5 students).
  const creditOfCourse = Uint8Array.from({ length: plan.C1 }, (_, c) => courseCredits(seed, c));
  const creditOfSection = Uint8Array.from({ length: plan.P }, (_, j) => creditOfCourse[plan.courseOfSection(0, j)]!);
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
  return {
    spec: studentsSpec,
    rows: plan.S,
    createGenerator() {
      const rng = new Rng();
      const name = newNameParts();
      const picks = new Int32Array(MAX_PICKS);
      return (s) => {
        rng.at(seed, S, s);
        const u = plan.spread(s);
        const gender = rng.chance(0.5) ? 'F' : 'M';
        drawName(rng, gender, name);
        const y = rng.below(4);
        const year = YEARS[y]!;
        const no = zeroPad(numbers.forward(s), width);
        const studentNo = YEAR_STRINGS[y]! + no;
        const birth = yearStart(year - 18) - rng.below(3 * 365) + rng.below(365);
        const dept = plan.studentDepartment(u);
        if (memoOk) {
          const slot = s & (DEPT_MEMO - 1);
          memoKey[slot] = s;
          memoDept[slot] = dept;
        }
        const majors = disciplines[dept % disciplines.length]!.majors;
        // GPA: credit-weighted grade points of the semester-1 picks (the enrollments' own scores).
        const [k1, k2] = plan.profileOf(u);
        plan.picksOf(u, k1, picks);
        const scores = scoreKey(seed, u);
        let points = 0;
        let credits = 0;
        for (let m = 0; m < k1; m++) {
          const cr = creditOfSection[picks[m]!]!;
          points += gradePoints(scoreOfPick(scores, m, m < k2)) * cr;
          credits += cr;
        }
        return {
          id: s + 1,
          student_no: studentNo,
          name: name.full,
          gender,
          birth_date: dateString(birth),
          email: zh ? studentNo + atDomain : name.givenSlugDot + name.familySlug + no + atDomain,
          phone: phoneNumber(rng, pools),
          department_id: 0,
          major: majors[rng.below(majors.length)]!,
          enrollment_year: year,
          gpa: credits === 0 ? 0 : Math.round((points / credits) * 100) / 100,
        };
      };
    },
    createResolver() {
      return (row, s) => {
        row.department_id = departmentOf(s) + 1;
      };
    },
  };
}

import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import type { CampusPlan } from '../campus-plan.js';
import { Rng } from '../../random/rng.js';
import { streamId } from '../../random/hash.js';
import { SEMESTERS } from '../campus-plan.js';
import { dateTimeString, epochDay } from '../calendar.js';
import { semesterOneScore } from '../grades.js';

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
        const second = 8 * 3600 + rng.below(14 * 3600);
        return {
          id: e + 1,
          student_id: 0,
          section_id: 0,
          semester: SEMESTERS[sem],
          status: sem === 0 ? 'completed' : 'enrolled',
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
        const j = plan.pickSection(cursor.u, cursor.pick);
        row.student_id = student;
        row.section_id = cursor.semester === 0 ? j + 1 : plan.P + plan.successorSection(j) + 1;
      };
    },
  };
}

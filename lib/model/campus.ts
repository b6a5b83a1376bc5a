import { CampusPlan, type PlanTarget } from './campus-plan.js';
import type { ModelContext } from './context.js';
import type { TableModel } from './schema.js';
import { getPools } from '../pools/pools.js';
import { MegagenError } from '../errors.js';
import { departmentsTable } from './tables/departments.js';
import { teachersTable } from './tables/teachers.js';
import { studentsTable } from './tables/students.js';
import { coursesTable } from './tables/courses.js';
import { classroomsTable } from './tables/classrooms.js';
import { sectionsTable } from './tables/sections.js';
import { enrollmentsTable } from './tables/enrollments.js';

/** The campus tables in dependency order (every table after the tables it references). */
export const CAMPUS_TABLES = ['departments', 'teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments'] as const;
export type CampusTable = (typeof CAMPUS_TABLES)[number];

const FACTORIES: Record<CampusTable, (ctx: ModelContext) => TableModel> = {
  departments: departmentsTable,
  teachers: teachersTable,
  students: studentsTable,
  courses: coursesTable,
  classrooms: classroomsTable,
  sections: sectionsTable,
  enrollments: enrollmentsTable,
};

export interface CampusModelOptions {
  /** 32-bit normalised seed. */
  seed: number;
  target: PlanTarget;
  locale: string;
}

/** A built model: its plan, pools hash and tables in dependency order. */
export interface CampusModel {
  readonly seed: number;
  readonly plan: CampusPlan;
  readonly poolsHash: string;
  readonly tables: readonly TableModel[];
  table(name: string): TableModel;
}

export function createCampusModel(options: CampusModelOptions): CampusModel {
  const pools = getPools(options.locale);
  const plan = new CampusPlan(options.seed, options.target);
  const ctx: ModelContext = { seed: options.seed, plan, pools };
  const tables = CAMPUS_TABLES.map((name) => FACTORIES[name](ctx));
  const byName = new Map(tables.map((t) => [t.spec.name, t]));
  return {
    seed: options.seed,
    plan,
    poolsHash: pools.hash,
    tables,
    table(name) {
      const t = byName.get(name);
      if (!t) throw new MegagenError('ERR_UNKNOWN_TABLE', `unknown table "${name}" (choose from: ${CAMPUS_TABLES.join(', ')})`);
      return t;
    },
  };
}

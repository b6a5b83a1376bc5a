import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import { courseCredits } from '../grades.js';

export const coursesSpec: TableSpec = {
  name: 'courses',
  description: 'Courses. Level-2 courses (taught in semester 2) require their level-1 predecessor.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'code', type: 'string', unique: true, jsonSafe: true },
    { name: 'name', type: 'string', jsonSafe: true },
    { name: 'department_id', type: 'int', references: 'departments', relation: true },
    { name: 'credits', type: 'int', min: 1, max: 6 },
    { name: 'level', type: 'int', min: 1, max: 2 },
    { name: 'prerequisite_course_id', type: 'int', nullable: true, references: 'courses', relation: true },
  ],
};

const QUALIFIERS: Record<string, readonly string[]> = {
  en: ['', 'Advanced ', 'Applied ', 'Topics in ', 'Foundations of ', 'Computational ', 'Modern ', 'Seminar in '],
  zh_CN: ['', '高级', '应用', '专题：', '基础', '计算', '现代', '研讨：'],
};

export function coursesTable(ctx: ModelContext): TableModel {
  const { seed, plan, pools } = ctx;
  const disciplines = pools.academic.disciplines;
  const qualifiers = QUALIFIERS[pools.locale]!;
  const width = Math.max(3, String(plan.C1 / plan.D).length);
  const [levelOne, levelTwo] = pools.academic.courseLevels;
  const sep = pools.locale === 'zh_CN' ? '' : ' ';
  return {
    spec: coursesSpec,
    rows: 2 * plan.C1,
    createGenerator() {
      return (c) => {
        const level = c < plan.C1 ? 1 : 2;
        const base = c % plan.C1;
        const dept = base % plan.D;
        const discipline = disciplines[dept % disciplines.length]!;
        const i = Math.floor(base / plan.D);
        const topics = discipline.topics;
        const round = Math.floor(i / topics.length);
        const qualifier = qualifiers[round % qualifiers.length]!;
        const edition = round >= qualifiers.length ? ` ${Math.floor(round / qualifiers.length) + 1}` : '';
        return {
          id: c + 1,
          code: `${discipline.code}${level}${String(i).padStart(width, '0')}`,
          name: `${qualifier}${topics[i % topics.length]}${edition}${sep}${level === 1 ? levelOne : levelTwo}`,
          department_id: 0,
          credits: courseCredits(seed, c),
          level,
          prerequisite_course_id: null as number | null,
        };
      };
    },
    createResolver() {
      return (row, c) => {
        row.department_id = ((c % plan.C1) % plan.D) + 1;
        row.prerequisite_course_id = c >= plan.C1 ? c - plan.C1 + 1 : null;
      };
    },
  };
}

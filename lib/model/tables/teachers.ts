import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import { Rng } from '../../random/rng.js';
import { streamId } from '../../random/hash.js';
import { WeightedPicker } from '../../random/weighted.js';
import { newSectionTime } from '../campus-plan.js';
import { nameDrawer, newNameParts, phoneNumber } from '../people.js';
import { dateString, epochDay } from '../calendar.js';

export const teachersSpec: TableSpec = {
  name: 'teachers',
  description: 'Teaching staff. max_weekly_periods is at least the periods a teacher teaches in any semester.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'department_id', type: 'int', references: 'departments', relation: true },
    { name: 'name', type: 'string', jsonSafe: true },
    { name: 'gender', type: 'string', enum: ['F', 'M'], jsonSafe: true },
    { name: 'title', type: 'string', jsonSafe: true },
    { name: 'email', type: 'string', unique: true, jsonSafe: true },
    { name: 'phone', type: 'string', jsonSafe: true },
    { name: 'hire_date', type: 'date', jsonSafe: true },
    { name: 'max_weekly_periods', type: 'int', min: 1 },
  ],
};

const S = streamId('teachers');
/** Base weekly load by title rank (professors teach least). */
const TITLE_BASE_PERIODS = [8, 10, 12, 14];
const TITLE_WEIGHTS = [0.2, 0.3, 0.2, 0.3];
const HIRE_FROM = epochDay(1990, 1, 1);
const HIRE_TO = epochDay(2025, 7, 1);

export function teachersTable(ctx: ModelContext): TableModel {
  const { seed, plan, pools } = ctx;
  const titles = new WeightedPicker(pools.academic.titles.map((_, i) => i), TITLE_WEIGHTS);
  const domain = pools.academic.emailDomain;
  const zh = pools.locale === 'zh_CN';
  const drawName = nameDrawer(pools);
  return {
    spec: teachersSpec,
    rows: plan.T,
    createGenerator() {
      const rng = new Rng();
      const name = newNameParts();
      const scratch = newSectionTime();
      return (t) => {
        rng.at(seed, S, t);
        const gender = rng.chance(0.45) ? 'F' : 'M';
        drawName(rng, gender, name);
        const title = titles.pick(rng);
        const load = Math.max(plan.teacherLoad(t, 0, scratch), plan.teacherLoad(t, 1, scratch));
        const max = Math.max(TITLE_BASE_PERIODS[title]!, load + (load & 1)) + 2 * rng.below(3);
        return {
          id: t + 1,
          department_id: 0,
          name: name.full,
          gender,
          title: pools.academic.titles[title]!,
          email: zh
            ? `t${String(t + 1).padStart(6, '0')}@${domain}`
            : `${name.givenSlug}.${name.familySlug}${t + 1}@${domain}`,
          phone: phoneNumber(rng, pools),
          hire_date: dateString(rng.int(HIRE_FROM, HIRE_TO)),
          max_weekly_periods: max,
        };
      };
    },
    createResolver() {
      return (row, t) => {
        row.department_id = (t % plan.D) + 1;
      };
    },
  };
}

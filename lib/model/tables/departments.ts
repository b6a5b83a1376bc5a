import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import { Rng } from '../../random/rng.js';
import { streamId } from '../../random/hash.js';

export const departmentsSpec: TableSpec = {
  name: 'departments',
  description: 'Academic departments (schools); every course, teacher and student belongs to one.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'code', type: 'string', unique: true, jsonSafe: true },
    { name: 'name', type: 'string', jsonSafe: true },
    { name: 'building', type: 'string', jsonSafe: true },
    { name: 'established_year', type: 'int', min: 1900, max: 2020 },
  ],
};

const S = streamId('departments');

export function departmentsTable(ctx: ModelContext): TableModel {
  const { seed, plan, pools } = ctx;
  const disciplines = pools.academic.disciplines;
  return {
    spec: departmentsSpec,
    rows: plan.D,
    createGenerator() {
      const rng = new Rng();
      return (d) => {
        rng.at(seed, S, d);
        const discipline = disciplines[d % disciplines.length]!;
        const round = Math.floor(d / disciplines.length);
        return {
          id: d + 1,
          code: round === 0 ? discipline.code : `${discipline.code}${round + 1}`,
          name: round === 0 ? discipline.name : `${discipline.name} ${round + 1}`,
          building: rng.pick(pools.academic.buildings),
          established_year: rng.int(1900, 2020),
        };
      };
    },
    createResolver: () => null,
  };
}

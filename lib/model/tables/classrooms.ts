import type { ModelContext } from '../context.js';
import type { TableModel, TableSpec } from '../schema.js';
import { Rng } from '../../random/rng.js';
import { streamId } from '../../random/hash.js';

export const classroomsSpec: TableSpec = {
  name: 'classrooms',
  description: 'Rooms. capacity is at least the bound of every section held in the room.',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'building', type: 'string', jsonSafe: true },
    { name: 'room_no', type: 'string', jsonSafe: true },
    { name: 'capacity', type: 'int', min: 1 },
    { name: 'kind', type: 'string', enum: ['lecture', 'lab'], jsonSafe: true },
    { name: 'has_projector', type: 'bool' },
  ],
};

const S = streamId('classrooms');

export function classroomsTable(ctx: ModelContext): TableModel {
  const { seed, plan, pools } = ctx;
  const buildings = pools.academic.buildings;
  return {
    spec: classroomsSpec,
    rows: plan.R,
    createGenerator() {
      const rng = new Rng();
      return (r) => {
        rng.at(seed, S, r);
        const k = Math.floor(r / buildings.length);
        const floor = 1 + (k % 6);
        const small = plan.roomWeight[r]! === 1;
        return {
          id: r + 1,
          building: buildings[r % buildings.length]!,
          room_no: `${floor}${String(1 + Math.floor(k / 6)).padStart(2, '0')}`,
          capacity: plan.roomCapacity(r),
          kind: small && rng.chance(0.5) ? 'lab' : 'lecture',
          has_projector: rng.chance(0.9),
        };
      };
    },
    createResolver: () => null,
  };
}

import type { CampusPlan } from './campus-plan.js';
import type { Pools } from '../pools/pools.js';

/** What every table of the campus model reads: the seed, the plan and the pools. */
export interface ModelContext {
  readonly seed: number;
  readonly plan: CampusPlan;
  readonly pools: Pools;
}

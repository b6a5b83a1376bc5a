import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withLeanInlining } from '../../lib/run/lean-inlining.js';
import { buildModel, parseRunOptions } from '../../lib/index.js';
import { conflictPlanOf } from '../../lib/conflicts/conflict-model.js';
import { buildConflictPlan } from '../../lib/conflicts/plan.js';
import { preset } from '../helpers/generate.js';

test('withLeanInlining returns what its function returns and passes its errors on', () => {
  assert.equal(withLeanInlining(() => 42), 42);
  assert.throws(() => withLeanInlining(() => { throw new RangeError('boom'); }), /boom/);
  // The flag is back (or never changed): the next call still works.
  assert.deepEqual(withLeanInlining(() => [1, 2]), [1, 2]);
});

test('a plan built under the lean inlining budget (buildModel) is the plan built under the default one', () => {
  const p = preset('campus');
  const o = parseRunOptions(p, { records: 40_000, conflicts: 0.02, conflictDifficulty: 'complex' });
  const plain = buildModel(p, { ...o, conflicts: { ...o.conflicts, rate: 0 } });
  const direct = buildConflictPlan(plain.plan, o.conflicts);
  const lean = conflictPlanOf(buildModel(p, o))!;
  assert.deepEqual(lean.toData(), direct.toData());
});

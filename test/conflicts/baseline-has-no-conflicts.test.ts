import { it } from 'node:test';
import assert from 'node:assert/strict';
import { buildDataset, check } from './dataset.js';

it('the baseline campus (rate 0) has no conflict of any type, by the independent checker', async () => {
  for (const [records, seed] of [[20_000, 42], [150_000, 'baseline']] as const) {
    const { plan, tables } = buildDataset(records, { rate: 0 }, seed);
    assert.equal(plan.records.length, 0);
    const report = await check(tables);
    assert.deepEqual(report.problems, [], 'enrolled counts match the enrollments');
    for (const t of report.types) assert.equal(t.detected, 0, `${t.type}: ${JSON.stringify(report.unexpected.slice(0, 3))}`);
    assert.ok(report.ok);
  }
});

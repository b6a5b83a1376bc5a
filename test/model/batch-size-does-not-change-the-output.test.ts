import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runToBuffer, sha256 } from '../helpers/generate.js';
import { presets } from '../../pipelines/index.js';

const SIZES: Record<string, number> = { campus: 5_000, students: 3_000, timetable: 3_000 };

for (const name of presets.keys()) {
  test(`${name}: batch sizes 1, 7, 1000 and 50000 give identical bytes`, async () => {
    const records = SIZES[name] ?? 2_000;
    const reference = await runToBuffer(name, { records, batchSize: 50_000 });
    assert.ok(reference.length > 0);
    for (const batchSize of [1, 7, 1000, 4999]) {
      const out = await runToBuffer(name, { records, batchSize });
      assert.equal(sha256(out), sha256(reference), `--batch-size ${batchSize} vs 50000`);
    }
  });
}

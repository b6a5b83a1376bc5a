import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { goldenCases, goldenDir, readGolden, recordGolden } from '../helpers/golden.js';
import { presets } from '../../pipelines/index.js';

// Golden outputs (faker's seeded-runs idea): a small run of every preset is
// recorded in test/fixtures/golden/. Any change of generated values fails here;
// if the change is deliberate, run `npm run golden:update` and commit the
// fixtures with a message that says why the values changed.

test('every preset has a golden file', () => {
  const missing = [...presets.keys()].filter((name) => readGolden(name) === null);
  assert.deepStrictEqual(missing, [], `presets without a golden file in ${goldenDir}: ${missing.join(', ')} (run npm run golden:update)`);
});

test('every golden file belongs to a golden case (no stale fixtures)', () => {
  const files = new Set(goldenCases().map((c) => `${c.file}.json`));
  const stale = readdirSync(goldenDir).filter((f) => f.endsWith('.json') && !files.has(f));
  assert.deepStrictEqual(stale, []);
});

for (const c of goldenCases()) {
  test(`${c.file}: ${c.preset} at ${c.records} records (seed ${c.seed}, ${c.locale}) matches its golden output`, async () => {
    const golden = readGolden(c.file);
    assert.ok(golden, `no golden file for ${c.file} (run npm run golden:update)`);
    assert.deepStrictEqual({ preset: golden.preset, records: golden.records, seed: golden.seed, locale: golden.locale }, { preset: c.preset, records: c.records, seed: c.seed, locale: c.locale }, 'golden case parameters');
    const now = await recordGolden(c);
    // First lines first: a failure shows which values moved.
    assert.deepStrictEqual(now.head, golden.head, 'first 3 lines of each table');
    assert.equal(now.rows, golden.rows, 'rows');
    assert.equal(now.bytes, golden.bytes, 'bytes');
    assert.equal(now.sha256, golden.sha256, 'sha256 of the whole output');
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runToBuffer, sha256 } from '../helpers/generate.js';
import { runCli } from '../helpers/cli.js';
import { presets } from '../../pipelines/index.js';

const SIZES: Record<string, number> = { campus: 10_000, students: 1_000, timetable: 3_000 };

for (const name of presets.keys()) {
  test(`${name}: the same seed gives identical bytes, another seed different bytes`, async () => {
    const records = SIZES[name] ?? 2_000;
    const a = await runToBuffer(name, { records, seed: 123 });
    const b = await runToBuffer(name, { records, seed: 123 });
    const c = await runToBuffer(name, { records, seed: 124 });
    const s = await runToBuffer(name, { records, seed: 'a string seed' });
    assert.ok(a.length > 1000, 'some output');
    assert.ok(a.equals(b), 'same seed, same bytes');
    assert.ok(!a.equals(c), 'seed 124 differs from seed 123');
    assert.ok(!a.equals(s), 'a string seed differs from seed 123');
    assert.ok(s.equals(await runToBuffer(name, { records, seed: 'a string seed' })), 'same string seed, same bytes');
  });
}

test('the CLI in a fresh process writes the same bytes as the library in this one, and --seed changes them', async () => {
  const lib = await runToBuffer('campus', { records: 5_000, seed: 99 });
  const cli = runCli(['run', 'campus', '--records', '5000', '--seed', '99', '-o', '-']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(sha256(cli.stdout), sha256(lib));
  const other = runCli(['run', 'campus', '--records', '5000', '--seed', '98', '-o', '-']);
  assert.notEqual(sha256(other.stdout), sha256(lib));
});

test('the default seed is stable: no --seed equals --seed 42', async () => {
  const a = await runToBuffer('students', { records: 200 });
  const b = await runToBuffer('students', { records: 200, seed: 42 });
  assert.ok(a.equals(b));
});

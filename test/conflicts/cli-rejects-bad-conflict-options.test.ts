import { it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, linesOf } from '../helpers/cli.js';

const CASES: [string[], RegExp][] = [
  [['--conflicts', '-0.1'], /--conflicts must be a share from 0 to 1.*"-0\.1"/],
  [['--conflicts', '1.5'], /--conflicts must be a share from 0 to 1.*"1\.5"/],
  [['--conflicts', 'abc'], /--conflicts must be a share from 0 to 1.*"abc"/],
  [['--conflicts', '0.1', '--conflict-types', 'room_double_booking,ghost_type'], /unknown conflict type "ghost_type" \(choose from: room_double_booking, /],
  [['--conflicts', '0.1', '--conflict-difficulty', 'hard'], /unknown conflict difficulty "hard" \(choose from: simple, medium, complex\)/],
  [['--conflicts', '0.9'], /--conflicts 0\.9 is too high for room_double_booking at this size: at most 0\.\d+/],
];

it('bad --conflicts values, types and difficulties: one line naming the value, exit 2, nothing written', () => {
  for (const [flags, message] of CASES) {
    const r = runCli(['run', 'campus', '--records', '20000', '-o', '-', ...flags]);
    assert.equal(r.status, 2, `${flags.join(' ')}: ${r.stderr}`);
    assert.equal(linesOf(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

it('--conflicts on a preset without the whole campus is a usage error', () => {
  const r = runCli(['run', 'timetable', '--conflicts', '0.01', '-o', '-']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--conflicts needs a preset with the whole campus/);
});

it('a rate given as a percentage works, and the run through stdin verifies', () => {
  const r = runCli(['run', 'campus', '--records', '20000', '--conflicts', '2%', '--conflict-difficulty', 'medium', '-o', '-']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes('"_table":"conflicts"'));
});

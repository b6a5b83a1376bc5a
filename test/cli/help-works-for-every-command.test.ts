import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

const expectations: [args: string[], mentions: string[]][] = [
  [['--help'], ['run', 'list', '--help', '--version']],
  [['-h'], ['run', 'list']],
  [['run', '--help'], ['--records', '--target-records', '--seed', '--tables', '--locale', '--batch-size', '--output', 'campus', 'students', 'timetable']],
  [['list', '--help'], ['list']],
];

for (const [args, mentions] of expectations) {
  test(`megagen ${args.join(' ')} prints usage on stdout and exits 0`, () => {
    const r = runCli(args);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /megagen/);
    for (const m of mentions) assert.ok(r.stdout.includes(m), `mentions ${m}:\n${r.stdout}`);
  });
}

test('megagen --version prints the package version', () => {
  const r = runCli(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+/);
});

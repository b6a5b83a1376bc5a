import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

// Every command that `megagen --help` lists must answer `megagen CMD --help`:
// the list is read from the help itself, so a new command is covered at once.

const top = runCli(['--help']);

function listedCommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return [...section.matchAll(/^ {2}megagen (\w[\w-]*)/gm)].map((m) => m[1]!);
}

test('megagen --help and -h print usage listing the commands, on stdout, exit 0', () => {
  for (const r of [top, runCli(['-h'])]) {
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /megagen/);
  }
  const commands = listedCommands(top.stdout);
  for (const c of ['run', 'list']) assert.ok(commands.includes(c), `lists ${c}: ${commands.join(', ')}`);
});

test('megagen run --help documents every run flag of the issue and the presets', () => {
  const r = runCli(['run', '--help']);
  assert.equal(r.status, 0, r.stderr);
  for (const m of ['--records', '--target-records', '--seed', '--tables', '--locale', '--batch-size', '--output', 'campus', 'students', 'timetable'])
    assert.ok(r.stdout.includes(m), `mentions ${m}`);
});

for (const command of listedCommands(top.stdout)) {
  test(`megagen ${command} --help prints its usage on stdout and exits 0`, () => {
    const r = runCli([command, '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`megagen ${command}\\b`), r.stdout);
  });
}

test('megagen --version prints the package version', () => {
  const r = runCli(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+/);
});

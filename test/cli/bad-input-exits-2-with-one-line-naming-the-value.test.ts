import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, linesOf } from '../helpers/cli.js';

// Bad input (issue 2): a one-line error naming the value, exit status 2, no
// stack trace, nothing on stdout and nothing written.

// Every case runs with the default output (mega_output/ in a temp cwd); the
// first few also with -o DIR and -o - (forks cost ~0.3 s each).
const cases: [args: string[], named: string][] = [
  [['run', '--records', '0'], '0'],
  [['run', '--records', '-5'], '-5'],
  [['run', '--records', 'abc'], 'abc'],
  [['run', '--records', '1e20'], '1e20'],
  [['run', 'campus', '--records', '999'], '999'],
  [['run', 'students', '--records', '2.5'], '2.5'],
  [['run', 'nosuch'], 'nosuch'],
  [['nosuch'], 'nosuch'],
  [['run', '--tables', 'nosuch'], 'nosuch'],
  [['run', 'timetable', '--tables', 'students'], 'students'],
  [['run', '--locale', 'xx'], 'xx'],
  [['run', '--batch-size', '0'], '0'],
  [['run', '--batch-size', 'many'], 'many'],
  [['run', '--bogus'], 'bogus'],
  [['list', '--bogus'], 'bogus'],
];

for (const [k, [args, named]] of cases.entries()) {
  test(`megagen ${args.join(' ')} exits 2 with one line naming "${named}" and writes nothing`, () => {
    const cwd = mkdtempSync(join(tmpdir(), 'megagen-cli-'));
    try {
      for (const output of k < 3 ? [[], ['-o', 'out'], ['-o', '-']] : [[]]) {
        const r = runCli([...args, ...output], { cwd });
        const what = `megagen ${[...args, ...output].join(' ')}`;
        assert.equal(r.status, 2, `${what}: exit status (stderr: ${r.stderr})`);
        assert.equal(r.stdout, '', `${what}: nothing on stdout`);
        const lines = linesOf(r.stderr);
        assert.equal(lines.length, 1, `${what}: exactly one line on stderr, got:\n${r.stderr}`);
        assert.ok(r.stderr.endsWith('\n'), `${what}: the line ends with a newline`);
        assert.ok(lines[0]!.includes(named), `${what}: the line names "${named}": ${lines[0]}`);
        assert.doesNotMatch(r.stderr, /\n\s+at |Error:|TypeError|node:internal/, `${what}: no stack trace`);
        assert.deepStrictEqual(readdirSync(cwd), [], `${what}: nothing written`);
      }
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
}

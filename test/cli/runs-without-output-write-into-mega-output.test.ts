import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, linesOf } from '../helpers/cli.js';
import { CAMPUS_TABLES } from '../../lib/index.js';

// `megagen` with no arguments is campus, 1,000,000 records, into mega_output/.
// The same defaults at 5,000 records, with and without the `run` command.

for (const args of [['run', '--records', '5000'], ['--records', '5000']]) {
  test(`megagen ${args.join(' ')} writes one NDJSON file per campus table into mega_output/`, () => {
    const cwd = mkdtempSync(join(tmpdir(), 'megagen-default-'));
    try {
      const r = runCli(args, { cwd });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '', 'nothing on stdout');
      assert.equal(linesOf(r.stderr).length, 1, `one summary line: ${r.stderr}`);
      assert.deepStrictEqual(readdirSync(cwd), ['mega_output']);
      const files = readdirSync(join(cwd, 'mega_output')).sort();
      assert.deepStrictEqual(files, CAMPUS_TABLES.map((t) => `${t}.ndjson`).sort(), 'one file per table, no *.tmp');
      let total = 0;
      for (const table of CAMPUS_TABLES) {
        const lines = linesOf(readFileSync(join(cwd, 'mega_output', `${table}.ndjson`), 'utf8'));
        assert.ok(lines.length > 0, table);
        lines.forEach((l, i) => assert.equal((JSON.parse(l) as { id: number }).id, i + 1, `${table} line ${i + 1}`));
        assert.ok(!lines[0]!.includes('"_table"'), 'no _table field in table files');
        total += lines.length;
      }
      assert.ok(Math.abs(total - 5000) < 500, `about 5000 records (got ${total})`);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
}

test('a table file holds the same bytes as that table on stdout', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'megagen-same-'));
  try {
    const r = runCli(['run', 'campus', '--records', '3000', '--seed', '8', '-o', 'out'], { cwd });
    assert.equal(r.status, 0, r.stderr);
    for (const table of ['students', 'enrollments']) {
      const s = runCli(['run', 'campus', '--records', '3000', '--seed', '8', '--tables', table, '-o', '-']);
      assert.equal(readFileSync(join(cwd, 'out', `${table}.ndjson`), 'utf8'), s.stdout, table);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

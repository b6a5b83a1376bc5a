import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runCli, linesOf } from '../helpers/cli.js';
import { CAMPUS_TABLES } from '../../lib/index.js';

// `megagen` with no arguments is campus, 1,000,000 records, gzip NDJSON chunks into mega_output/.
// The same defaults at 5,000 records, with and without the `run` command.

for (const args of [['run', '--records', '5000'], ['--records', '5000']]) {
  test(`megagen ${args.join(' ')} writes gzip NDJSON chunks of every campus table into mega_output/`, () => {
    const cwd = mkdtempSync(join(tmpdir(), 'megagen-default-'));
    try {
      const r = runCli(args, { cwd });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '', 'nothing on stdout');
      assert.equal(linesOf(r.stderr).length, 1, `one summary line: ${r.stderr}`);
      assert.deepStrictEqual(readdirSync(cwd), ['mega_output']);
      const files = readdirSync(join(cwd, 'mega_output')).sort();
      assert.deepStrictEqual(files, [...CAMPUS_TABLES, '_journal.ndjson', 'manifest.json', 'megagen.log', 'performance_reports'].sort(), 'a directory per table, journal, manifest, log, reports');
      for (const table of CAMPUS_TABLES) assert.deepStrictEqual(readdirSync(join(cwd, 'mega_output', table)), [`${table}-000000-000.ndjson.gz`], 'one chunk, no *.tmp');
      let total = 0;
      for (const table of CAMPUS_TABLES) {
        const lines = linesOf(gunzipSync(readFileSync(join(cwd, 'mega_output', table, `${table}-000000-000.ndjson.gz`))).toString('utf8'));
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

test('a table\'s chunk file holds the same bytes as that table on stdout', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'megagen-same-'));
  try {
    const r = runCli(['run', 'campus', '--records', '3000', '--seed', '8', '-o', 'out'], { cwd });
    assert.equal(r.status, 0, r.stderr);
    for (const table of ['students', 'enrollments']) {
      const s = runCli(['run', 'campus', '--records', '3000', '--seed', '8', '--tables', table, '-o', '-']);
      assert.equal(gunzipSync(readFileSync(join(cwd, 'out', table, `${table}-000000-000.ndjson.gz`))).toString('utf8'), s.stdout, table);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

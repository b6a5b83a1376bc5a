import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runPipeline } from '../../lib/index.js';
import { catTable } from '../../lib/verify/cat-table.js';
import { verifyOutput } from '../../lib/verify/verify-output.js';
import campus from '../../pipelines/campus.js';
import { spawnSync } from 'node:child_process';
import { CLI, collector, megagen, tempDir } from '../run/helpers.js';

const RECORDS = 12_000;

test('every format and compression round-trips through cat to the stdout NDJSON bytes', async () => {
  const base = tempDir();
  const expected = new Map<string, Buffer>();
  for (const table of ['students', 'courses', 'enrollments']) {
    const out = collector();
    await runPipeline(campus, { records: RECORDS, output: '-', tables: [table], stdout: out });
    expected.set(table, out.bytes());
  }
  for (const compress of ['gzip', 'brotli', 'none']) {
    const dir = join(base, compress);
    await runPipeline(campus, { records: RECORDS, output: dir, chunkSize: 2500, maxFileSizeMb: 0.05, compress, formats: ['ndjson', 'json', 'csv', 'sql'] });
    for (const [table, bytes] of expected) {
      for (const format of ['ndjson', 'json', 'csv', 'sql']) {
        const got = collector();
        const rows = await catTable(dir, table, got, { format });
        assert.ok(rows > 0);
        assert.ok(got.bytes().equals(bytes), `${compress} ${format} ${table}: cat differs from the stdout stream`);
      }
    }
  }
  // And through the CLI, for one of them.
  const cli = megagen(['cat', join(base, 'gzip'), 'enrollments', '--format', 'sql']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.ok(Buffer.from(cli.stdout).equals(expected.get('enrollments')!));
});

test('MySQL SQL parts (backquotes, backslash escapes, DATETIME without Z) read back through cat and verify', async () => {
  const dir = join(tempDir(), 'mysql');
  await runPipeline(campus, { records: 5000, output: dir, chunkSize: 2000, formats: ['sql'], sqlDialect: 'mysql' });
  for (const table of ['students', 'enrollments']) {
    const expected = collector();
    await runPipeline(campus, { records: 5000, output: '-', tables: [table], stdout: expected });
    const got = collector();
    await catTable(dir, table, got);
    assert.ok(got.bytes().equals(expected.bytes()), table);
  }
  assert.deepEqual((await verifyOutput(dir)).problems, []);
});

test('cat names an unknown table or a directory without a manifest in one line', () => {
  const dir = join(tempDir(), 'o');
  assert.equal(megagen(['run', 'students', '--records', '100', '-o', dir]).status, 0);
  const bad = megagen(['cat', dir, 'teachers']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^megagen: unknown table "teachers" .*\n$/);
  const none = megagen(['cat', tempDir(), 'students']);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /^megagen: cannot read .*manifest\.json: no manifest\.json.*\n$/);
});

test('cat into a closed pipe (| head) ends quietly with status 0', () => {
  const dir = join(tempDir(), 'o');
  assert.equal(megagen(['run', 'students', '--records', '30000', '-o', dir]).status, 0);
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" cat "${dir}" students | head -c 100 >/dev/null`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
});

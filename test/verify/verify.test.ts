import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runPipeline } from '../../lib/index.js';
import { verifyOutput, type VerifyReport } from '../../lib/verify/verify-output.js';
import campus from '../../pipelines/campus.js';
import { decompress, megagen, tempDir } from '../run/helpers.js';

const base = tempDir();
const clean = join(base, 'clean');
const ready = runPipeline(campus, { records: 8000, output: clean, chunkSize: 2500, formats: ['ndjson', 'json', 'csv', 'sql'], maxFileSizeMb: 0.05 });

let n = 0;
async function copy(): Promise<string> {
  await ready;
  const dir = join(base, `c${n++}`);
  cpSync(clean, dir, { recursive: true });
  return dir;
}

function kinds(r: VerifyReport): string[] {
  return r.problems.map((p) => p.kind);
}

interface FileEntry {
  path: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** Rewrites a part's text and fixes its manifest entry, so only the content checks can see the change. */
function rewritePart(dir: string, table: string, format: string, edit: (text: string) => { text: string; rows: number }): string {
  const mpath = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(mpath, 'utf8')) as { tables: Record<string, { rows: number; files: FileEntry[] }> };
  const f = m.tables[table]!.files.filter((x) => x.format === format)[1]!;
  const { text, rows } = edit(decompress(join(dir, f.path)).toString('utf8'));
  const raw = gzipSync(Buffer.from(text, 'utf8'));
  writeFileSync(join(dir, f.path), raw);
  f.bytes = raw.length;
  f.sha256 = createHash('sha256').update(raw).digest('hex');
  f.rows = rows;
  writeFileSync(mpath, JSON.stringify(m));
  return f.path;
}

test('a clean output verifies, every format', async () => {
  await ready;
  const r = await verifyOutput(clean);
  assert.deepEqual(r.problems, []);
  assert.ok(r.ok);
  assert.ok(r.files > 20);
  const cli = megagen(['verify', clean]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /verified: 7 tables, [\d,]+ rows/);
});

test('verify catches a flipped byte', async () => {
  const dir = await copy();
  const p = join(dir, 'students', 'students-000000-000.csv.gz');
  const b = readFileSync(p);
  b[Math.floor(b.length / 2)]! ^= 0x10;
  writeFileSync(p, b);
  const r = await verifyOutput(dir);
  assert.ok(!r.ok);
  assert.ok(kinds(r).includes('checksum'));
  assert.match(r.problems.find((x) => x.kind === 'checksum')!.examples[0]!, /^students\/students-000000-000\.csv\.gz: sha256/);
  const cli = megagen(['verify', dir]);
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /^megagen: .* failed verification: \w+.*students-000000-000\.csv\.gz/);
});

test('verify catches a truncated file', async () => {
  const dir = await copy();
  truncateSync(join(dir, 'enrollments', 'enrollments-000001-000.json.gz'), 500);
  const r = await verifyOutput(dir);
  assert.deepEqual(kinds(r).sort(), ['checksum', 'decompression', 'size']);
});

test('verify catches a missing file', async () => {
  const dir = await copy();
  rmSync(join(dir, 'sections', 'sections-000000-000.sql.gz'));
  const r = await verifyOutput(dir);
  assert.deepEqual(kinds(r), ['missing file']);
  assert.equal(r.problems[0]!.examples[0], 'sections/sections-000000-000.sql.gz: missing');
});

test('verify catches a deleted row (with the checksums fixed), at its file and line', async () => {
  const dir = await copy();
  const path = rewritePart(dir, 'enrollments', 'ndjson', (text) => {
    const lines = text.split('\n');
    lines.splice(9, 1); // line 10
    return { text: lines.join('\n'), rows: lines.length - 1 };
  });
  const r = await verifyOutput(dir);
  assert.deepEqual(kinds(r).sort(), ['primary key', 'row count']);
  const pk = r.problems.find((x) => x.kind === 'primary key')!;
  assert.equal(pk.count, 1, 'one problem, not one per later row');
  assert.ok(pk.examples[0]!.startsWith(`${path}:10: id `), pk.examples[0]);
});

test('verify catches a broken foreign key in any format (with the checksums fixed)', async () => {
  for (const format of ['ndjson', 'csv', 'sql', 'json']) {
    const dir = await copy();
    rewritePart(dir, 'enrollments', format, (text) => {
      const fixed = format === 'csv' ? text.replace(/\r\n(\d+),(\d+),/, '\r\n$1,99999999,') : format === 'sql' ? text.replace(/\n\((\d+),(\d+),/, '\n($1,99999999,') : text.replace(/"student_id":\d+/, '"student_id":99999999');
      assert.notEqual(fixed, text);
      const rows = format === 'json' ? (JSON.parse(fixed) as unknown[]).length : format === 'csv' ? fixed.split('\r\n').length - 2 : format === 'sql' ? (fixed.match(/^\(/gm) ?? []).length : fixed.split('\n').length - 1;
      return { text: fixed, rows };
    });
    const r = await verifyOutput(dir);
    assert.deepEqual(kinds(r), ['foreign key'], format);
    assert.match(r.problems[0]!.examples[0]!, /:\d+: student_id 99999999 does not reference a row of students \(ids 1\.\.\d+\)$/);
  }
});

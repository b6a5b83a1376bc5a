import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { listFiles, megagen, tempDir } from './helpers.js';

const SMALL = ['run', 'students', '--records', '3000'];

function oneLineError(r: { status: number | null; stderr: string }, status: number, pattern: RegExp): void {
  assert.equal(r.status, status, r.stderr);
  assert.match(r.stderr, /^megagen: [^\n]*\n$/, 'one line');
  assert.match(r.stderr, pattern);
}

test('bad output directories are refused with one line and nothing written', () => {
  const base = tempDir();
  oneLineError(megagen([...SMALL, '-o', join(base, 'missing', 'out')]), 1, /parent directory .*missing does not exist/);
  writeFileSync(join(base, 'file'), 'x');
  oneLineError(megagen([...SMALL, '-o', join(base, 'file')]), 1, /is a file, not a directory/);
  mkdirSync(join(base, 'full'));
  writeFileSync(join(base, 'full', 'keep.txt'), 'mine');
  oneLineError(megagen([...SMALL, '-o', join(base, 'full')]), 1, /not empty: add --resume .* or --force/);
  assert.deepEqual(listFiles(join(base, 'full')), ['keep.txt']);
  oneLineError(megagen([...SMALL, '-o', join(base, 'full'), '--resume']), 1, /no _journal\.ndjson/);
  if (process.getuid?.() !== 0) {
    mkdirSync(join(base, 'ro'));
    chmodSync(join(base, 'ro'), 0o500);
    oneLineError(megagen([...SMALL, '-o', join(base, 'ro', 'out')]), 1, /permission denied/);
  }
});

test('--force replaces megagen files and keeps the others', () => {
  const dir = join(tempDir(), 'o');
  assert.equal(megagen([...SMALL, '-o', dir, '--format', 'csv']).status, 0);
  writeFileSync(join(dir, 'notes.txt'), 'mine');
  const r = megagen([...SMALL, '-o', dir, '--force']);
  assert.equal(r.status, 0, r.stderr);
  const files = listFiles(dir);
  assert.ok(files.includes('notes.txt'));
  assert.ok(!files.some((f) => f.includes('.csv')));
  assert.ok(files.includes('students/students-000000-000.ndjson.gz'));
});

test('bad output options are usage errors (exit 2) naming the value', () => {
  const dir = join(tempDir(), 'o');
  oneLineError(megagen([...SMALL, '-o', dir, '--max-file-size', '0']), 2, /--max-file-size .*"0"/);
  oneLineError(megagen([...SMALL, '-o', dir, '--max-file-size', 'big']), 2, /"big"/);
  oneLineError(megagen([...SMALL, '-o', dir, '--format', 'ndjson,xml']), 2, /unknown format "xml"/);
  oneLineError(megagen([...SMALL, '-o', dir, '--compress', 'zip']), 2, /unknown compression "zip"/);
  oneLineError(megagen([...SMALL, '-o', dir, '--compress-level', '10']), 2, /--compress-level .*1 to 9.*10/);
  oneLineError(megagen([...SMALL, '-o', dir, '--chunk-size', '0']), 2, /--chunk-size/);
  oneLineError(megagen([...SMALL, '-o', dir, '--resume', '--force']), 2, /exclude each other/);
  assert.ok(!existsSync(dir));
});

function tryMountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('an unwritable parent directory (a read-only mount) gives one line and exit 1', (t) => {
  const mnt = tempDir('megagen-ro-');
  if (!tryMountTmpfs(mnt, '1m,ro')) return t.skip('cannot mount a tmpfs here (needs root)');
  try {
    oneLineError(megagen([...SMALL, '-o', join(mnt, 'out')]), 1, /cannot create output directory .*: read-only file system/);
  } finally {
    execFileSync('umount', [mnt]);
  }
});

test('a full disk (ENOSPC) gives one line, leaves no partial file under a final name, and --resume finishes once space is freed', (t) => {
  const mnt = tempDir('megagen-enospc-');
  if (!tryMountTmpfs(mnt, '1m')) return t.skip('cannot mount a tmpfs here (needs root)');
  try {
    const out = join(mnt, 'o');
    const args = ['run', 'campus', '--records', '60000', '--chunk-size', '5000', '--compress', 'none', '-o', out];
    const r = megagen(args);
    oneLineError(r, 1, /no space left on device \(ENOSPC\)/);
    assert.ok(!existsSync(join(out, 'manifest.json')));
    // Every file under a final name is whole: it is in the journal with its size.
    const journal = execFileSync('cat', [join(out, '_journal.ndjson')], { encoding: 'utf8' });
    const listed = new Set(journal.trim().split('\n').slice(1).flatMap((l) => (JSON.parse(l) as { parts: { path: string }[] }).parts.map((p) => p.path)));
    for (const f of listFiles(out)) if (f.includes('/')) assert.ok(listed.has(f), `${f} is not a finished part`);
    execFileSync('mount', ['-o', 'remount,size=64m', mnt]);
    const again = megagen([...args, '--resume']);
    assert.equal(again.status, 0, again.stderr);
    assert.ok(existsSync(join(out, 'manifest.json')));
  } finally {
    execFileSync('umount', [mnt]);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, fileHashes, listFiles, megagen, tempDir } from './helpers.js';

const ARGS = ['run', 'campus', '--records', '100000', '--chunk-size', '3000', '--max-file-size', '0.1', '--format', 'ndjson,csv'];

function journalLines(dir: string): number {
  try {
    return readFileSync(join(dir, '_journal.ndjson'), 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
}

test('a run killed with SIGKILL mid-way, then --resume, gives the same files as a clean run', async () => {
  const base = tempDir();
  const clean = join(base, 'clean');
  const r = megagen([...ARGS, '-o', clean]);
  assert.equal(r.status, 0, r.stderr);

  const killed = join(base, 'killed');
  const child = spawn(process.execPath, [CLI, ...ARGS, '-o', killed], { stdio: 'ignore' });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  while (journalLines(killed) < 6) await sleep(5);
  child.kill('SIGKILL');
  await exited;
  assert.ok(!existsSync(join(killed, 'manifest.json')), 'killed before the end');
  // A torn journal line and a stray temporary file, as a crash can leave them.
  writeFileSync(join(killed, '_journal.ndjson'), readFileSync(join(killed, '_journal.ndjson'), 'utf8') + '{"type":"chunk","tab');
  writeFileSync(join(killed, 'students', 'students-000099-000.ndjson.gz.tmp'), 'junk');

  const refused = megagen([...ARGS, '-o', killed]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /not empty.*--resume/);

  const resumed = megagen([...ARGS, '-o', killed, '--resume', '--batch-size', '333']);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.deepEqual(fileHashes(killed), fileHashes(clean));
  assert.deepEqual(listFiles(killed).filter((f) => f !== '_journal.ndjson' && f !== 'manifest.json'), listFiles(clean).filter((f) => f !== '_journal.ndjson' && f !== 'manifest.json'));
  const m = JSON.parse(readFileSync(join(killed, 'manifest.json'), 'utf8'));
  assert.ok(m.run.skippedChunks > 0);
});

test('--resume refuses a different seed or config, naming it', () => {
  const dir = join(tempDir(), 'o');
  assert.equal(megagen(['run', 'students', '--records', '2000', '--chunk-size', '500', '-o', dir]).status, 0);
  const seed = megagen(['run', 'students', '--records', '2000', '--chunk-size', '500', '-o', dir, '--resume', '--seed', '7']);
  assert.equal(seed.status, 2);
  assert.match(seed.stderr, /^megagen: cannot --resume .*seed 42, not 7\n$/);
  const chunk = megagen(['run', 'students', '--records', '2000', '--chunk-size', '400', '-o', dir, '--resume']);
  assert.equal(chunk.status, 2);
  assert.match(chunk.stderr, /chunkSize 500, not 400/);
  const same = megagen(['run', 'students', '--records', '2000', '--chunk-size', '500', '-o', dir, '--resume']);
  assert.equal(same.status, 0, same.stderr);
});

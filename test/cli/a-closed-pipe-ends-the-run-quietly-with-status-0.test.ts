import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../helpers/paths.js';

// `megagen run students -o - | head -1` must exit 0 silently (pino's
// broken-pipe test: fork, close the reader, assert the status).

function firstLineThenClose(args: string[]): Promise<{ status: number | null; signal: string | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let first = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (first) return;
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        first = out.slice(0, nl);
        child.stdout.destroy(); // the reader goes away, like head -1
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('megagen did not end within 20 s of its reader closing'));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr: err, first });
    });
  });
}

for (const args of [['run', 'students', '-o', '-'], ['run', 'campus', '-o', '-'], ['run', 'students', '--locale', 'zh_CN', '-o', '-', '--batch-size', '1']]) {
  test(`megagen ${args.join(' ')} whose reader closes after one line exits 0 with nothing on stderr`, async () => {
    const r = await firstLineThenClose(args);
    assert.ok(JSON.parse(r.first), 'the first line is JSON');
    assert.equal(r.signal, null, 'not killed by a signal');
    assert.equal(r.status, 0, `exit status (stderr: ${r.stderr})`);
    assert.equal(r.stderr, '');
  });
}

test('megagen run students -o - | head -1 in a shell exits 0 silently', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'megagen-pipe-'));
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cliPath}" run students -o - 2>err.txt | head -1; status=$?; cat err.txt >&2; exit $status`], {
    encoding: 'utf8',
    cwd,
    timeout: 30_000,
  });
  rmSync(cwd, { recursive: true, force: true });
  assert.equal(r.status, 0, `pipeline status (stderr: ${r.stderr})`);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.split('\n').length, 2, 'one line and its newline');
  assert.ok(JSON.parse(r.stdout.trim()).student_no);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CLI, megagen, tempDir, fileHashes, readManifestFile, listFiles } from './helpers.js';
import { parseProgressLine } from '../../lib/monitor/format.js';
import { FAIL_ENV, STALL_ENV, STALL_FILE_ENV } from '../../lib/run/cluster-test-hooks.js';

// Small runs: 30,000 campus records in chunks of 4,000 rows = 13 chunks.
const BASE = ['run', 'campus', '--records', '30000', '--chunk-size', '4000', '--seed', '7'];

function logLines(dir: string): { msg: string; [k: string]: unknown }[] {
  return readFileSync(join(dir, 'megagen.log'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
}

let reference: Record<string, string> | null = null;
function referenceHashes(root: string): Record<string, string> {
  if (!reference) {
    const dir = join(root, 'reference');
    const r = megagen([...BASE, '-o', dir, '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    reference = fileHashes(dir);
  }
  return reference;
}

test('the same files, byte for byte, for --workers 1, 2, 3 and two batch sizes', () => {
  const root = tempDir('megagen-cluster-');
  try {
    const ref = referenceHashes(root);
    assert.ok(Object.keys(ref).length >= 10);
    for (const [workers, batch] of [['1', '777'], ['2', '1000'], ['3', '333'], ['2', '5000']] as const) {
      const dir = join(root, `w${workers}-b${batch}`);
      const r = megagen([...BASE, '-o', dir, '--workers', workers, '--batch-size', batch]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(fileHashes(dir), ref, `--workers ${workers} --batch-size ${batch}`);
      const m = readManifestFile(dir) as unknown as { run: { workers: number; processes: { role: string; slot: string; pid: number; peakRssBytes: number }[] } };
      assert.equal(m.run.workers, Number(workers));
      const procs = m.run.processes;
      assert.equal(procs.filter((p) => p.role === 'primary').length, 1);
      assert.equal(procs.filter((p) => p.role === 'worker').length, workers === '1' ? 0 : Number(workers));
      for (const p of procs) assert.ok(p.peakRssBytes > 20 * 1024 * 1024 && p.peakRssBytes < 1024 * 1024 * 1024, `peak RSS of ${p.slot}: ${p.peakRssBytes}`);
      const log = logLines(dir);
      assert.deepEqual([log[0]!.msg, log[1]!.msg, log[log.length - 1]!.msg], ['start', 'config', 'summary']);
      const journaled = readFileSync(join(dir, '_journal.ndjson'), 'utf8').split('\n').filter((l) => l.includes('"type":"chunk"')).length;
      assert.ok(journaled >= 10);
      assert.equal(log.filter((l) => l.msg === 'chunk').length, journaled, 'one log line per finished chunk');
      for (const f of ['performance_data.json', 'performance_report.txt', 'performance_charts.png']) assert.ok(existsSync(join(dir, 'performance_reports', f)), f);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--monitor on a non-TTY stderr prints parseable progress lines and nothing on stdout', () => {
  const root = tempDir('megagen-cluster-');
  try {
    const r = megagen([...BASE, '-o', join(root, 'out'), '--workers', '2', '--monitor']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('progress '));
    assert.ok(lines.length >= 1, r.stderr);
    const parsed = lines.map((l) => parseProgressLine(l));
    parsed.forEach((p, i) => assert.ok(p, `unparseable: ${lines[i]}`));
    const last = parsed[parsed.length - 1]!;
    assert.equal(last.percent, 100);
    assert.ok(last.total > 29_000 && last.total < 31_000);
    assert.ok(last.rssBytes > 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a worker killed mid-chunk is replaced and the output is unchanged', async () => {
  const root = tempDir('megagen-cluster-');
  let child: ChildProcess | null = null;
  let pid = 0;
  try {
    const ref = referenceHashes(root);
    const dir = join(root, 'killed');
    const stallFile = join(root, 'stall.pid');
    child = spawn(process.execPath, [CLI, ...BASE, '-o', dir, '--workers', '2', '--batch-size', '500'], {
      env: { ...process.env, [STALL_ENV]: 'enrollments#2', [STALL_FILE_ENV]: stallFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    for (let i = 0; i < 2400 && !pid; i++) {
      if (existsSync(stallFile)) pid = Number(readFileSync(stallFile, 'utf8'));
      if (!pid) await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(pid > 0, `the stall hook never ran: ${stderr}`);
    // The worker hangs inside enrollments#2 (its first rows generated, parts possibly open as *.tmp).
    process.kill(pid, 'SIGKILL');
    assert.equal(await exited, 0, stderr);
    assert.deepEqual(fileHashes(dir), ref);
    assert.ok(!listFiles(dir).some((f) => f.endsWith('.tmp')));
    const log = logLines(dir);
    assert.ok(log.some((l) => l.msg === 'worker-exit' && l.signal === 'SIGKILL' && l.workerPid === pid));
    assert.ok(log.some((l) => l.msg === 'worker-restart'));
    const redo = log.find((l) => l.msg === 'chunk' && l.table === 'enrollments' && l.chunk === 2)!;
    assert.equal(redo.attempt, 2);
  } finally {
    for (const p of [child?.pid, pid]) {
      try {
        if (p) process.kill(p, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    rmSync(root, { recursive: true, force: true });
  }
});

for (const workers of ['1', '2']) {
  test(`a chunk that always fails ends the run after its retries, resumable (--workers ${workers})`, () => {
    const root = tempDir('megagen-cluster-');
    try {
      const ref = referenceHashes(root);
      const dir = join(root, 'failing');
      const failed = spawnFailing([...BASE, '-o', dir, '--workers', workers, '--max-retries', '2'], { [FAIL_ENV]: 'enrollments#1' });
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, /^megagen: chunk enrollments#1 failed 3 times \(last: test hook: .*--resume\n$/);
      assert.ok(!existsSync(join(dir, 'manifest.json')), 'no manifest: an unfinished run');
      assert.ok(!listFiles(dir).some((f) => f.endsWith('.tmp') || f.startsWith('enrollments/enrollments-000001')));
      assert.equal(logLines(dir).filter((l) => l.msg === 'chunk-failed').length, 3);
      const resumed = megagen([...BASE, '-o', dir, '--workers', workers, '--resume']);
      assert.equal(resumed.status, 0, resumed.stderr);
      assert.deepEqual(fileHashes(dir), ref);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

function spawnFailing(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

test('conflict injection writes the same files with --workers 1 and 2', () => {
  const root = tempDir('megagen-cluster-');
  try {
    const args = ['run', 'conflicts', '--records', '30000', '--chunk-size', '4000', '--conflict-difficulty', 'complex'];
    const one = megagen([...args, '-o', join(root, 'one'), '--workers', '1']);
    assert.equal(one.status, 0, one.stderr);
    const two = megagen([...args, '-o', join(root, 'two'), '--workers', '2', '--batch-size', '333']);
    assert.equal(two.status, 0, two.stderr);
    const hashes = fileHashes(join(root, 'one'));
    assert.ok(Object.keys(hashes).some((p) => p.startsWith('conflicts/')), 'the ground-truth table is written');
    assert.deepEqual(fileHashes(join(root, 'two')), hashes);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChunksInCluster } from '../../lib/run/cluster-primary.js';
import { runChunksInline } from '../../lib/run/cluster-inline.js';
import type { ChunkJob, DoneInfo } from '../../lib/run/cluster-job.js';
import { silentRunLog } from '../../lib/run/run-log.js';
import { FAIL_ENV, STALL_ENV, STALL_FILE_ENV } from '../../lib/run/cluster-test-hooks.js';
import type { ToyResult, ToyTask } from './cluster-fixture.js';

const FIXTURE = fileURLToPath(new URL('./cluster-fixture.js', import.meta.url));

function tasks(): ToyTask[] {
  const out: ToyTask[] = [];
  for (const [table, rows] of [['a', 2500], ['b', 4000]] as const)
    for (let k = 0; k * 1000 < rows; k++) out.push({ table, chunk: k, start: k * 1000, end: Math.min(rows, (k + 1) * 1000) });
  return out;
}

async function runToy(workers: number, batchSize: number, o: { delayMs?: number; maxRetries?: number } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'megagen-sched-'));
  const done: { task: ToyTask; result: ToyResult; info: DoneInfo }[] = [];
  const cleaned: string[] = [];
  const job: ChunkJob<ToyTask, ToyResult> = {
    tasks: tasks(),
    label: (t) => `${t.table}#${t.chunk}`,
    rows: (t) => t.end - t.start,
    executor: { module: FIXTURE, config: { dir, delayMs: o.delayMs ?? 0 } },
    batchSize,
    maxRetries: o.maxRetries ?? 3,
    onDone: async (task, result, info) => {
      await new Promise((r) => setTimeout(r, 1)); // the journal is async: calls must not interleave
      done.push({ task, result, info });
    },
    cleanup: async (t) => {
      cleaned.push(`${t.table}#${t.chunk}`);
      await unlink(join(dir, `${t.table}-${t.chunk}.txt.tmp`)).catch(() => {});
    },
    log: silentRunLog(),
  };
  const run = workers === 1 ? runChunksInline(job) : runChunksInCluster(job, { workers });
  return { dir, done, cleaned, run };
}

async function digest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = (await readFile(join(dir, f), 'utf8')).length + ':' + (await readFile(join(dir, f), 'utf8')).slice(-40);
  return out;
}

test('every chunk runs exactly once, on several workers, with the same bytes as in one process', async () => {
  const one = await runToy(1, 1000);
  await one.run;
  const reference = await digest(one.dir);
  try {
    for (const [workers, batch] of [[2, 300], [3, 1000]] as const) {
      const r = await runToy(workers, batch, { delayMs: 15 });
      try {
        const events = await r.run;
        assert.deepEqual(events, { workerRestarts: 0, chunkRetries: 0 });
        assert.equal(r.done.length, 7);
        assert.deepEqual(r.done.map((d) => `${d.task.table}#${d.task.chunk}`).sort(), one.done.map((d) => `${d.task.table}#${d.task.chunk}`).sort());
        assert.ok(r.done.every((d) => d.result.pid !== process.pid && d.result.batchSize === batch));
        assert.deepEqual(r.done.map((d) => d.result.sha256).sort(), one.done.map((d) => d.result.sha256).sort());
        assert.deepEqual(await digest(r.dir), reference);
      } finally {
        await rm(r.dir, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(one.dir, { recursive: true, force: true });
  }
});

test('a worker killed mid-chunk is replaced, its leftovers removed and the chunk redone', async () => {
  const one = await runToy(1, 1000);
  await one.run;
  const reference = await digest(one.dir);
  await rm(one.dir, { recursive: true, force: true });
  const stallFile = join(tmpdir(), `megagen-stall-${process.pid}`);
  process.env[STALL_ENV] = 'b#2';
  process.env[STALL_FILE_ENV] = stallFile;
  const r = await runToy(2, 100, { delayMs: 2 });
  delete process.env[STALL_ENV];
  let pid = 0;
  try {
    // Wait for the stalled worker to announce itself, then kill it.
    for (let i = 0; i < 200 && !pid; i++) {
      pid = Number(await readFile(stallFile, 'utf8').catch(() => '0'));
      if (!pid) await new Promise((res) => setTimeout(res, 25));
    }
    assert.ok(pid > 0, 'the stall hook ran');
    assert.ok((await readdir(r.dir)).includes('b-2.txt.tmp'), 'killed mid-chunk: a partial .tmp exists');
    process.kill(pid, 'SIGKILL');
    const events = await r.run;
    assert.equal(events.workerRestarts, 1);
    assert.equal(events.chunkRetries, 1);
    assert.deepEqual(r.cleaned, ['b#2']);
    assert.equal(r.done.length, 7);
    const b2 = r.done.find((d) => d.task.table === 'b' && d.task.chunk === 2)!;
    assert.equal(b2.info.attempt, 2);
    assert.notEqual(b2.result.pid, pid);
    assert.ok(!(await readdir(r.dir)).some((f) => f.endsWith('.tmp')));
    assert.deepEqual(await digest(r.dir), reference);
  } finally {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    delete process.env[STALL_FILE_ENV];
    await rm(stallFile, { force: true });
    await rm(r.dir, { recursive: true, force: true });
  }
});

for (const workers of [1, 2]) {
  test(`a chunk that always fails stops the run after its retries (workers ${workers})`, async () => {
    process.env[FAIL_ENV] = 'b#1';
    const r = await runToy(workers, 1000, { maxRetries: 2 });
    try {
      await assert.rejects(r.run, (err: Error & { code?: string }) => {
        assert.equal(err.code, 'ERR_CHUNK_FAILED');
        assert.match(err.message, /^chunk b#1 failed 3 times \(last: test hook: .*--resume/);
        return true;
      });
      assert.deepEqual(r.cleaned.filter((c) => c === 'b#1'), ['b#1', 'b#1', 'b#1']);
      assert.ok(!r.done.some((d) => d.task.table === 'b' && d.task.chunk === 1));
      assert.ok(!(await readdir(r.dir)).some((f) => f.endsWith('.tmp')), 'no leftovers');
    } finally {
      delete process.env[FAIL_ENV];
      await rm(r.dir, { recursive: true, force: true });
    }
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PidSampler } from '../../lib/monitor/pid-sampler.js';

test('the sampler reports live pids and leaves out gone ones', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
  const s = new PidSampler();
  try {
    s.add(process.pid);
    s.add(child.pid!);
    const first = await s.sample();
    assert.ok(first.get(process.pid)!.rssBytes > 10 * 1024 * 1024);
    assert.ok(first.get(child.pid!)!.rssBytes > 1024 * 1024);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const second = await s.sample();
    assert.ok(second.has(process.pid));
    assert.equal(second.has(child.pid!), false);
  } finally {
    s.close();
    child.kill('SIGKILL');
  }
});

test("a busy process's first sample shows its CPU, not pidusage's 0 for a pid it has not seen", async () => {
  const child = spawn(process.execPath, ['-e', 'const t = Date.now(); while (Date.now() - t < 3000);']);
  const s = new PidSampler();
  try {
    s.add(child.pid!);
    await new Promise((r) => setTimeout(r, 700));
    const first = (await s.sample()).get(child.pid!)!;
    // Any real share of a core (the machine may be busy with other tests); pidusage alone says 0.
    assert.ok(first.cpu > 5, `first sample ${first.cpu}% of a core`);
    await new Promise((r) => setTimeout(r, 400));
    const second = (await s.sample()).get(child.pid!)!;
    assert.ok(second.cpu > 5, `second sample ${second.cpu}% of a core`);
  } finally {
    s.close();
    child.kill('SIGKILL');
  }
});

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

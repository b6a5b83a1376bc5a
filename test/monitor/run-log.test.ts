import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUN_LOG = fileURLToPath(new URL('../../lib/run/run-log.js', import.meta.url));

for (const ending of ['process.exit(3)', 'throw new Error("boom")', 'process.kill(process.pid, "SIGKILL")']) {
  test(`log lines survive ${ending}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'megagen-log-'));
    try {
      const script = `
        const { createRunLog } = await import(${JSON.stringify(RUN_LOG)});
        const log = createRunLog(${JSON.stringify(dir)});
        log.info({ seed: 42 }, 'start');
        for (let k = 0; k < 200; k++) log.info({ table: 'students', chunk: k, ms: 12 }, 'chunk');
        log.error({ err: 'x' }, 'error');
        ${ending};`;
      spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      const lines = (await readFile(join(dir, 'megagen.log'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 202);
      assert.equal(lines[0].msg, 'start');
      assert.equal(lines[0].seed, 42);
      assert.equal(lines[200].chunk, 199);
      assert.equal(lines[201].msg, 'error');
      assert.equal(typeof lines[0].time, 'string');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { megagen, tempDir } from './helpers.js';
import { parseClusterOptions, parseShard } from '../../lib/run/cluster-options.js';
import { planMemory, MIN_WORKER_MB } from '../../lib/run/cluster-memory.js';

test('bad --workers, --memory, --shard and --max-retries get one line and exit 2, writing nothing', () => {
  const root = tempDir('megagen-cluster-bad-');
  try {
    const cases: [string[], RegExp][] = [
      [['--workers', '0'], /--workers must be an integer from 1 to .* \(got "0"\)/],
      [['--workers', 'two'], /--workers must be an integer .*\(got "two"\)/],
      [['--memory', '100', '--workers', '2'], /--memory 100 MB is too little for 2 workers .*use --memory 320 or more/],
      [['--memory', '64', '--workers', '1'], /--memory 64 MB is too little for 1 worker/],
      [['--shard', '3/3'], /--shard 3\/3: the index must be from 0 to N-1/],
      [['--shard', 'x'], /--shard must be i\/N .*\(got "x"\)/],
      [['--max-retries', '-1'], /--max-retries must be an integer/],
    ];
    for (const [flags, pattern] of cases) {
      const dir = join(root, 'out');
      const r = megagen(['run', 'campus', '--records', '5000', '-o', dir, ...flags]);
      assert.equal(r.status, 2, `${flags.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line for ${flags.join(' ')}: ${r.stderr}`);
      assert.equal(existsSync(dir), false, 'nothing written');
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--workers 1000 is capped at 4 per CPU, with a warning', () => {
  const o = parseClusterOptions({ workers: 1000 }, 2);
  assert.equal(o.workers, 8);
  assert.match(o.warnings[0]!, /--workers 1000 capped at 8 \(4 per CPU, 2 CPUs\)/);
  assert.equal(parseClusterOptions({}, 3).workers, 3);
  const root = tempDir('megagen-cluster-bad-');
  try {
    const r = megagen(['run', 'campus', '--records', '3000', '--chunk-size', '1000', '-o', join(root, 'out'), '--workers', '1000']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^megagen: warning: --workers 1000 capped at \d+ /m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('memory is split between the primary and the workers', () => {
  assert.deepEqual(planMemory(2048, 2), { totalMb: 2048, workers: 2, shareMb: 992, heapMb: 928 });
  assert.equal(planMemory(512, 2).shareMb, 224);
  assert.equal(planMemory(MIN_WORKER_MB, 1).shareMb, MIN_WORKER_MB);
  assert.throws(() => planMemory(300, 2), /too little/);
  assert.deepEqual(parseShard(' 2 / 8 '), { index: 2, count: 8 });
  assert.throws(() => parseShard('1/0'), /--shard 1\/0/);
});

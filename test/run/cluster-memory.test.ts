import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryGuard, planMemory, MIN_BATCH_SIZE } from '../../lib/run/cluster-memory.js';

const MB = 1024 * 1024;

test('a worker over its share lowers the batch size for new chunks and is recycled once, after its chunk', () => {
  const g = new MemoryGuard(planMemory(512, 2), 4000); // share 224 MB
  const actions: string[] = [];
  g.onAction = (a, w, _rss, b) => actions.push(`${a} ${w} ${b}`);
  g.observe('w1', 200 * MB);
  assert.equal(g.batchSize, 4000);
  assert.equal(g.takeRecycle('w1'), false);
  g.observe('w1', 300 * MB);
  g.observe('w1', 310 * MB); // the same episode: no second shrink
  assert.equal(g.batchSize, 2000);
  assert.equal(g.takeRecycle('w2'), false);
  assert.equal(g.takeRecycle('w1'), true);
  assert.equal(g.takeRecycle('w1'), false);
  g.reset('w1');
  for (let i = 0; i < 20; i++) {
    g.observe('w1', 300 * MB);
    g.takeRecycle('w1');
  }
  assert.equal(g.batchSize, MIN_BATCH_SIZE);
  assert.deepEqual(actions.slice(0, 2), ['shrink-batch w1 2000', 'recycle w1 2000']);
  assert.equal(g.batchShrinks, 4);
  assert.equal(g.recycles, 21);
});

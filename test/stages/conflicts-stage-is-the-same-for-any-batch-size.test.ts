import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildDataset, digest } from '../conflicts/dataset.js';
import { conflictsStage, createConflictApplier } from '../../lib/stages/conflicts.js';
import type { Batch } from '../../lib/sources/batch.js';

it('the injected dataset is byte-identical for batch sizes 1000, 333 and 7', () => {
  const digests = [1000, 333, 7].map((b) => digest(buildDataset(20_000, { rate: 0.03, difficulty: 'complex' }, 42, b).tables));
  assert.equal(digests[1], digests[0]);
  assert.equal(digests[2], digests[0]);
});

it('the same seed gives the same truth; another seed another', () => {
  const a = buildDataset(20_000, { rate: 0.02, difficulty: 'medium' }, 'x').tables.get('conflicts');
  const b = buildDataset(20_000, { rate: 0.02, difficulty: 'medium' }, 'x').tables.get('conflicts');
  const c = buildDataset(20_000, { rate: 0.02, difficulty: 'medium' }, 'y').tables.get('conflicts');
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

it('the stage passes batches of untouched tables through and changes only planned rows', async () => {
  const { plan } = buildDataset(20_000, { rate: 0.02, types: ['capacity_overflow'] });
  assert.equal(createConflictApplier(plan, 'departments'), null);
  assert.equal(createConflictApplier(plan, 'enrollments'), null, 'capacity changes touch sections only');
  const rows = Array.from({ length: 700 }, (_, i) => ({ id: i + 1, capacity: 50, enrolled: 30 }));
  const out: Batch[] = [];
  await pipeline(
    Readable.from([{ table: 'sections', start: 0, rows: rows.slice(0, 350) }, { table: 'sections', start: 350, rows: rows.slice(350) }]),
    conflictsStage(plan, 'sections'),
    new Writable({ objectMode: true, write(b: Batch, _e, done) { out.push(b); done(); } }),
  );
  const changed = out.flatMap((b) => b.rows).filter((r) => r.capacity !== 50).map((r) => r.id);
  const truth = plan.records.filter((r) => !r.isDecoy).map((r) => r.section + 1);
  assert.deepEqual(changed.sort(), truth.sort());
});

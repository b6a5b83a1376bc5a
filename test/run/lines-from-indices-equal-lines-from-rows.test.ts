import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { definePipeline, runPipeline } from '../../lib/index.js';
import campus from '../../pipelines/campus.js';
import { collector, fileHashes, tempDir } from './helpers.js';

// Tables with an index writer (TableModel.createNdjsonWriter) skip row objects
// where nothing reads the rows. An identity stage on every table forces the
// row path; both paths must give the same bytes, on stdout and in chunk files
// (where block boundaries, hence gzip members, must not move either).
const viaRows = definePipeline({
  ...campus,
  name: 'campus-via-rows',
  stages: [{ name: 'identity', at: 'after:relations', map: (row) => row }],
});

test('stdout: every campus table gives the same bytes from indices as from rows (several tables, _table field)', async () => {
  const a = collector();
  const b = collector();
  await runPipeline(campus, { records: 30_000, output: '-', stdout: a, batchSize: 999 });
  await runPipeline(viaRows, { records: 30_000, output: '-', stdout: b, batchSize: 999 });
  assert.ok(a.bytes().length > 1_000_000);
  assert.ok(a.bytes().equals(b.bytes()));
});

test('stdout, zh_CN, one table: students from indices equal students from rows', async () => {
  const a = collector();
  const b = collector();
  await runPipeline(campus, { records: 20_000, output: '-', tables: ['students'], locale: 'zh_CN', stdout: a });
  await runPipeline(viaRows, { records: 20_000, output: '-', tables: ['students'], locale: 'zh_CN', stdout: b });
  assert.ok(a.bytes().toString('utf8').startsWith('{"id":1,'));
  assert.ok(a.bytes().equals(b.bytes()));
});

test('chunk files: the same sha256 for every part from indices and from rows, whatever the batch size', async () => {
  const runs: Record<string, string>[] = [];
  for (const [pipeline, batchSize] of [
    [campus, 1],
    [campus, 4096],
    [viaRows, 7],
  ] as const) {
    const dir = join(tempDir(), 'out');
    await runPipeline(pipeline, { records: 40_000, output: dir, chunkSize: 9000, batchSize, maxFileSizeMb: 0.05, formats: ['ndjson'], workers: 1 });
    runs.push(fileHashes(dir));
  }
  assert.ok(Object.keys(runs[0]!).length > 20);
  assert.deepEqual(runs[1], runs[0]);
  assert.deepEqual(runs[2], runs[0]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../lib/index.js';
import campus from '../../pipelines/campus.js';
import { collector, decompress, fileHashes, listFiles, readManifestFile, tempDir } from './helpers.js';

const RECORDS = 20_000;

test('a directory run writes gzip NDJSON chunks whose rows equal the stdout stream, with a journal and a manifest', async () => {
  const dir = join(tempDir(), 'out');
  const summary = await runPipeline(campus, { records: RECORDS, output: dir, chunkSize: 3000 });
  const m = readManifestFile(dir);
  assert.equal(m.config.compress, 'gzip');
  assert.equal(m.config.compressLevel, 1);
  const journal = readFileSync(join(dir, '_journal.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(journal[0].type, 'header');
  assert.deepEqual(journal[0].config, m.config);
  let chunks = 0;
  for (const t of summary.tables) {
    const files = m.tables[t.name]!.files;
    assert.equal(m.tables[t.name]!.rows, t.rows);
    assert.equal(files.reduce((s, f) => s + f.rows, 0), t.rows);
    chunks += Math.ceil(t.rows / 3000);
    files.forEach((f) => assert.match(f.path, new RegExp(`^${t.name}/${t.name}-\\d{6}-\\d{3}\\.ndjson\\.gz$`)));
    const out = collector();
    await runPipeline(campus, { records: RECORDS, output: '-', tables: [t.name], stdout: out });
    const joined = Buffer.concat(files.map((f) => decompress(join(dir, f.path))));
    assert.ok(joined.equals(out.bytes()), `${t.name}: files differ from the stdout stream`);
  }
  assert.equal(journal.length, 1 + chunks);
  assert.deepEqual(
    listFiles(dir).filter((f) => f.includes('/') && !f.startsWith('performance_reports/')),
    Object.keys(fileHashes(dir)).sort(),
  );
  assert.ok(!listFiles(dir).some((f) => f.endsWith('.tmp')));
});

test('output bytes do not depend on --batch-size (1, 7, 5000)', async () => {
  const hashes: Record<string, string>[] = [];
  for (const batchSize of [1, 7, 5000]) {
    const dir = join(tempDir(), 'out');
    await runPipeline(campus, { records: 5000, output: dir, chunkSize: 700, batchSize, maxFileSizeMb: 0.02, formats: ['ndjson', 'sql'] });
    hashes.push(fileHashes(dir));
  }
  assert.ok(Object.keys(hashes[0]!).length > 10);
  assert.deepEqual(hashes[1], hashes[0]);
  assert.deepEqual(hashes[2], hashes[0]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ndjsonStage, type Batch, type Row, type TableSpec } from '../../lib/index.js';
import { Collector } from '../helpers/generate.js';

const spec: TableSpec = { name: 'notes', columns: [{ name: 'id', type: 'int' }, { name: 'text', type: 'string' }] };

function rows(n: number): Row[] {
  // Mixed widths: ASCII, Chinese (3 UTF-8 bytes each), emoji (4), so block edges fall everywhere.
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, text: ['short', '王小明'.repeat(i % 50), '😀'.repeat(i % 7), 'x'.repeat(i % 300)][i % 4]! }));
}

async function serialise(all: Row[], sizes: number[]): Promise<Buffer> {
  const batches: Batch[] = [];
  for (let at = 0, k = 0; at < all.length; k++) {
    const n = sizes[k % sizes.length]!;
    batches.push({ table: 'notes', start: at, rows: all.slice(at, at + n) });
    at += n;
  }
  const out = new Collector();
  await pipeline(Readable.from(batches, { objectMode: true }), ndjsonStage(spec), out);
  return out.bytes();
}

test('the NDJSON stage writes the same bytes whatever the batch sizes, across 1 MB block edges', async () => {
  const all = rows(20_000);
  const expected = Buffer.from(all.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
  assert.ok(expected.length > 2 << 20, 'several 1 MB blocks');
  for (const sizes of [[20_000], [1], [63], [64], [65], [1000, 1, 7], [4999]]) {
    const got = await serialise(all, sizes);
    assert.ok(got.equals(expected), `batch sizes ${sizes.join(',')}: ${got.length} vs ${expected.length} bytes`);
  }
});

test('a row larger than a block passes through whole', async () => {
  const big = [{ id: 1, text: 'a' }, { id: 2, text: '长'.repeat(600_000) }, { id: 3, text: 'z'.repeat(3 << 20) }, { id: 4, text: 'b' }];
  const got = (await serialise(big, [1, 3])).toString('utf8');
  assert.equal(got, big.map((r) => JSON.stringify(r) + '\n').join(''));
});

test('an empty input writes nothing', async () => {
  assert.equal((await serialise([], [1])).length, 0);
});

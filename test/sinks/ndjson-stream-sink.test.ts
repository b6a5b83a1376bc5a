import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { compileNdjson, type Row, type TableSpec } from '../../lib/index.js';
import { ndjsonStreamSink } from '../../lib/sinks/ndjson-stream-sink.js';
import { collectRows, presetModel } from '../helpers/generate.js';

const spec: TableSpec = { name: 't', columns: [{ name: 'id', type: 'int' }, { name: 's', type: 'string' }] };

/** A byte stream that copies what it is given and calls back after `delayMs` (a slow reader). */
function slowOut(delayMs: number, copies: Buffer[], inFlight: { now: number; max: number }): Writable {
  return new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _enc, done) {
      copies.push(Buffer.from(chunk));
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      setTimeout(() => {
        inFlight.now--;
        // Scribble over the block: a sink that reused it too early would show it.
        chunk.fill(0x23);
        done();
      }, delayMs);
    },
  });
}

function batches(rows: Row[], size: number): Readable {
  const out = [];
  for (let i = 0; i < rows.length; i += size) out.push({ table: 't', start: i, rows: rows.slice(i, i + size) });
  return Readable.from(out, { objectMode: true });
}

test('the bytes on the stream are the compiled NDJSON lines, in order, whatever the reader does with the blocks afterwards', async () => {
  const model = presetModel('campus', { records: 20_000 });
  const table = model.table('students');
  const rows = collectRows(table);
  const copies: Buffer[] = [];
  await pipeline(batches(rows, 333), ndjsonStreamSink(table.spec, { trusted: true }, slowOut(1, copies, { now: 0, max: 0 })));
  const line = compileNdjson(table.spec, { trusted: true });
  assert.equal(Buffer.concat(copies).toString('utf8'), rows.map(line).join(''));
});

test('rows longer than a block are written whole, between the rows around them', async () => {
  const rows: Row[] = [
    { id: 1, s: 'a' },
    { id: 2, s: 'é'.repeat(700_000) },
    { id: 3, s: 'x'.repeat(3_000_000) },
    { id: 4, s: 'b' },
  ];
  const copies: Buffer[] = [];
  await pipeline(batches(rows, 2), ndjsonStreamSink(spec, {}, slowOut(0, copies, { now: 0, max: 0 })));
  const line = compileNdjson(spec);
  assert.equal(Buffer.concat(copies).toString('utf8'), rows.map(line).join(''));
});

test('a slow reader holds back the generator: at most two blocks are in flight', async () => {
  const rows: Row[] = Array.from({ length: 60_000 }, (_, i) => ({ id: i, s: 'y'.repeat(200) }));
  const inFlight = { now: 0, max: 0 };
  const copies: Buffer[] = [];
  await pipeline(batches(rows, 1000), ndjsonStreamSink(spec, {}, slowOut(3, copies, inFlight)));
  assert.ok(copies.length >= 10, `${copies.length} blocks`);
  assert.ok(inFlight.max <= 2, `${inFlight.max} blocks in flight`);
});

test('an error of the stream (a closed pipe) fails the pipeline with that error', async () => {
  const out = new Writable({
    write(_chunk, _enc, done) {
      done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
  const rows: Row[] = Array.from({ length: 20_000 }, (_, i) => ({ id: i, s: 'z'.repeat(100) }));
  await assert.rejects(pipeline(batches(rows, 1000), ndjsonStreamSink(spec, {}, out)), { code: 'EPIPE' });
});

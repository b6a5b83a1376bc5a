import { Writable } from 'node:stream';
import type { IndexLineWriter, TableSpec } from '../model/schema.js';
import type { Batch, IndexBatch } from '../sources/batch.js';
import { compileNdjsonBytes } from '../formats/ndjson-bytes.js';
import type { NdjsonOptions } from '../formats/ndjson.js';
import { BLOCK_BYTES, BlockWriter } from '../formats/block-writer.js';

/** Blocks handed to the stream and not yet called back; serialising waits above this. */
const MAX_PENDING = 2;

/**
 * Batches of rows in, NDJSON written to a byte stream (stdout) that is never
 * ended, so tables can follow one another on it. The serialiser and the sink
 * in one: rows are written straight into ~1 MB blocks (compileNdjsonBytes),
 * and a block goes back to a small pool once `out.write` calls back, when the
 * stream is done with its bytes. A fixed set of blocks instead of a fresh
 * Buffer per megabyte keeps memory flat: freed 1 MB buffers otherwise wait for
 * the garbage collector and fragment the C heap. Backpressure: a batch is
 * acknowledged only while at most two blocks are in flight. With `fromIndex`
 * (the table's createNdjsonWriter, same options) it also takes index batches
 * (indexSource) and writes their lines from the row indices.
 */
export function ndjsonStreamSink(
  spec: TableSpec,
  options: NdjsonOptions = {},
  out: NodeJS.WritableStream = process.stdout,
  fromIndex?: IndexLineWriter,
): Writable {
  const write = compileNdjsonBytes(spec, options);
  const free: Buffer[] = [];
  let pending = 0;
  let failure: Error | null = null;
  let waiting: (() => void) | null = null;

  const settled = (): void => {
    const w = waiting;
    waiting = null;
    w?.();
  };
  /** Hands a block to the stream; the writer's own blocks come back to the pool on the callback. */
  const send = (block: Buffer, length: number, own: boolean): void => {
    pending++;
    out.write(block.subarray(0, length), (err) => {
      pending--;
      if (err) failure ??= err;
      else if (own && free.length < MAX_PENDING + 1) free.push(block);
      settled();
    });
  };
  const writer = new BlockWriter(send, () => free.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES));
  /** Calls done once at most `limit` blocks are in flight (or the stream failed). */
  const whenBelow = (limit: number, done: (err?: Error | null) => void): void => {
    if (failure) return done(failure);
    if (pending <= limit) return done();
    waiting = () => whenBelow(limit, done);
  };

  // The stream's own 'error' event (EPIPE) fails this sink, not the process.
  // (Anything with write(chunk, callback) will do as `out`: events are optional.)
  const onError = (err: Error): void => {
    failure ??= err;
    settled();
  };
  const events = typeof out.on === 'function';
  if (events) out.on('error', onError);

  return new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(batch: Batch | IndexBatch, _enc, done) {
      const rows = batch.rows;
      if (rows) for (let i = 0; i < rows.length; i++) writer.writeRow(write, rows[i]!);
      else if (fromIndex) writer.writeIndices(fromIndex, batch.start, batch.end);
      else return done(new TypeError(`an index batch of ${batch.table} reached a sink without an index writer`));
      // Yield (setImmediate) so callbacks of written blocks run before the next batch.
      setImmediate(() => whenBelow(MAX_PENDING - 1, done));
    },
    final(done) {
      writer.flush();
      whenBelow(0, done);
    },
    destroy(err, done) {
      if (events) out.off('error', onError);
      done(err);
    },
  });
}

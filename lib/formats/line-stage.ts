import { Transform, type TransformCallback } from 'node:stream';
import type { Row } from '../model/schema.js';
import type { Batch } from '../sources/batch.js';
import { BlockWriter } from './block-writer.js';

/**
 * The stream adapter of the serialisers: batches of rows in, bytes out in
 * ~1 MB blocks. `writeRows` puts a batch's rows into the writer (which
 * pushes every full block).
 */
export function blockStage(writeRows: (rows: readonly Row[], writer: BlockWriter) => void): Transform {
  // A fresh Buffer per block: whoever reads the stage may keep what it is given.
  const writer = new BlockWriter((block, length) => stage.push(block.subarray(0, length)));
  const stage = new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 1,
    readableHighWaterMark: 1,
    transform(batch: Batch, _enc, done: TransformCallback) {
      writeRows(batch.rows, writer);
      // Yield to the event loop so written blocks are consumed and freed before
      // the next batch (without it RSS grew to 1.7 GB in the DESIGN §6 prototype).
      setImmediate(done);
    },
    flush(done: TransformCallback) {
      writer.flush();
      done();
    },
  });
  return stage;
}

/**
 * The stage of every line format: the lines of `line(row)`, joined ~64 rows
 * at a time before each write into the block (DESIGN §6: short strings into
 * a reused block beat Buffer.from of whole batches).
 */
export function lineStage(line: (row: Row) => string): Transform {
  return blockStage((rows, writer) => {
    let acc = '';
    for (let i = 0; i < rows.length; i++) {
      acc += line(rows[i]!);
      if ((i & 63) === 63) {
        writer.write(acc);
        acc = '';
      }
    }
    if (acc.length > 0) writer.write(acc);
  });
}

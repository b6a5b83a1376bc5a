import { Transform, type TransformCallback } from 'node:stream';
import type { TableModel } from '../model/schema.js';
import type { Batch } from '../sources/batch.js';

/** Fills the relation (foreign key) columns of each row of a batch, in place. Pure core of the stage. */
export function createRelationResolver(table: TableModel): ((batch: Batch) => Batch) | null {
  const resolve = table.createResolver();
  if (!resolve) return null;
  return (batch) => {
    const rows = batch.rows;
    for (let i = 0; i < rows.length; i++) resolve(rows[i]!, batch.start + i);
    return batch;
  };
}

/** The relationship-resolution stage: foreign keys by arithmetic on dense ids, no table in memory. */
export function relationsStage(table: TableModel): Transform {
  const resolve = createRelationResolver(table);
  return new Transform({
    objectMode: true,
    highWaterMark: 1,
    transform(batch: Batch, _enc, done: TransformCallback) {
      done(null, resolve ? resolve(batch) : batch);
    },
  });
}

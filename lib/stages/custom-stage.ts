import { Transform, type TransformCallback } from 'node:stream';
import { streamId } from '../random/hash.js';
import { MegagenError } from '../errors.js';
import type { CampusModel } from '../model/campus.js';
import type { Batch } from '../sources/batch.js';
import type { CustomStage, PipelineDefinition, StagePoint } from '../pipeline.js';
import { isRowObject, kindOf, pipelineLabel } from '../model/pipeline-model.js';
import { MutableRowContext } from './row-context.js';

/**
 * The pure core of a custom stage for one table: maps every row of a batch
 * through `stage.map`, with a per-row random source from (seed, stage name,
 * table, row index) — so the output never depends on how rows were batched.
 */
export function createStageMapper(stage: CustomStage, model: CampusModel, table: string, label: string): (batch: Batch) => Batch {
  const ctx = new MutableRowContext(model, streamId(`stage:${stage.name}`), table);
  const map = stage.map;
  return (batch) => {
    const rows = batch.rows;
    for (let i = 0; i < rows.length; i++) {
      const index = batch.start + i;
      ctx.index = index;
      let out: unknown;
      try {
        out = map(rows[i]!, ctx);
      } catch (err) {
        if (err instanceof MegagenError) throw err;
        throw new MegagenError('ERR_PIPELINE', `${label}: stage "${stage.name}" failed on row ${index} of ${table}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
      }
      if (!isRowObject(out))
        throw new MegagenError('ERR_PIPELINE', `${label}: stage "${stage.name}" returned ${kindOf(out)} for row ${index} of ${table} (a stage must return the row object)`);
      rows[i] = out;
    }
    return batch;
  };
}

/** A custom stage as a Transform of batches. */
export function customStage(stage: CustomStage, model: CampusModel, table: string, label = `stage ${stage.name}`): Transform {
  const mapBatch = createStageMapper(stage, model, table, label);
  return new Transform({
    objectMode: true,
    highWaterMark: 1,
    transform(batch: Batch, _enc, done: TransformCallback) {
      let out: Batch;
      try {
        out = mapBatch(batch);
      } catch (err) {
        return done(err as Error);
      }
      done(null, out);
    },
  });
}

/** The pipeline's custom stages for one table at one point, in order, as Transforms. */
export function customStagesAt(pipeline: PipelineDefinition, model: CampusModel, table: string, at: StagePoint): Transform[] {
  const label = pipelineLabel(pipeline);
  return (pipeline.stages ?? [])
    .filter((s) => s.at === at && (!s.tables || s.tables.includes(table)))
    .map((s) => customStage(s, model, table, label));
}

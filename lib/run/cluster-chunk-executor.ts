import type { ChunkExecutor } from './cluster-protocol.js';
import type { ChunkTask } from './chunk-plan.js';
import { runChunk, type ChunkResult } from './run-chunk.js';
import type { ResolvedOutputConfig } from './output-options.js';
import { parseRunOptions } from './run-options.js';
import { buildModel } from './run-pipeline.js';
import { resolvePipeline } from '../api/resolve-pipeline.js';
import { ConflictPlan, type ConflictPlanData } from '../conflicts/plan.js';

/** What a worker needs to rebuild the run's model: plain data, sent once in `init`. */
export interface WorkerRunConfig {
  root: string;
  /** A preset name or a pipeline file (its custom stages and derived tables come with it). */
  pipeline: string;
  records: number;
  seed: number | string;
  locale: string;
  tables: string[];
  out: ResolvedOutputConfig;
  /** Conflict injection changes rows: the workers' model must inject exactly as the primary's. */
  conflicts: { rate: number; types: string[]; difficulty: string };
  /** The primary's conflict plan (built once there, not again in every worker). */
  conflictPlan?: ConflictPlanData;
}

/**
 * The executor module cluster workers load: it rebuilds the pipeline and
 * the model (pure functions of the seed and config) once, then runs each
 * chunk it is handed with `runChunk` — the same code, hence the same bytes,
 * as a one-process run.
 */
export async function createChunkExecutor(config: unknown): Promise<ChunkExecutor<ChunkTask, ChunkResult>> {
  const c = config as WorkerRunConfig;
  const pipeline = await resolvePipeline(c.pipeline);
  const o = parseRunOptions(pipeline, {
    records: c.records,
    seed: c.seed,
    locale: c.locale,
    tables: c.tables,
    output: c.root,
    conflicts: c.conflicts.rate,
    conflictTypes: c.conflicts.types,
    conflictDifficulty: c.conflicts.difficulty,
  });
  const model = buildModel(pipeline, o, c.conflictPlan ? ConflictPlan.fromData(c.conflictPlan) : undefined);
  return (task, ctx) =>
    runChunk(
      {
        root: c.root,
        pipeline,
        model,
        config: c.out,
        batchSize: ctx.batchSize,
        onProgress: (e) => {
          if (e.kind === 'rows') ctx.onProgress(e.done - task.start);
        },
      },
      task,
    );
}

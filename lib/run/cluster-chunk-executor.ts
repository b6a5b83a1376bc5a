import v8 from 'node:v8';
import type { ChunkExecutor } from './cluster-protocol.js';
import type { ChunkTask } from './chunk-plan.js';
import { runChunk, type ChunkResult } from './run-chunk.js';
import type { ResolvedOutputConfig } from './output-options.js';
import { parseRunOptions } from './run-options.js';
import { buildModel } from './run-pipeline.js';
import { resolvePipeline } from '../api/resolve-pipeline.js';
import { ConflictPlan, type ConflictPlanData } from '../conflicts/plan.js';
import type { RecordData } from '../conflicts/plan-state.js';

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
  /**
   * The primary's conflict plan (built once there, not again in every
   * worker): its changes, without the records (workerChunkTask), as
   * v8.serialize bytes, serialised once rather than once per worker.
   */
  conflictPlan?: Uint8Array;
}

/** A chunk as a worker gets it: a conflicts chunk carries the records it writes. */
export interface WorkerChunkTask extends ChunkTask {
  records?: RecordData;
}

/** WorkerRunConfig#conflictPlan of a plan. */
export function workerPlanBytes(plan: ConflictPlan): Uint8Array {
  return v8.serialize(plan.workerData());
}

/** What a worker is sent for a chunk of a run with this plan (ChunkJob#wireTask). */
export function workerChunkTask(plan: ConflictPlan, task: ChunkTask): WorkerChunkTask {
  return task.table === 'conflicts' ? { ...task, records: plan.recordsIn(task.start, task.end) } : task;
}

/**
 * The executor module cluster workers load: it rebuilds the pipeline and
 * the model (pure functions of the seed and config) once, then runs each
 * chunk it is handed with `runChunk` — the same code, hence the same bytes,
 * as a one-process run.
 */
export async function createChunkExecutor(config: unknown): Promise<ChunkExecutor<WorkerChunkTask, ChunkResult>> {
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
  const plan = c.conflictPlan ? ConflictPlan.fromData(v8.deserialize(c.conflictPlan) as ConflictPlanData) : undefined;
  const model = buildModel(pipeline, o, plan);
  return (task, ctx) => {
    if (task.records) plan?.holdRecords(task.records);
    return runChunk(
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
  };
}

import { pipeline as pipe } from 'node:stream/promises';
import { join } from 'node:path';
import type { PipelineDefinition } from '../pipeline.js';
import type { CampusModel } from '../model/campus.js';
import { createPipelineModel, ndjsonWriterFor, userCodeTouches } from '../model/pipeline-model.js';
import { customStagesAt } from '../stages/custom-stage.js';
import { progressStage } from './progress-events.js';
import type { PlanTarget } from '../model/campus-plan.js';
import { indexSource, tableSource } from '../sources/table-source.js';
import { relationsStage } from '../stages/relations.js';
import { isClosedPipe } from '../sinks/stdout-sink.js';
import { ndjsonStreamSink } from '../sinks/ndjson-stream-sink.js';
import { type DirectoryRunHooks } from './run-directory.js';
import { buildConflictPlan, type ConflictPlan, type ConflictSummary } from '../conflicts/plan.js';
import { conflictPlanOf, withConflicts } from '../conflicts/conflict-model.js';
import { withLeanInlining } from './lean-inlining.js';
import { parseRunOptions, type ResolvedRunOptions, type RunOptions } from './run-options.js';

export interface TableSummary {
  name: string;
  rows: number;
  /** The table's sub-directory of the output directory (its chunk files), when writing to a directory. */
  path?: string;
  /** Directory runs: files (all formats) and their bytes on disk. */
  files?: number;
  bytes?: number;
  elapsedMs: number;
}

export interface RunSummary {
  pipeline: string;
  seed: number | string;
  locale: string;
  records: number;
  tables: TableSummary[];
  elapsedMs: number;
  poolsHash: string;
  /** The reader of stdout went away before the end (e.g. `| head`). */
  closedPipe: boolean;
  /** Directory runs: chunks found finished (--resume) and chunks written now. */
  skippedChunks?: number;
  writtenChunks?: number;
  /** Conflicts injected, per type (absent when --conflicts is 0). */
  conflicts?: ConflictSummary;
}

/** The plan target a pipeline's sizing asks for. */
export function planTarget(pipeline: PipelineDefinition, records: number): PlanTarget {
  switch (pipeline.sizing) {
    case 'students':
      return { students: records };
    case 'timetable':
      return { timetableRecords: records };
    default:
      return { records };
  }
}

/**
 * The model of a run. With --conflicts its rows come out with the injection
 * applied and it holds the conflicts table; `conflictPlan` is that plan when
 * already built (a cluster worker gets its primary's), else it is built here.
 */
export function buildModel(pipeline: PipelineDefinition, o: ResolvedRunOptions, conflictPlan?: ConflictPlan): CampusModel {
  const model = createPipelineModel(pipeline, { seed: o.seed32, target: planTarget(pipeline, o.records), locale: o.locale });
  return o.conflicts.rate > 0 ? withConflicts(model, conflictPlan ?? withLeanInlining(() => buildConflictPlan(model.plan, o.conflicts))) : model;
}

/**
 * Runs a pipeline in this process. To stdout (`-`): for each table, source ->
 * relations -> NDJSON -> sink, joined by stream.pipeline so errors and
 * backpressure flow. To a directory: chunked, rotated, compressed files with a
 * journal and a manifest (run-directory.ts).
 */
export async function runPipeline(pipeline: PipelineDefinition, options: RunOptions = {}, hooks: DirectoryRunHooks = {}): Promise<RunSummary> {
  const o = parseRunOptions(pipeline, options);
  const began = performance.now();
  if (o.output === '-') return runToStdout(pipeline, o, began);
  // Directory runs only: the cluster, log (pino) and reports (resvg) load here, not for stdout runs.
  const { runClusteredDirectory } = await import('./cluster-run.js');
  const model = buildModel(pipeline, o);
  const summary = newSummary(pipeline, o, model);
  const r = await runClusteredDirectory(pipeline, o, model, hooks);
  for (const name of o.tables) {
    const t = r.manifest.tables[name]!;
    summary.tables.push({
      name,
      rows: t.rows,
      path: join(o.output, name),
      files: t.files.length,
      bytes: t.files.reduce((s, f) => s + f.bytes, 0),
      elapsedMs: r.manifest.timings.chunkMs[name] ?? 0,
    });
    summary.records += t.rows;
  }
  summary.skippedChunks = r.skippedChunks;
  summary.writtenChunks = r.writtenChunks;
  summary.elapsedMs = performance.now() - began;
  return summary;
}

function newSummary(pipeline: PipelineDefinition, o: ResolvedRunOptions, model: CampusModel): RunSummary {
  const summary: RunSummary = {
    pipeline: pipeline.name,
    seed: o.seed,
    locale: o.locale,
    records: 0,
    tables: [],
    elapsedMs: 0,
    poolsHash: model.poolsHash,
    closedPipe: false,
  };
  const injection = conflictPlanOf(model);
  if (injection) summary.conflicts = injection.summary;
  return summary;
}

/** To stdout: for each table, source -> (relations -> stages ->) NDJSON -> sink. */
async function runToStdout(pipeline: PipelineDefinition, o: ResolvedRunOptions, began: number): Promise<RunSummary> {
  const model = buildModel(pipeline, o);
  const summary = newSummary(pipeline, o, model);
  for (const name of o.tables) {
    const table = model.table(name);
    const t0 = performance.now();
    o.onProgress?.({ kind: 'table-start', table: name, rows: table.rows });
    const tableField = o.tables.length > 1;
    // Lines straight from row indices where nothing reads the rows; else rows through the stages.
    const fromIndex = ndjsonWriterFor(pipeline, table, { tableField });
    const progress = o.onProgress ? [progressStage(name, table.rows, o.onProgress)] : [];
    const sink = ndjsonStreamSink(table.spec, { tableField, trusted: !userCodeTouches(pipeline, name) }, o.stdout, fromIndex);
    try {
      await pipe(
        fromIndex
          ? [indexSource(table, { batchSize: o.batchSize }), ...progress, sink]
          : [
              tableSource(table, { batchSize: o.batchSize }),
              relationsStage(table),
              ...customStagesAt(pipeline, model, name, 'after:relations'),
              ...customStagesAt(pipeline, model, name, 'before:serialize'),
              ...progress,
              sink,
            ],
      );
    } catch (err) {
      if (isClosedPipe(err)) {
        summary.closedPipe = true;
        break;
      }
      throw err;
    }
    summary.tables.push({ name, rows: table.rows, elapsedMs: performance.now() - t0 });
    o.onProgress?.({ kind: 'table-end', table: name, rows: table.rows, elapsedMs: performance.now() - t0 });
    summary.records += table.rows;
  }
  summary.elapsedMs = performance.now() - began;
  return summary;
}

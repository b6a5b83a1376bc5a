import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PipelineDefinition } from '../pipeline.js';
import type { CampusModel } from '../model/campus.js';
import type { ResolvedRunOptions } from './run-options.js';
import { runToDirectory, type ChunkExecutor as DirectoryExecutor, type DirectoryRunHooks, type DirectoryRunResult } from './run-directory.js';
import { runChunk, type ChunkResult } from './run-chunk.js';
import { chunkStem, type ChunkTask } from './chunk-plan.js';
import { createRunLog, type RunLog } from './run-log.js';
import { RunMonitor } from '../monitor/run-monitor.js';
import { writePerformanceReports } from '../monitor/performance-reports.js';
import { MemoryGuard } from './cluster-memory.js';
import { runChunksInline } from './cluster-inline.js';
import { runChunksInCluster } from './cluster-primary.js';
import type { ChunkJob, ClusterEvents } from './cluster-job.js';
import type { ChunkExecutor } from './cluster-protocol.js';
import { workerChunkTask, workerPlanBytes, type WorkerRunConfig } from './cluster-chunk-executor.js';
import { inShard, shardInfo } from './shard.js';
import { megagenVersion } from './version.js';
import { GENERATOR_V8_FLAGS } from './heap-flags.js';
import { loadPresets } from '../api/resolve-pipeline.js';
import { conflictPlanOf } from '../conflicts/conflict-model.js';

const EXECUTOR_MODULE = fileURLToPath(new URL('./cluster-chunk-executor.js', import.meta.url));

/** One process of the run and its peak RSS, as the manifest records it. */
export interface ProcessPeak {
  role: 'primary' | 'worker';
  slot: string;
  pid: number;
  peakRssBytes: number;
}

/** Removes every file a chunk's attempt may have left: its parts, finished or `*.tmp` (a retry rewrites them all). */
export async function removeChunkFiles(root: string, task: ChunkTask): Promise<void> {
  const dir = join(root, task.table);
  const prefix = `${chunkStem(task.table, task.chunk)}-`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => unlink(join(dir, n)).catch(() => {})));
}

/** Serialised bytes of this run's chunks, when every chunk reported them (a resumed run's earlier chunks did not). */
function rawOf(mon: RunMonitor): { rawBytes?: number } {
  const tables = mon.recorder.tables([]);
  return tables.length > 0 && tables.every((t) => t.rawBytes !== undefined) ? { rawBytes: tables.reduce((s, t) => s + t.rawBytes!, 0) } : {};
}

/** True when workers can rebuild this pipeline by name or file (not a library object they cannot see). */
async function workersCanLoad(pipeline: PipelineDefinition): Promise<boolean> {
  return pipeline.file !== undefined || (await loadPresets()).get(pipeline.name) === pipeline;
}

/**
 * A directory run with the cluster (issue 4) around the chunk runner (issue
 * 3): `--workers` processes take chunks from one queue, `--shard` keeps only
 * this machine's chunks, `--memory` bounds the workers, and the run leaves
 * `megagen.log`, `performance_reports/` and each process's peak RSS in the
 * manifest. The journal and manifest stay the chunk runner's, written here
 * in the primary only.
 */
export async function runClusteredDirectory(pipeline: PipelineDefinition, o: ResolvedRunOptions, model: CampusModel, hooks: DirectoryRunHooks = {}): Promise<DirectoryRunResult> {
  // A caller's own executor keeps the chunk runner as it is (no workers, log or reports).
  if (hooks.executor) return runToDirectory(pipeline, o, model, hooks);
  const c = o.cluster;
  const root = o.output;
  let log: RunLog | null = null;
  let monitor: RunMonitor | null = null;
  let events: ClusterEvents = { workerRestarts: 0, chunkRetries: 0 };
  const guard = new MemoryGuard(c.memory, o.batchSize);
  const peaks = new Map<string, ProcessPeak>();
  const selected: ChunkTask[] = [];
  let workers = c.workers;
  const notePeak = (p: ProcessPeak): void => {
    const key = `${p.slot}:${p.pid}`;
    const old = peaks.get(key);
    if (!old || p.peakRssBytes > old.peakRssBytes) peaks.set(key, p);
  };

  const executor: DirectoryExecutor = async (tasks, ctx, done) => {
    // Called once the directory is prepared and the journal open: the log may be created now.
    log = createRunLog(root);
    if (workers > 1 && !(await workersCanLoad(pipeline))) {
      log.warn({ pipeline: pipeline.name }, 'warning: a pipeline object given to the library cannot be loaded by worker processes: running in one process');
      workers = 1;
    }
    if (workers > tasks.length && tasks.length > 0) workers = Math.max(1, tasks.length);
    for (const w of c.warnings) log.warn({}, `warning: ${w}`);
    log.info({ megagen: megagenVersion(), pipeline: pipeline.name, file: pipeline.file, argv: process.argv.slice(2) }, 'start');
    log.info({ seed: o.seed, records: o.records, locale: o.locale, tables: o.tables, out: ctx.config, batchSize: o.batchSize, workers, memory: c.memory, maxRetries: c.maxRetries, shard: c.shard, chunks: tasks.length }, 'config');
    const rowsOf = (t: ChunkTask): number => t.end - t.start;
    monitor = new RunMonitor({
      totalRows: tasks.reduce((s, t) => s + rowsOf(t), 0),
      reporter: c.progress,
      intervalMs: c.sampleMs,
      samplePrimary: workers > 1,
      onUsage: (id, u) => guard.observe(id, u.rssBytes),
    });
    guard.onAction = (action, worker, rss, batchSize) =>
      log!.warn({ worker, rssBytes: rss, shareMb: c.memory.shareMb, batchSize }, action === 'shrink-batch' ? 'memory: batch size lowered' : 'memory: worker recycled');
    const mon = monitor;
    const local: ChunkExecutor<ChunkTask, ChunkResult> = (task, x) =>
      runChunk({ ...ctx, batchSize: x.batchSize, onProgress: (e) => (e.kind === 'rows' ? x.onProgress(e.done - task.start) : ctx.onProgress?.(e)) }, task);
    const plan = conflictPlanOf(model);
    const config: WorkerRunConfig = {
      root,
      pipeline: pipeline.file ?? pipeline.name,
      records: o.records,
      seed: o.seed,
      locale: o.locale,
      tables: [...o.tables],
      out: ctx.config,
      conflicts: { rate: o.conflicts.rate, types: [...o.conflicts.types], difficulty: o.conflicts.difficulty },
      ...(plan && workers > 1 ? { conflictPlan: workerPlanBytes(plan) } : {}),
    };
    const job: ChunkJob<ChunkTask, ChunkResult> = {
      tasks,
      label: (t) => `${t.table}#${t.chunk}`,
      rows: rowsOf,
      executor: { module: EXECUTOR_MODULE, config },
      ...(plan ? { wireTask: (t: ChunkTask) => workerChunkTask(plan, t) } : {}),
      localExecutor: local,
      batchSize: o.batchSize,
      maxRetries: c.maxRetries,
      onDone: async (task, r, info) => {
        await done(r);
        const bytes = r.parts.reduce((s, p) => s + p.bytes, 0);
        mon.recorder.chunk(r.table, r.rows, bytes, r.rawBytes, info.start, info.end);
        notePeak({ role: info.worker === 'main' ? 'primary' : 'worker', slot: info.worker, pid: info.pid, peakRssBytes: info.maxRssBytes });
        log!.info({ table: r.table, chunk: r.chunk, rows: r.rows, parts: r.parts.length, bytes, ms: Math.round(r.elapsedMs), worker: info.worker, workerPid: info.pid, attempt: info.attempt }, 'chunk');
      },
      cleanup: (task) => removeChunkFiles(root, task),
      monitor,
      memory: guard,
      log,
    };
    mon.start();
    try {
      events = workers === 1 ? await runChunksInline(job) : await runChunksInCluster(job, { workers, execArgv: [`--max-old-space-size=${c.memory.heapMb}`, ...GENERATOR_V8_FLAGS] });
    } finally {
      await mon.tick().catch(() => null);
      await mon.stop();
    }
    for (const [slot, peak] of Object.entries(mon.peaks())) {
      // Sampled peaks fill in slots whose exact peak never came back (a worker with no finished chunk).
      const pid = slot === 'primary' ? process.pid : (mon.model.snapshot().workers.find((w) => w.id === slot)?.pid ?? 0);
      if (slot !== 'primary' && !(workers === 1 && slot === 'main')) notePeak({ role: 'worker', slot, pid, peakRssBytes: peak });
    }
  };

  const select = c.shard ? (t: ChunkTask) => inShard(t, c.shard!) && (selected.push(t), true) : undefined;
  const runInfo = (): Record<string, unknown> => {
    notePeak({ role: 'primary', slot: workers > 1 ? 'primary' : 'main', pid: process.pid, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
    return {
      workers,
      memoryMb: c.memory.totalMb,
      events: { ...events, batchShrinks: guard.batchShrinks, recycles: guard.recycles },
      processes: [...peaks.values()].sort((a, b) => (a.role === b.role ? a.slot.localeCompare(b.slot) : a.role === 'primary' ? -1 : 1)),
      ...(c.shard ? { shard: shardInfo(c.shard, selected) } : {}),
    };
  };

  let result: DirectoryRunResult;
  try {
    result = await runToDirectory(pipeline, o, model, { ...hooks, executor, select, runInfo });
  } catch (err) {
    (log as RunLog | null)?.error({ err: (err as Error).message, code: (err as { code?: string }).code }, 'error');
    throw err;
  }
  const m = result.manifest;
  const files = Object.values(m.tables).flatMap((t) => t.files);
  const mon = monitor as RunMonitor | null;
  if (mon) {
    const data = mon.performanceData({
      megagen: m.megagen,
      pipeline: pipeline.name,
      seed: o.seed,
      records: mon.model.total,
      workers,
      tableOrder: o.tables,
      disk: { bytes: files.reduce((s, f) => s + f.bytes, 0), files: files.length, ...(result.skippedChunks === 0 ? rawOf(mon) : {}) },
      events: { ...events, batchShrinks: guard.batchShrinks, recycles: guard.recycles },
    });
    await writePerformanceReports(root, data);
  }
  (log as RunLog | null)?.info({ chunks: result.writtenChunks, skippedChunks: result.skippedChunks, elapsedMs: m.timings.elapsedMs, processes: m.run.processes }, 'summary');
  return result;
}

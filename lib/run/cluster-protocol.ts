/**
 * The messages between the cluster primary and its workers, and the
 * contract of a chunk executor module. Everything here crosses IPC, so it is
 * plain data.
 */

/** What a worker needs to run chunks: a module exporting `createChunkExecutor(config)`, and its config. */
export interface ExecutorSpec {
  /** Absolute path (or file: URL) of an ES module. */
  module: string;
  config: unknown;
}

export interface ChunkContext {
  /** Rows per batch for this chunk (the primary lowers it under memory pressure; it never changes the bytes). */
  batchSize: number;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** Rows of this chunk done so far (cumulative). */
  onProgress(rows: number): void;
}

/** Runs one chunk and returns what the journal needs. Must not depend on any other chunk. */
export type ChunkExecutor<T, R> = (task: T, ctx: ChunkContext) => Promise<R>;

/** The shape of an executor module. */
export interface ExecutorModule<T, R> {
  createChunkExecutor(config: unknown): Promise<ChunkExecutor<T, R>> | ChunkExecutor<T, R>;
}

export type PrimaryMessage =
  | { type: 'init'; executor: ExecutorSpec }
  | { type: 'chunk'; seq: number; label: string; task: unknown; batchSize: number; attempt: number }
  | { type: 'stop' };

export type WorkerMessage =
  /** The worker listens: messages sent before this would be lost while its ES modules load. */
  | { type: 'hello' }
  | { type: 'ready' }
  | { type: 'progress'; seq: number; rows: number }
  /** `maxRssBytes`: the worker's peak RSS so far (process.resourceUsage), exact where sampling is not. */
  | { type: 'done'; seq: number; result: unknown; ms: number; maxRssBytes: number }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'init-failed'; message: string };

/** Least time between two progress messages of a worker, in ms. */
export const PROGRESS_EVERY_MS = 200;

const moduleUrl = (module: string): string => (module.startsWith('file:') ? module : new URL(`file://${module}`).href);

/**
 * Starts loading an executor module before `init` names it: a worker does
 * as it starts (its primary passes the module in MEGAGEN_EXECUTOR), so the
 * module graph loads while the primary is still sending `init`. A failure
 * surfaces in loadExecutor, which imports the same module.
 */
export function preloadExecutor(module: string): void {
  import(moduleUrl(module)).catch(() => {});
}

export async function loadExecutor<T, R>(spec: ExecutorSpec): Promise<ChunkExecutor<T, R>> {
  const mod = (await import(moduleUrl(spec.module))) as ExecutorModule<T, R>;
  if (typeof mod.createChunkExecutor !== 'function') throw new Error(`${spec.module} exports no createChunkExecutor`);
  return mod.createChunkExecutor(spec.config);
}

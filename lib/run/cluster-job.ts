import type { ExecutorSpec, ChunkExecutor, ChunkContext } from './cluster-protocol.js';
import type { RunMonitor } from '../monitor/run-monitor.js';
import type { RunLog } from './run-log.js';
import type { MemoryGuard } from './cluster-memory.js';
import { MegagenError } from '../errors.js';
import { shouldFail, withStall } from './cluster-test-hooks.js';

/** Where and when a chunk ran. Times in seconds since the run began. */
export interface DoneInfo {
  worker: string;
  pid: number;
  attempt: number;
  start: number;
  end: number;
  /** Peak RSS of the process that ran it, up to the chunk's end. */
  maxRssBytes: number;
}

/**
 * A queue of chunks to run, whoever runs them (this process, or cluster
 * workers). The scheduler calls `onDone` in the primary, one call at a time
 * (the journal is appended there and only there).
 */
export interface ChunkJob<T, R> {
  tasks: readonly T[];
  /** `students#3`: for logs, progress and the test hooks. */
  label(task: T): string;
  rows(task: T): number;
  executor: ExecutorSpec;
  /**
   * What an executor loaded from `executor` is handed for a task (default:
   * the task): data it did not get at start, such as the records a
   * conflicts chunk writes. It crosses IPC, so it is plain data.
   */
  wireTask?(task: T): unknown;
  /** For --workers 1: an executor already built in this process (else `executor` is loaded here). */
  localExecutor?: ChunkExecutor<T, R>;
  batchSize: number;
  /** Retries of a failed chunk before the run stops. */
  maxRetries: number;
  onDone(task: T, result: R, info: DoneInfo): Promise<void> | void;
  /** Removes what a failed or killed attempt left behind (its `*.tmp`). Called before the chunk is retried. */
  cleanup(task: T): Promise<void>;
  monitor?: RunMonitor;
  memory?: MemoryGuard;
  log: RunLog;
}

export interface ClusterEvents {
  workerRestarts: number;
  chunkRetries: number;
}

/** Runs one chunk with the test hooks applied (a no-op outside tests). */
export async function runGuarded<T, R>(exec: ChunkExecutor<T, R>, task: T, label: string, ctx: ChunkContext): Promise<R> {
  if (shouldFail(label)) throw new Error(`test hook: chunk ${label} fails (MEGAGEN_TEST_FAIL_CHUNK)`);
  return exec(task, withStall(label, ctx));
}

/** The error that ends a run whose chunk failed on every try; the directory stays resumable. */
export function retriesExhausted(label: string, tries: number, reason: string): MegagenError {
  return new MegagenError('ERR_CHUNK_FAILED', `chunk ${label} failed ${tries} time${tries === 1 ? '' : 's'} (last: ${reason}); the run stopped, finished chunks are kept: fix the cause and rerun with --resume`);
}

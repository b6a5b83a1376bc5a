import { availableParallelism } from 'node:os';
import { invalidOption } from '../errors.js';
import { DEFAULT_MEMORY_MB, planMemory, type MemoryPlan } from './cluster-memory.js';
import type { ProgressReporter } from '../monitor/progress-reporter.js';

export const DEFAULT_MAX_RETRIES = 3;
/** More workers than this many per CPU only queue on the same cores: the count is capped, with a warning. */
export const WORKERS_PER_CPU_CAP = 4;

/** Parallel, memory, retry, shard and monitoring options of a directory run. */
export interface ClusterOptions {
  /** Worker processes (the seed's max_workers). Default: the CPU count. 1 runs in this process. */
  workers?: number;
  /** Memory limit of the whole run in MB (the seed's max_memory_mb). Default 2048. */
  memoryMb?: number;
  /** Retries of a failed chunk before the run stops. Default 3. */
  maxRetries?: number;
  /** `i/N` or { index, count }: write only the chunks k with k mod N == i. */
  shard?: string | { index: number; count: number };
  /** Shows progress (the CLI passes bars or plain lines on stderr). */
  progress?: ProgressReporter;
  /** Sampling interval of progress, CPU and RSS, in ms. Default 500. */
  sampleMs?: number;
}

export interface ResolvedClusterOptions {
  workers: number;
  memory: MemoryPlan;
  maxRetries: number;
  shard: { index: number; count: number } | null;
  progress?: ProgressReporter;
  sampleMs: number;
  /** Things the caller may want to tell the user (a capped worker count). */
  warnings: string[];
}

/** `2/8` -> { index: 2, count: 8 }; refuses `3/3`, `x`, `1/0`. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw invalidOption(`--shard must be i/N with 0 <= i < N, like 0/4 (got "${text}")`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1_000_000 || index >= count)
    throw invalidOption(`--shard ${text}: the index must be from 0 to N-1 and N from 1 to 1000000 (shards of ${count} are numbered 0 to ${Math.max(0, count - 1)})`);
  return { index, count };
}

export function parseClusterOptions(o: ClusterOptions = {}, cpus = availableParallelism()): ResolvedClusterOptions {
  const warnings: string[] = [];
  let workers = o.workers ?? cpus;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1)
    throw invalidOption(`--workers must be an integer of at least 1 (got ${String(o.workers)})`);
  const cap = Math.max(1, cpus * WORKERS_PER_CPU_CAP);
  if (workers > cap) {
    warnings.push(`--workers ${workers} capped at ${cap} (${WORKERS_PER_CPU_CAP} per CPU, ${cpus} CPUs): more would only wait for the same cores`);
    workers = cap;
  }
  const memoryMb = o.memoryMb ?? DEFAULT_MEMORY_MB;
  if (typeof memoryMb !== 'number' || !Number.isInteger(memoryMb) || memoryMb < 1)
    throw invalidOption(`--memory must be a whole number of MB (got ${String(o.memoryMb)})`);
  const maxRetries = o.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (typeof maxRetries !== 'number' || !Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 100)
    throw invalidOption(`--max-retries must be an integer from 0 to 100 (got ${String(o.maxRetries)})`);
  const shard = o.shard === undefined ? null : typeof o.shard === 'string' ? parseShard(o.shard) : parseShard(`${o.shard.index}/${o.shard.count}`);
  // MEGAGEN_SAMPLE_MS: for benchmarks measuring the monitoring overhead (bench:cluster).
  const sampleMs = o.sampleMs ?? (process.env.MEGAGEN_SAMPLE_MS ? Number(process.env.MEGAGEN_SAMPLE_MS) : 500);
  if (!(sampleMs >= 20)) throw invalidOption(`sampleMs must be at least 20 (got ${sampleMs})`);
  return { workers, memory: planMemory(memoryMb, workers), maxRetries, shard, progress: o.progress, sampleMs, warnings };
}

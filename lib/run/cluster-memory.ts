import { invalidOption } from '../errors.js';

/** What the seed promises: 2 GB for the whole run. */
export const DEFAULT_MEMORY_MB = 2048;
/** What one generating process needs (pools, model, a few 1 MB blocks in flight); measured ≈120 MB RSS. */
export const MIN_WORKER_MB = 128;
/** Kept for the primary (queue, journal, sampling) when it forks workers. */
export const PRIMARY_RESERVE_MB = 64;
/** Outside the V8 heap a worker also holds code, zlib and block buffers. */
const NON_HEAP_MB = 64;
/** Batches are never shrunk below this many rows. */
export const MIN_BATCH_SIZE = 250;

export interface MemoryPlan {
  totalMb: number;
  workers: number;
  /** RSS one worker may use. */
  shareMb: number;
  /** V8 old-space limit given to each forked worker. */
  heapMb: number;
}

/** Splits `--memory` between the primary and the workers; refuses a share below what a worker needs. */
export function planMemory(totalMb: number, workers: number): MemoryPlan {
  const forked = workers > 1;
  const reserve = forked ? PRIMARY_RESERVE_MB : 0;
  const shareMb = Math.floor((totalMb - reserve) / workers);
  if (shareMb < MIN_WORKER_MB) {
    const need = reserve + workers * MIN_WORKER_MB;
    throw invalidOption(
      `--memory ${totalMb} MB is too little for ${workers} worker${workers === 1 ? '' : 's'} (${shareMb} MB each; a worker needs ${MIN_WORKER_MB} MB${forked ? ` and the primary ${PRIMARY_RESERVE_MB} MB` : ''}): use --memory ${need} or more, or fewer --workers`,
    );
  }
  return { totalMb, workers, shareMb, heapMb: Math.max(MIN_WORKER_MB - NON_HEAP_MB, shareMb - NON_HEAP_MB) };
}

/**
 * Keeps workers within their share: the primary reports each RSS sample;
 * a worker over its share makes new chunks use smaller batches (the bytes do
 * not change) and is recycled after its current chunk.
 */
export class MemoryGuard {
  readonly plan: MemoryPlan;
  #batchSize: number;
  readonly #recycle = new Set<string>();
  batchShrinks = 0;
  recycles = 0;
  /** Called when the guard acts, for the run log. */
  onAction?: (action: 'shrink-batch' | 'recycle', worker: string, rssBytes: number, batchSize: number) => void;

  constructor(plan: MemoryPlan, batchSize: number) {
    this.plan = plan;
    this.#batchSize = batchSize;
  }

  get batchSize(): number {
    return this.#batchSize;
  }

  observe(worker: string, rssBytes: number): void {
    if (rssBytes <= this.plan.shareMb * 1024 * 1024) return;
    if (this.#recycle.has(worker)) return;
    this.#recycle.add(worker);
    if (this.#batchSize > MIN_BATCH_SIZE) {
      this.#batchSize = Math.max(MIN_BATCH_SIZE, Math.floor(this.#batchSize / 2));
      this.batchShrinks++;
      this.onAction?.('shrink-batch', worker, rssBytes, this.#batchSize);
    }
  }

  /** True once for a worker that went over its share: recycle it now that its chunk is done. */
  takeRecycle(worker: string): boolean {
    if (!this.#recycle.delete(worker)) return false;
    this.recycles++;
    this.onAction?.('recycle', worker, 0, this.#batchSize);
    return true;
  }

  /** A fresh process in this slot starts with a clean record. */
  reset(worker: string): void {
    this.#recycle.delete(worker);
  }
}

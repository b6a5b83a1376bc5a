import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { MegagenError } from '../errors.js';
import type { PrimaryMessage, WorkerMessage } from './cluster-protocol.js';
import { retriesExhausted, type ChunkJob, type ClusterEvents } from './cluster-job.js';

const WORKER_FILE = fileURLToPath(new URL('./cluster-worker.js', import.meta.url));
/** A slot whose worker dies this many times in a row before it is ready ends the run. */
const MAX_START_FAILURES = 3;

export interface ClusterOptions {
  workers: number;
  /** Node flags of each worker (the heap limit from --memory). */
  execArgv?: readonly string[];
}

interface Busy {
  seq: number;
  idx: number;
  attempt: number;
  start: number;
  t0: number;
}

interface Slot {
  id: string;
  worker: Worker;
  pid: number;
  ready: boolean;
  busy: Busy | null;
  recycling: boolean;
  /** The worker said hello: messages reach it from now on. */
  listening: boolean;
  startFailures: number;
  initError?: string;
}

/**
 * The cluster primary: forks `workers` workers and hands the next chunk of
 * the queue to whichever is idle. Workers report progress and results over
 * IPC; `job.onDone` (the journal) runs here, one call at a time. A worker
 * that dies is replaced and its chunk, once its leftovers are removed,
 * re-queued in front; a chunk that fails more than `job.maxRetries` times
 * stops the run (workers killed, their leftovers removed, finished chunks
 * kept for --resume).
 */
export function runChunksInCluster<T, R>(job: ChunkJob<T, R>, o: ClusterOptions): Promise<ClusterEvents> {
  return new ClusterPrimary(job, o).run();
}

class ClusterPrimary<T, R> {
  readonly #job: ChunkJob<T, R>;
  readonly #o: ClusterOptions;
  readonly #events: ClusterEvents = { workerRestarts: 0, chunkRetries: 0 };
  readonly #queue: { idx: number; attempt: number }[];
  readonly #slots = new Map<string, Slot>();
  readonly #live = new Set<Worker>();
  readonly #pending = new Set<Promise<unknown>>();
  #chain: Promise<void> = Promise.resolve();
  #seq = 0;
  #done = 0;
  #state: 'running' | 'stopping' | 'aborting' = 'running';
  #error: unknown = null;
  #resolve!: (e: ClusterEvents) => void;
  #reject!: (err: unknown) => void;

  constructor(job: ChunkJob<T, R>, o: ClusterOptions) {
    this.#job = job;
    this.#o = o;
    // Largest chunks first (stable, so equal ones keep dependency order): the
    // small tables' chunks then fill the end, and the workers finish together
    // instead of one waiting on a last big chunk. Output does not depend on
    // the order chunks finish in.
    const order = job.tasks.map((_, idx) => idx).sort((a, b) => job.rows(job.tasks[b]!) - job.rows(job.tasks[a]!) || a - b);
    this.#queue = order.map((idx) => ({ idx, attempt: 1 }));
  }

  run(): Promise<ClusterEvents> {
    return new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
      if (this.#job.tasks.length === 0) return resolve(this.#events);
      // silent: a worker's stdout and stderr come here (into the log), never onto the terminal or stdout.
      // 'advanced' serialisation (structured clone): typed arrays, such as a conflict plan's columns, cross as bytes.
      cluster.setupPrimary({ exec: WORKER_FILE, args: [], execArgv: [...(this.#o.execArgv ?? [])], silent: true, serialization: 'advanced' });
      const n = Math.min(this.#o.workers, this.#job.tasks.length);
      for (let i = 1; i <= n; i++) this.#fork(`w${i}`);
    });
  }

  #fork(id: string): void {
    // MEGAGEN_WORKERS: how many processes share the cores (part files hash inline when they fill them).
    // MEGAGEN_EXECUTOR: the worker starts loading it at once, before `init` arrives (preloadExecutor).
    const worker = cluster.fork({ MEGAGEN_WORKER: id, MEGAGEN_WORKERS: String(this.#o.workers), MEGAGEN_EXECUTOR: this.#job.executor.module });
    const pid = worker.process.pid ?? 0;
    const old = this.#slots.get(id);
    const slot: Slot = { id, worker, pid, ready: false, busy: null, recycling: false, listening: false, startFailures: old?.startFailures ?? 0 };
    this.#slots.set(id, slot);
    this.#live.add(worker);
    this.#job.memory?.reset(id);
    this.#job.monitor?.workerStarted(id, pid);
    this.#job.log.info({ worker: id, workerPid: pid }, 'worker-start');
    worker.on('message', (m: WorkerMessage) => this.#onMessage(slot, m));
    worker.on('exit', (code, signal) => this.#onExit(slot, worker, code, signal));
    worker.on('error', (err) => this.#job.log.warn({ worker: id, workerPid: pid, err: err.message }, 'warning'));
    worker.process.stdout?.resume();
    worker.process.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.#job.log.warn({ worker: id, workerPid: pid, stderr: text.length > 4000 ? `${text.slice(0, 4000)}…` : text }, 'worker-stderr');
    });
  }

  #send(worker: Worker, m: PrimaryMessage): void {
    if (worker.isConnected()) worker.send(m);
  }

  #onMessage(slot: Slot, m: WorkerMessage): void {
    if (this.#slots.get(slot.id) !== slot) return;
    const mon = this.#job.monitor;
    switch (m.type) {
      case 'hello':
        slot.listening = true;
        // A worker that comes up after the last chunk (a late replacement) is sent home at once.
        this.#send(slot.worker, this.#state === 'running' ? { type: 'init', executor: this.#job.executor } : { type: 'stop' });
        return;
      case 'ready':
        slot.ready = true;
        slot.startFailures = 0;
        this.#dispatch();
        return;
      case 'init-failed':
        slot.initError = m.message;
        return;
      case 'progress':
        if (slot.busy?.seq === m.seq) mon?.model.chunkProgress(slot.id, m.rows);
        return;
      case 'done': {
        const b = slot.busy;
        if (!b || b.seq !== m.seq) return;
        slot.busy = null;
        const task = this.#job.tasks[b.idx]!;
        mon?.model.chunkFinished(slot.id, this.#job.rows(task));
        const info = { worker: slot.id, pid: slot.pid, attempt: b.attempt, start: b.start, end: b.start + m.ms / 1000, maxRssBytes: m.maxRssBytes };
        this.#chain = this.#chain.then(() => {
          if (this.#state !== 'aborting') return this.#job.onDone(task, m.result as R, info);
        });
        this.#chain.catch((err) => this.#abort(err));
        this.#done++;
        if (this.#job.memory?.takeRecycle(slot.id)) {
          this.#job.log.info({ worker: slot.id, workerPid: slot.pid }, 'worker-recycle');
          slot.recycling = true;
          slot.ready = false;
          this.#send(slot.worker, { type: 'stop' });
        }
        this.#dispatch();
        return;
      }
      case 'failed': {
        const b = slot.busy;
        if (!b || b.seq !== m.seq) return;
        slot.busy = null;
        mon?.model.chunkAbandoned(slot.id);
        this.#failed(b, slot, m.message);
        this.#dispatch();
        return;
      }
    }
  }

  #onExit(slot: Slot, worker: Worker, code: number | null, signal: string | null): void {
    this.#live.delete(worker);
    const current = this.#slots.get(slot.id) === slot;
    if (current) this.#job.monitor?.workerExited(slot.id);
    if (current && this.#state === 'running') {
      if (slot.recycling) {
        this.#fork(slot.id);
      } else {
        const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
        this.#job.log.error({ worker: slot.id, workerPid: slot.pid, code, signal, chunk: slot.busy ? this.#label(slot.busy.idx) : null }, 'worker-exit');
        if (slot.busy) {
          const b = slot.busy;
          slot.busy = null;
          this.#failed(b, slot, `worker ${slot.pid} ${how}`);
        }
        if (!slot.ready) slot.startFailures++;
        if (slot.startFailures >= MAX_START_FAILURES) {
          this.#abort(new MegagenError('ERR_INTERNAL', `worker ${slot.id} died ${MAX_START_FAILURES} times before it was ready (last: ${slot.initError ?? how})`));
        } else {
          this.#events.workerRestarts++;
          this.#job.log.warn({ worker: slot.id, oldPid: slot.pid }, 'worker-restart');
          this.#fork(slot.id);
        }
      }
    }
    this.#maybeEnd();
  }

  #label(idx: number): string {
    return this.#job.label(this.#job.tasks[idx]!);
  }

  /** A try of a chunk failed: remove its leftovers, then retry it first, or stop the run. */
  #failed(b: Busy, slot: Slot, reason: string): void {
    const task = this.#job.tasks[b.idx]!;
    const label = this.#label(b.idx);
    this.#job.log.warn({ worker: slot.id, workerPid: slot.pid, chunk: label, attempt: b.attempt, err: reason }, 'chunk-failed');
    this.#track(
      this.#job.cleanup(task).then(() => {
        if (b.attempt > this.#job.maxRetries) return this.#abort(retriesExhausted(label, b.attempt, reason));
        this.#events.chunkRetries++;
        this.#queue.unshift({ idx: b.idx, attempt: b.attempt + 1 });
        this.#dispatch();
      }),
    );
  }

  #track(p: Promise<unknown>): void {
    const q = p.catch((err) => this.#abort(err)).finally(() => {
      this.#pending.delete(q);
      this.#maybeEnd();
    });
    this.#pending.add(q);
  }

  #dispatch(): void {
    if (this.#state !== 'running') return;
    const mon = this.#job.monitor;
    for (const slot of this.#slots.values()) {
      if (this.#queue.length === 0) break;
      if (!slot.ready || slot.busy || slot.recycling) continue;
      const { idx, attempt } = this.#queue.shift()!;
      const task = this.#job.tasks[idx]!;
      const label = this.#job.label(task);
      slot.busy = { seq: ++this.#seq, idx, attempt, start: mon?.seconds() ?? 0, t0: performance.now() };
      mon?.model.chunkStarted(slot.id, label, this.#job.rows(task));
      const batchSize = this.#job.memory?.batchSize ?? this.#job.batchSize;
      this.#send(slot.worker, { type: 'chunk', seq: slot.busy.seq, label, task: this.#job.wireTask ? this.#job.wireTask(task) : task, batchSize, attempt });
    }
    if (this.#done === this.#job.tasks.length && this.#state === 'running') {
      this.#state = 'stopping';
      for (const slot of this.#slots.values()) if (slot.listening) this.#send(slot.worker, { type: 'stop' });
    }
    this.#maybeEnd();
  }

  #abort(err: unknown): void {
    if (this.#state === 'aborting') return;
    this.#state = 'aborting';
    this.#error = err;
    this.#job.log.error({ err: (err as Error).message }, 'error');
    for (const slot of this.#slots.values()) {
      if (slot.busy) {
        const task = this.#job.tasks[slot.busy.idx]!;
        slot.busy = null;
        // The worker is killed first, then its chunk's leftovers are removed.
        const dead = new Promise<void>((r) => (this.#live.has(slot.worker) ? slot.worker.once('exit', () => r()) : r()));
        this.#track(dead.then(() => this.#job.cleanup(task)));
      }
      if (this.#live.has(slot.worker)) slot.worker.process.kill('SIGKILL');
    }
    this.#maybeEnd();
  }

  #maybeEnd(): void {
    if (this.#state === 'running' || this.#live.size > 0 || this.#pending.size > 0) return;
    this.#chain.then(
      () => (this.#state === 'aborting' ? this.#reject(this.#error) : this.#resolve(this.#events)),
      (err) => this.#reject(this.#error ?? err),
    );
  }
}

/**
 * What a run has done so far: rows per worker and in total, the recent rate,
 * the ETA, and each process's RSS and CPU. Pure state, fed by the run
 * (chunk events, worker progress, pidusage samples) and read by the
 * renderers and the recorder; it never prints and never reads a clock it was
 * not given.
 */

export interface WorkerProgress {
  /** `main` in a one-process run, else `w1`, `w2`, … (a replacement keeps its slot's name). */
  readonly id: string;
  pid: number;
  /** `enrollments#3` while a chunk runs, `idle` otherwise. */
  task: string;
  chunkRows: number;
  chunkDone: number;
  /** Rows of the chunks this slot finished. */
  finishedRows: number;
  rssBytes: number;
  /** Percent of one core (pidusage: 0..100 x cores). */
  cpu: number;
  peakRssBytes: number;
}

export interface ProgressSnapshot {
  elapsedSeconds: number;
  done: number;
  total: number;
  percent: number;
  rowsPerSecond: number;
  etaSeconds: number;
  /** RSS of every process together (primary + workers). */
  rssBytes: number;
  cpu: number;
  workers: readonly Readonly<WorkerProgress>[];
}

/** How far back the rate looks, in ms: long enough to be smooth, short enough to follow changes. */
const RATE_WINDOW_MS = 5000;

export class ProgressModel {
  readonly #now: () => number;
  readonly #began: number;
  readonly #workers = new Map<string, WorkerProgress>();
  #total: number;
  #finished = 0;
  #primaryRss = 0;
  #primaryCpu = 0;
  #history: { t: number; done: number }[] = [];

  constructor(totalRows: number, now: () => number = () => performance.now()) {
    this.#total = totalRows;
    this.#now = now;
    this.#began = now();
    this.#history.push({ t: this.#began, done: 0 });
  }

  get total(): number {
    return this.#total;
  }

  /** Rows already on disk before this run started (resume, or another shard's chunks). */
  skip(rows: number): void {
    this.#finished += rows;
    this.#history = [{ t: this.#now(), done: this.done() }];
  }

  workerStarted(id: string, pid: number): void {
    const w = this.#workers.get(id);
    if (w) {
      w.pid = pid;
      w.task = 'idle';
      w.chunkRows = 0;
      w.chunkDone = 0;
      w.rssBytes = 0;
      w.cpu = 0;
      return;
    }
    this.#workers.set(id, { id, pid, task: 'idle', chunkRows: 0, chunkDone: 0, finishedRows: 0, rssBytes: 0, cpu: 0, peakRssBytes: 0 });
  }

  chunkStarted(id: string, label: string, rows: number): void {
    const w = this.#worker(id);
    w.task = label;
    w.chunkRows = rows;
    w.chunkDone = 0;
  }

  /** Rows of the running chunk done so far (cumulative within the chunk). */
  chunkProgress(id: string, rowsInChunk: number): void {
    const w = this.#worker(id);
    w.chunkDone = Math.min(rowsInChunk, w.chunkRows || rowsInChunk);
  }

  chunkFinished(id: string, rows: number): void {
    const w = this.#worker(id);
    w.finishedRows += rows;
    this.#finished += rows;
    w.task = 'idle';
    w.chunkRows = 0;
    w.chunkDone = 0;
  }

  /** The worker died or failed: its partial rows no longer count. */
  chunkAbandoned(id: string): void {
    const w = this.#workers.get(id);
    if (!w) return;
    w.task = 'idle';
    w.chunkRows = 0;
    w.chunkDone = 0;
  }

  usage(id: string, rssBytes: number, cpu: number): void {
    const w = this.#worker(id);
    w.rssBytes = rssBytes;
    w.cpu = cpu;
    if (rssBytes > w.peakRssBytes) w.peakRssBytes = rssBytes;
  }

  primaryUsage(rssBytes: number, cpu: number): void {
    this.#primaryRss = rssBytes;
    this.#primaryCpu = cpu;
  }

  done(): number {
    let d = this.#finished;
    for (const w of this.#workers.values()) d += w.chunkDone;
    return d;
  }

  snapshot(): ProgressSnapshot {
    const t = this.#now();
    const done = this.done();
    this.#history.push({ t, done });
    while (this.#history.length > 2 && t - this.#history[1]!.t >= RATE_WINDOW_MS) this.#history.shift();
    const first = this.#history[0]!;
    const span = (t - first.t) / 1000;
    const rowsPerSecond = span > 0 ? Math.max(0, done - first.done) / span : 0;
    const left = Math.max(0, this.#total - done);
    let rss = this.#primaryRss;
    let cpu = this.#primaryCpu;
    for (const w of this.#workers.values()) {
      rss += w.rssBytes;
      cpu += w.cpu;
    }
    return {
      elapsedSeconds: (t - this.#began) / 1000,
      done,
      total: this.#total,
      percent: this.#total > 0 ? (100 * done) / this.#total : 100,
      rowsPerSecond,
      etaSeconds: left === 0 ? 0 : rowsPerSecond > 0 ? left / rowsPerSecond : NaN,
      rssBytes: rss,
      cpu,
      workers: [...this.#workers.values()].map((w) => ({ ...w })),
    };
  }

  #worker(id: string): WorkerProgress {
    let w = this.#workers.get(id);
    if (!w) {
      this.workerStarted(id, 0);
      w = this.#workers.get(id)!;
    }
    return w;
  }
}

import { ProgressModel, type ProgressSnapshot } from './progress-model.js';
import type { ProgressReporter } from './progress-reporter.js';
import { PidSampler, type PidUsage } from './pid-sampler.js';
import { TimeSeriesRecorder } from './time-series.js';
import type { PerformanceData } from './performance-data.js';

export interface RunMonitorOptions {
  totalRows: number;
  /** Where progress goes; none when not monitoring. */
  reporter?: ProgressReporter;
  /** Sampling and redraw interval in ms. Default 500. */
  intervalMs?: number;
  /** Sample this process as the primary (a cluster run). In a one-process run the worker `main` is this process. */
  samplePrimary?: boolean;
  /** Told of every worker sample (the memory guard listens). */
  onUsage?: (worker: string, usage: PidUsage) => void;
  now?: () => number;
}

export interface RunMeta {
  megagen: string;
  pipeline: string;
  seed: number | string;
  records: number;
  workers: number;
  tableOrder: readonly string[];
  disk: PerformanceData['disk'];
  events: PerformanceData['events'];
}

/**
 * Ties the run to its monitoring: progress model, pidusage sampler, time
 * series and the progress reporter, driven by one timer. The run calls the
 * event methods; the timer samples, records and redraws.
 */
export class RunMonitor {
  readonly model: ProgressModel;
  readonly recorder = new TimeSeriesRecorder();
  readonly #sampler = new PidSampler();
  readonly #o: RunMonitorOptions;
  readonly #now: () => number;
  readonly #began: number;
  readonly #startedAt = new Date();
  readonly #pidOf = new Map<string, number>();
  #timer: NodeJS.Timeout | null = null;
  #sampling = false;
  #stopped = false;

  constructor(o: RunMonitorOptions) {
    this.#o = o;
    this.#now = o.now ?? (() => performance.now());
    this.#began = this.#now();
    this.model = new ProgressModel(o.totalRows, this.#now);
    if (o.samplePrimary) this.#sampler.add(process.pid);
  }

  /** Seconds since the run started. */
  seconds(): number {
    return (this.#now() - this.#began) / 1000;
  }

  start(): void {
    const every = this.#o.intervalMs ?? 500;
    this.#timer = setInterval(() => void this.tick(), every);
    this.#timer.unref();
  }

  workerStarted(id: string, pid: number): void {
    const old = this.#pidOf.get(id);
    if (old !== undefined && old !== process.pid) this.#sampler.remove(old);
    this.#pidOf.set(id, pid);
    this.#sampler.add(pid);
    this.model.workerStarted(id, pid);
  }

  workerExited(id: string): void {
    const pid = this.#pidOf.get(id);
    if (pid !== undefined && pid !== process.pid) this.#sampler.remove(pid);
    this.model.chunkAbandoned(id);
  }

  /** One sample of every process, recorded and shown. Called by the timer; callable directly (tests, the last sample). */
  async tick(): Promise<ProgressSnapshot | null> {
    if (this.#sampling || this.#stopped) return null;
    this.#sampling = true;
    try {
      const usage = await this.#sampler.sample();
      const t = this.seconds();
      if (this.#o.samplePrimary) {
        const u = usage.get(process.pid);
        if (u) {
          this.model.primaryUsage(u.rssBytes, u.cpu);
          this.recorder.samplePrimary(process.pid, t, u.rssBytes, u.cpu);
        }
      }
      for (const [id, pid] of this.#pidOf) {
        const u = usage.get(pid);
        if (!u) continue;
        this.model.usage(id, u.rssBytes, u.cpu);
        this.#o.onUsage?.(id, u);
      }
      const snap = this.model.snapshot();
      for (const w of snap.workers) {
        if (!usage.has(w.pid)) continue;
        this.recorder.sample(w.id, w.pid, t, w.finishedRows + w.chunkDone, w.rssBytes, w.cpu);
      }
      if (!this.#stopped) this.#o.reporter?.update(snap);
      return snap;
    } finally {
      this.#sampling = false;
    }
  }

  /** Stops the timer, shows the last progress and clears pidusage. */
  async stop(): Promise<ProgressSnapshot> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    while (this.#sampling) await new Promise((r) => setTimeout(r, 5));
    const snap = this.model.snapshot();
    if (!this.#stopped) this.#o.reporter?.stop(snap);
    this.#stopped = true;
    this.#sampler.close();
    return snap;
  }

  /** Peak RSS of each process seen so far, by slot (`primary`, `main`, `w1`, …). */
  peaks(): Record<string, number> {
    return this.recorder.peaks();
  }

  performanceData(meta: RunMeta): PerformanceData {
    const elapsed = this.seconds();
    return {
      format: 'megagen-performance',
      version: 1,
      megagen: meta.megagen,
      pipeline: meta.pipeline,
      seed: meta.seed,
      startedAt: this.#startedAt.toISOString(),
      elapsedSeconds: Math.round(elapsed * 1000) / 1000,
      workers: meta.workers,
      intervalMs: this.#o.intervalMs ?? 500,
      records: meta.records,
      rowsPerSecond: elapsed > 0 ? Math.round(meta.records / elapsed) : 0,
      primary: this.recorder.primary,
      series: this.recorder.series(),
      tables: this.recorder.tables(meta.tableOrder),
      disk: meta.disk,
      events: meta.events,
    };
  }
}

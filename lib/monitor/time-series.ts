import type { SeriesPoint, TablePerformance, WorkerSeries } from './performance-data.js';

/** Series longer than this are halved (pairs averaged), so a day-long run stays small. */
export const MAX_POINTS = 1200;

/**
 * Records per-worker samples (rows/s from cumulative row counts, RSS, CPU)
 * and per-table chunk totals. Pure: the caller gives the times.
 */
export class TimeSeriesRecorder {
  readonly #series = new Map<string, WorkerSeries & { lastT: number; lastRows: number }>();
  readonly #tables = new Map<string, TablePerformance>();
  readonly primary: WorkerSeries = { worker: 'primary', pids: [], rows: 0, peakRssBytes: 0, points: [] };

  /** A sample of one worker slot: `rows` is its cumulative row count (finished chunks + the running one). */
  sample(worker: string, pid: number, t: number, rows: number, rssBytes: number, cpu: number): void {
    let s = this.#series.get(worker);
    if (!s) {
      s = { worker, pids: [], rows: 0, peakRssBytes: 0, points: [], lastT: 0, lastRows: 0 };
      this.#series.set(worker, s);
    }
    if (!s.pids.includes(pid)) s.pids.push(pid);
    const dt = t - s.lastT;
    const rate = dt > 0 ? Math.max(0, rows - s.lastRows) / dt : 0;
    s.lastT = t;
    s.lastRows = rows;
    s.rows = Math.max(s.rows, rows);
    if (rssBytes > s.peakRssBytes) s.peakRssBytes = rssBytes;
    push(s.points, { t: round3(t), rowsPerSecond: Math.round(rate), rssBytes, cpu: round1(cpu) });
  }

  samplePrimary(pid: number, t: number, rssBytes: number, cpu: number): void {
    if (!this.primary.pids.includes(pid)) this.primary.pids.push(pid);
    if (rssBytes > this.primary.peakRssBytes) this.primary.peakRssBytes = rssBytes;
    push(this.primary.points, { t: round3(t), rowsPerSecond: 0, rssBytes, cpu: round1(cpu) });
  }

  /** A finished chunk; times in seconds since the run started. */
  chunk(table: string, rows: number, bytes: number, rawBytes: number | undefined, start: number, end: number): void {
    let p = this.#tables.get(table);
    if (!p) {
      p = { name: table, rows: 0, chunks: 0, bytes: 0, workSeconds: 0, firstStart: start, lastEnd: end };
      this.#tables.set(table, p);
    }
    p.rows += rows;
    p.chunks += 1;
    p.bytes += bytes;
    if (rawBytes !== undefined) p.rawBytes = (p.rawBytes ?? 0) + rawBytes;
    p.workSeconds = round3(p.workSeconds + (end - start));
    p.firstStart = round3(Math.min(p.firstStart, start));
    p.lastEnd = round3(Math.max(p.lastEnd, end));
  }

  /** Worker peaks so far, by slot. */
  peaks(): Record<string, number> {
    const out: Record<string, number> = { primary: this.primary.peakRssBytes };
    for (const s of this.#series.values()) out[s.worker] = s.peakRssBytes;
    return out;
  }

  series(): WorkerSeries[] {
    return [...this.#series.values()].map(({ worker, pids, rows, peakRssBytes, points }) => ({ worker, pids, rows, peakRssBytes, points }));
  }

  /** Tables in the order given (dependency order), those with no chunk left out. */
  tables(order: readonly string[]): TablePerformance[] {
    const known = order.filter((t) => this.#tables.has(t)).map((t) => this.#tables.get(t)!);
    const rest = [...this.#tables.values()].filter((t) => !order.includes(t.name));
    return [...known, ...rest];
  }
}

function push(points: SeriesPoint[], p: SeriesPoint): void {
  points.push(p);
  if (points.length < 2 * MAX_POINTS) return;
  const halved: SeriesPoint[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const a = points[i]!;
    const b = points[i + 1]!;
    halved.push({ t: b.t, rowsPerSecond: Math.round((a.rowsPerSecond + b.rowsPerSecond) / 2), rssBytes: Math.max(a.rssBytes, b.rssBytes), cpu: round1((a.cpu + b.cpu) / 2) });
  }
  if (points.length % 2 === 1) halved.push(points[points.length - 1]!);
  points.length = 0;
  points.push(...halved);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

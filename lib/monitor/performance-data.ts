import { readFile } from 'node:fs/promises';
import { MegagenError } from '../errors.js';

/** One sample of one process. `t` is seconds since the run started. */
export interface SeriesPoint {
  t: number;
  rowsPerSecond: number;
  rssBytes: number;
  /** Percent of one core. */
  cpu: number;
}

/** The samples of one worker slot (`main`, `w1`, …; a replacement worker continues its slot), or of the primary. */
export interface WorkerSeries {
  worker: string;
  /** Every pid that held the slot (more than one after a restart). */
  pids: number[];
  rows: number;
  peakRssBytes: number;
  points: SeriesPoint[];
}

export interface TablePerformance {
  name: string;
  rows: number;
  chunks: number;
  /** Bytes on disk. */
  bytes: number;
  /** Serialised bytes before compression, when known. */
  rawBytes?: number;
  /** Sum of the chunks' durations (worker-seconds). */
  workSeconds: number;
  /** First chunk start and last chunk end, seconds since the run started. */
  firstStart: number;
  lastEnd: number;
}

/** `performance_reports/performance_data.json`: everything the report and the charts are drawn from. */
export interface PerformanceData {
  format: 'megagen-performance';
  version: 1;
  megagen: string;
  pipeline: string;
  seed: number | string;
  startedAt: string;
  elapsedSeconds: number;
  workers: number;
  intervalMs: number;
  records: number;
  rowsPerSecond: number;
  primary: WorkerSeries;
  series: WorkerSeries[];
  tables: TablePerformance[];
  disk: { bytes: number; rawBytes?: number; files: number };
  /** Restarts of dead workers, warnings, memory actions — counts only. */
  events: { workerRestarts: number; chunkRetries: number; batchShrinks: number; recycles: number };
}

export async function readPerformanceData(path: string): Promise<PerformanceData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new MegagenError('ERR_OUTPUT', `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  let data: PerformanceData;
  try {
    data = JSON.parse(text) as PerformanceData;
  } catch (err) {
    throw new MegagenError('ERR_OUTPUT', `${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  if (data?.format !== 'megagen-performance' || data.version !== 1 || !Array.isArray(data.series) || !Array.isArray(data.tables))
    throw new MegagenError('ERR_OUTPUT', `${path} is not megagen performance data (format "megagen-performance" version 1)`);
  return data;
}

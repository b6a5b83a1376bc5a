import type { PerformanceData, WorkerSeries } from './performance-data.js';
import { humanBytes } from './format.js';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

function meanCpu(s: WorkerSeries): number {
  if (s.points.length === 0) return 0;
  return s.points.reduce((a, p) => a + p.cpu, 0) / s.points.length;
}

/** `performance_report.txt`: throughput, peak memory, CPU, disk used, compression ratio, time per table. */
export function performanceReportText(d: PerformanceData): string {
  const lines: string[] = [];
  const row = (k: string, v: string): void => void lines.push(`${k.padEnd(18)}${v}`);
  lines.push('megagen performance report', '==========================', '');
  row('pipeline', `${d.pipeline} (seed ${JSON.stringify(d.seed)}, megagen ${d.megagen})`);
  row('started', d.startedAt);
  row('elapsed', `${d.elapsedSeconds.toFixed(2)} s`);
  row('workers', String(d.workers));
  row('records', n(d.records));
  row('throughput', `${n(d.rowsPerSecond)} records/s overall`);
  const peaks = [d.primary, ...d.series];
  const sumPeaks = peaks.reduce((a, s) => a + s.peakRssBytes, 0);
  row('peak memory', `${peaks.map((s) => `${s.worker} ${humanBytes(s.peakRssBytes)}`).join(', ')}`);
  row('', `sum of peaks ${humanBytes(sumPeaks)}, highest process ${humanBytes(Math.max(0, ...peaks.map((s) => s.peakRssBytes)))}`);
  const cpu = d.series.reduce((a, s) => a + meanCpu(s), 0);
  row('mean CPU', `${cpu.toFixed(0)}% of one core over the workers (${d.series.map((s) => `${s.worker} ${meanCpu(s).toFixed(0)}%`).join(', ') || 'no samples'}), primary ${meanCpu(d.primary).toFixed(0)}%`);
  row('disk used', `${humanBytes(d.disk.bytes)} in ${d.disk.files} file${d.disk.files === 1 ? '' : 's'}`);
  if (d.disk.rawBytes !== undefined && d.disk.bytes > 0) {
    const saved = 100 * (1 - d.disk.bytes / d.disk.rawBytes);
    row('compression', `${(d.disk.rawBytes / d.disk.bytes).toFixed(2)}x (${humanBytes(d.disk.rawBytes)} serialised -> ${humanBytes(d.disk.bytes)} on disk, ${saved.toFixed(1)}% saved)`);
  } else {
    row('compression', 'n/a (serialised size not recorded)');
  }
  const e = d.events;
  row('events', `${e.workerRestarts} worker restarts, ${e.chunkRetries} chunk retries, ${e.batchShrinks} batch-size reductions, ${e.recycles} worker recycles`);
  lines.push('', 'per table');
  const head = ['table', 'rows', 'chunks', 'work s', 'wall s', 'rows/s', 'disk', 'ratio'];
  const rows = d.tables.map((t) => {
    const wall = Math.max(0, t.lastEnd - t.firstStart);
    return [
      t.name,
      n(t.rows),
      String(t.chunks),
      t.workSeconds.toFixed(2),
      wall.toFixed(2),
      t.workSeconds > 0 ? n(t.rows / t.workSeconds) : '-',
      humanBytes(t.bytes),
      t.rawBytes !== undefined && t.bytes > 0 ? `${(t.rawBytes / t.bytes).toFixed(2)}x` : '-',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt));
  lines.push('', 'work s = sum of chunk durations (worker-seconds); wall s = first chunk start to last chunk end; rows/s = rows / work s (per worker).');
  return `${lines.join('\n')}\n`;
}

import type { ProgressEvent } from '../lib/index.js';

/** `--monitor` on main today: one plain line per finished table on stderr (rows, seconds, rows/s). */
export function progressPrinter(stderr: NodeJS.WritableStream): (e: ProgressEvent) => void {
  return (e) => {
    if (e.kind !== 'table-end') return;
    const s = e.elapsedMs / 1000;
    stderr.write(`progress ${e.table} ${e.rows.toLocaleString('en-US')} rows ${s.toFixed(2)} s ${Math.round(e.rows / Math.max(s, 1e-6)).toLocaleString('en-US')} rows/s\n`);
  };
}

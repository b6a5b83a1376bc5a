/**
 * Human units for progress lines and reports, and the parser of the plain
 * progress line (`progress 41% 3.2M/7.8M rows 1.1M rows/s eta 4s rss 180MB`)
 * that tests and log scrapers use.
 */

const UNITS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** 950 -> "950", 12_345 -> "12.3k", 3_210_000 -> "3.2M" (3 significant digits at most). */
export function humanCount(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const abs = Math.abs(n);
  for (const [size, unit] of UNITS) {
    if (abs >= size) {
      const v = n / size;
      return `${Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1)}${unit}`;
    }
  }
  return Math.round(n).toString();
}

const UNIT_FACTOR: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Inverse of humanCount (approximately: it keeps what the text kept). */
export function parseHumanCount(text: string): number {
  const m = /^(-?\d+(?:\.\d+)?)([kMGT]?)$/.exec(text);
  if (!m) throw new Error(`not a count: "${text}"`);
  return Number(m[1]) * UNIT_FACTOR[m[2]!]!;
}

/** Seconds as `4s`, `1m05s`, `2h03m`; `?` when unknown. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Inverse of humanDuration; NaN for `?`. */
export function parseHumanDuration(text: string): number {
  if (text === '?') return NaN;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text.length === 0) throw new Error(`not a duration: "${text}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export const MIB = 1024 * 1024;

/** Bytes as whole MiB, written `180MB` like the seed's reports. */
export function humanMegabytes(bytes: number): string {
  return `${Math.round(bytes / MIB)}MB`;
}

/** Bytes with a binary unit: `512 B`, `3.4 MiB`, `1.20 GiB`. */
export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
}

/** What one plain progress line says. */
export interface ProgressLine {
  percent: number;
  done: number;
  total: number;
  rowsPerSecond: number;
  /** Seconds left; NaN when unknown. */
  etaSeconds: number;
  rssBytes: number;
}

/** `progress 41% 3.2M/7.8M rows 1.1M rows/s eta 4s rss 180MB` */
export function formatProgressLine(p: ProgressLine): string {
  return (
    `progress ${Math.floor(p.percent)}% ${humanCount(p.done)}/${humanCount(p.total)} rows ` +
    `${humanCount(p.rowsPerSecond)} rows/s eta ${humanDuration(p.etaSeconds)} rss ${humanMegabytes(p.rssBytes)}`
  );
}

const LINE = /^progress (\d+)% (\S+)\/(\S+) rows (\S+) rows\/s eta (\S+) rss (\d+)MB$/;

/** Parses a line formatProgressLine wrote; null for any other line. Counts come back rounded as printed. */
export function parseProgressLine(line: string): ProgressLine | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  try {
    return {
      percent: Number(m[1]),
      done: parseHumanCount(m[2]!),
      total: parseHumanCount(m[3]!),
      rowsPerSecond: parseHumanCount(m[4]!),
      etaSeconds: parseHumanDuration(m[5]!),
      rssBytes: Number(m[6]) * MIB,
    };
  } catch {
    return null;
  }
}

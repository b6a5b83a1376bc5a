import { Resvg } from '@resvg/resvg-js';
import type { PerformanceData, SeriesPoint, WorkerSeries } from './performance-data.js';
import { humanCount } from './format.js';

/** Size of `performance_charts.png`, in pixels. */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 960;

const FONT = 'DejaVu Sans';
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
const LEFT = 100;
const RIGHT = 40;
const TOP = 100;
const PANEL_H = 230;
const GAP = 60;

interface Panel {
  title: string;
  unit: string;
  value: (p: SeriesPoint) => number;
  tick: (v: number) => string;
}

const PANELS: Panel[] = [
  { title: 'Throughput per worker', unit: 'rows/s', value: (p) => p.rowsPerSecond, tick: humanCount },
  { title: 'Resident memory (RSS) per process', unit: 'MiB', value: (p) => p.rssBytes / (1024 * 1024), tick: (v) => String(Math.round(v)) },
  { title: 'CPU per process', unit: '% of one core', value: (p) => p.cpu, tick: (v) => String(Math.round(v)) },
];

/** Steps of 1, 2 or 5 x 10^k covering [0, max] in about `n` ticks. */
export function niceTicks(max: number, n = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" ${attrs}>${esc(s)}</text>`;
}

/** The charts as an SVG document: throughput, RSS and CPU over time, one line per worker (and the primary for RSS/CPU). */
export function performanceSvg(data: PerformanceData): string {
  const W = CHART_WIDTH;
  const plotW = W - LEFT - RIGHT;
  const workers: WorkerSeries[] = data.series;
  const all = [...workers, data.primary];
  const tMax = Math.max(1e-3, data.elapsedSeconds, ...all.flatMap((s) => s.points.map((p) => p.t)));
  const xTicks = niceTicks(tMax, 8);
  const xMax = xTicks[xTicks.length - 1]!;
  const xOf = (t: number): number => LEFT + (t / xMax) * plotW;
  const color = (i: number): string => COLORS[i % COLORS.length]!;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${CHART_HEIGHT}" viewBox="0 0 ${W} ${CHART_HEIGHT}">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  const title = `megagen ${data.pipeline}: ${data.records.toLocaleString('en-US')} records in ${data.elapsedSeconds.toFixed(1)} s, ` +
    `${Math.round(data.rowsPerSecond).toLocaleString('en-US')} records/s, ${data.workers} worker${data.workers === 1 ? '' : 's'}`;
  out.push(text(W / 2, 34, title, 'font-size="20" font-weight="bold" text-anchor="middle" fill="#222"'));
  // Legend: one entry per worker slot, plus the primary (drawn dashed).
  let lx = LEFT;
  const legend = [...workers.map((s, i) => ({ name: s.worker, color: color(i), dash: false })), { name: 'primary', color: '#555555', dash: true }];
  for (const e of legend) {
    out.push(`<line x1="${lx}" y1="62" x2="${lx + 28}" y2="62" stroke="${e.color}" stroke-width="3"${e.dash ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(text(lx + 34, 67, e.name, 'font-size="14" fill="#222"'));
    lx += 44 + e.name.length * 9 + 20;
  }
  PANELS.forEach((panel, k) => {
    const top = TOP + k * (PANEL_H + GAP);
    const bottom = top + PANEL_H;
    const series = k === 0 ? workers : all;
    const yMaxRaw = Math.max(0, ...series.flatMap((s) => s.points.map(panel.value)));
    const yTicks = niceTicks(yMaxRaw, 5);
    const yMax = yTicks[yTicks.length - 1]!;
    const yOf = (v: number): number => bottom - (v / yMax) * PANEL_H;
    out.push(text(LEFT, top - 10, `${panel.title} (${panel.unit})`, 'font-size="16" font-weight="bold" fill="#222"'));
    for (const v of yTicks) {
      const y = yOf(v);
      out.push(`<line x1="${LEFT}" y1="${y.toFixed(1)}" x2="${W - RIGHT}" y2="${y.toFixed(1)}" stroke="#e3e3e3" stroke-width="1"/>`);
      out.push(text(LEFT - 8, y + 5, panel.tick(v), 'font-size="13" text-anchor="end" fill="#333"'));
    }
    for (const t of xTicks) {
      const x = xOf(t);
      out.push(`<line x1="${x.toFixed(1)}" y1="${top}" x2="${x.toFixed(1)}" y2="${bottom}" stroke="#f0f0f0" stroke-width="1"/>`);
      out.push(text(x, bottom + 18, `${+t.toFixed(2)}`, 'font-size="13" text-anchor="middle" fill="#333"'));
    }
    out.push(`<rect x="${LEFT}" y="${top}" width="${plotW}" height="${PANEL_H}" fill="none" stroke="#888" stroke-width="1"/>`);
    out.push(text(LEFT - 70, (top + bottom) / 2, panel.unit, `font-size="13" fill="#333" text-anchor="middle" transform="rotate(-90 ${LEFT - 70} ${(top + bottom) / 2})"`));
    if (series.every((s) => s.points.length === 0)) {
      out.push(text(LEFT + plotW / 2, (top + bottom) / 2, 'no samples (run shorter than one sampling interval)', 'font-size="14" text-anchor="middle" fill="#888"'));
    }
    series.forEach((s, i) => {
      if (s.points.length === 0) return;
      const isPrimary = s === data.primary;
      const pts = s.points.map((p) => `${xOf(p.t).toFixed(1)},${yOf(panel.value(p)).toFixed(1)}`).join(' ');
      const stroke = isPrimary ? '#555555' : color(i);
      if (s.points.length === 1) {
        const [x, y] = pts.split(',');
        out.push(`<circle cx="${x}" cy="${y}" r="3" fill="${stroke}"/>`);
      } else {
        out.push(`<polyline points="${pts}" fill="none" stroke="${stroke}" stroke-width="2"${isPrimary ? ' stroke-dasharray="6 4"' : ''}/>`);
      }
    });
  });
  const lastBottom = TOP + 2 * (PANEL_H + GAP) + PANEL_H;
  out.push(text(LEFT + plotW / 2, lastBottom + 42, 'time since start (s)', 'font-size="14" text-anchor="middle" fill="#222"'));
  out.push('</svg>');
  return out.join('\n');
}

/** Renders the SVG to PNG with system fonts (resvg drops text without them). */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: FONT }, fitTo: { mode: 'original' } });
  return Buffer.from(resvg.render().asPng());
}

import cliProgress from 'cli-progress';
import { formatProgressLine, humanCount, humanDuration, humanMegabytes } from './format.js';
import type { ProgressSnapshot } from './progress-model.js';

/** Shows progress snapshots somewhere; `stop` shows the last one and releases the stream. */
export interface ProgressReporter {
  update(s: ProgressSnapshot): void;
  stop(s: ProgressSnapshot): void;
}

export interface ProgressReporterOptions {
  /** Bars when true (a terminal), plain lines otherwise. Default: the stream's isTTY. */
  tty?: boolean;
  /** Least time between two plain lines, in ms. Default 2000. */
  lineEveryMs?: number;
}

/** Bars on a terminal, plain parseable lines anywhere else (cli-progress prints garbage on a non-TTY). */
export function createProgressReporter(stream: NodeJS.WritableStream, o: ProgressReporterOptions = {}): ProgressReporter {
  const tty = o.tty ?? Boolean((stream as { isTTY?: boolean }).isTTY);
  return tty ? progressBars(stream) : progressLines(stream, o.lineEveryMs ?? 2000);
}

/** `progress 41% 3.2M/7.8M rows 1.1M rows/s eta 4s rss 180MB`, at most one per interval, and a last one at stop. */
export function progressLines(stream: NodeJS.WritableStream, everyMs: number): ProgressReporter {
  let last = -Infinity;
  const line = (s: ProgressSnapshot): string =>
    `${formatProgressLine({ percent: s.percent, done: s.done, total: s.total, rowsPerSecond: s.rowsPerSecond, etaSeconds: s.etaSeconds, rssBytes: s.rssBytes })}\n`;
  return {
    update(s) {
      const t = s.elapsedSeconds * 1000;
      if (t - last < everyMs) return;
      last = t;
      stream.write(line(s));
    },
    stop(s) {
      stream.write(line(s));
    },
  };
}

/** One bar per worker (its current chunk) and a total bar, with rate, ETA, RSS and CPU. */
export function progressBars(stream: NodeJS.WritableStream): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: '{name} {bar} {pct} {count} rows/s {rate} eta {left} rss {rss} cpu {cpu}',
      barsize: 14,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      fps: 5,
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const total = multi.create(1, 0, { name: 'total', pct: '', count: '', rate: '', left: '', rss: '', cpu: '' });
  // Worker bars: their chunk, memory and CPU (rate and ETA are the total's).
  const workerFormat = { format: '{name} {bar} {pct} {count} rss {rss} cpu {cpu}' };
  const pct = (done: number, of: number): string => `${of > 0 ? Math.floor((100 * done) / of) : 100}%`.padStart(4);
  const draw = (s: ProgressSnapshot): void => {
    for (const w of s.workers) {
      let bar = bars.get(w.id);
      if (!bar) {
        bar = multi.create(1, 0, { name: w.id, pct: '', count: '', rate: '', left: '', rss: '', cpu: '' }, workerFormat);
        bars.set(w.id, bar);
      }
      const of = Math.max(1, w.chunkRows);
      bar.setTotal(of);
      bar.update(w.chunkDone, {
        name: `${w.id} ${w.task}`.slice(0, 18).padEnd(18),
        pct: pct(w.chunkDone, w.chunkRows),
        count: `${humanCount(w.chunkDone)}/${humanCount(w.chunkRows)}`.padStart(11),
        rate: '',
        left: '',
        rss: humanMegabytes(w.rssBytes).padStart(5),
        cpu: `${Math.round(w.cpu)}%`.padStart(4),
      });
    }
    total.setTotal(Math.max(1, s.total));
    total.update(s.done, {
      name: 'total'.padEnd(18),
      pct: pct(s.done, s.total),
      count: `${humanCount(s.done)}/${humanCount(s.total)}`.padStart(11),
      rate: humanCount(s.rowsPerSecond).padStart(5),
      left: humanDuration(s.etaSeconds),
      rss: humanMegabytes(s.rssBytes).padStart(5),
      cpu: `${Math.round(s.cpu)}%`.padStart(4),
    });
  };
  return {
    update: draw,
    stop(s) {
      draw(s);
      multi.stop();
    },
  };
}

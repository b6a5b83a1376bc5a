/**
 * `npm run bench:cluster [-- --records N --runs R]`: the cluster run of
 * issue 4, the built CLI in fresh processes writing into a temp directory.
 *
 *   A  campus, uncompressed NDJSON files, --workers 1   (target: B >= 1.8 x A)
 *   B  campus, uncompressed NDJSON files, --workers 2
 *   C  campus, gzip (default level), --workers 2       (target: >= 1,100,000 records/s)
 *   D  as C with --monitor and sampling every 500 ms;  C samples every 60 s
 *      (MEGAGEN_SAMPLE_MS): the monitoring overhead is 1 - D/C (target <= 3%)
 *
 * Each of --runs rounds runs A, B, C and D once in turn; B/A and D/C are the
 * medians of the ratios within a round (paired), the rest medians per scenario.
 *
 * Records/s counts every row written over the whole command's wall time
 * (process start, worker forks and the performance report included). Mean CPU
 * is the pidusage samples of performance_data.json (D: every process, summed,
 * over the cores); A-C sample every 60 s, so theirs is not printed. Cores
 * used is exact: user + system CPU-seconds of the command and its workers
 * over its wall time (GNU time, when /usr/bin/time exists). Peak RSS per process comes from the manifest
 * (process.resourceUsage().maxRSS of each worker and of the primary).
 *
 * Machine: 2 cores, Node 20.20.2, Linux, 2026-11-27 21:37Z, otherwise idle,
 * medians of 3 at 10^7:
 *   A none  --workers 1             5.36 s  1,866,038 records/s  1.28 cores used, peak RSS main 140 MB
 *   B none  --workers 2             3.87 s  2,581,890 records/s  1.84 cores used
 *   C gzip  --workers 2             6.97 s  1,435,646 records/s  1.83 cores used
 *   D gzip  --workers 2 --monitor   6.76 s  1,478,803 records/s  sampled mean CPU 98% of 2 cores
 * Reading: gzip with 2 workers, CPU >= 90%, peak RSS <= 200 MB and the
 * monitoring overhead (-0.2%) meet their targets. B/A 1.39x (target 1.8x)
 * does not, and cannot on two cores: A already uses 1.28 cores (writes and
 * the sha256 thread beside the generator), so B has 0.56 of a core to add;
 * per CPU-second B and A are within 3% (1.40M vs 1.45M records).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../cli/megagen.js', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  return i < 0 ? fallback : Number(String(argv[i + 1]).replace(/_/g, ''));
};
const records = arg('--records', 10_000_000);
const runs = arg('--runs', 1);
const cores = cpus().length;

interface Outcome {
  seconds: number;
  rows: number;
  rate: number;
  meanCpu: number;
  peaks: string;
  maxPeakMB: number;
  /** CPU-seconds (user + system) of the command and every process it waited for, over its wall time: cores used. NaN without /usr/bin/time. */
  coresUsed: number;
}

/** GNU time, when installed: the exact CPU of a run, workers included (they are the CLI's waited-for children). */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function once(name: string, flags: string[], env: Record<string, string> = {}): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'megagen-bench-cluster-'));
  const out = join(dir, 'out');
  try {
    const began = performance.now();
    const usage = join(dir, 'time.txt');
    const command = [process.execPath, cli, 'run', 'campus', '--records', String(records), '-o', out, ...flags];
    const [exe, ...args] = TIME ? [TIME, '-f', '%U %S', '-o', usage, ...command] : command;
    const r = spawnSync(exe!, args, {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const seconds = (performance.now() - began) / 1000;
    if (r.status !== 0) throw new Error(`${name}: exit ${r.status}: ${r.stderr}`);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const rows = Object.values(m.tables as Record<string, { rows: number }>).reduce((s, t) => s + t.rows, 0);
    const perf = JSON.parse(readFileSync(join(out, 'performance_reports', 'performance_data.json'), 'utf8'));
    const mean = (pts: { cpu: number }[]): number => (pts.length ? pts.reduce((s, p) => s + p.cpu, 0) / pts.length : 0);
    const cpu = [perf.primary, ...perf.series].reduce((s: number, x: { points: { cpu: number }[] }) => s + mean(x.points), 0);
    const procs = m.run.processes as { slot: string; peakRssBytes: number }[];
    const [user, sys] = TIME ? readFileSync(usage, 'utf8').trim().split(/\s+/).slice(-2).map(Number) : [NaN, NaN];
    return {
      coresUsed: (user! + sys!) / seconds,
      seconds,
      rows,
      rate: rows / seconds,
      meanCpu: cpu / cores,
      peaks: procs.map((p) => `${p.slot} ${(p.peakRssBytes / 2 ** 20).toFixed(0)}`).join(', '),
      maxPeakMB: Math.max(...procs.map((p) => p.peakRssBytes / 2 ** 20)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Scenario {
  name: string;
  flags: string[];
  env?: Record<string, string>;
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

/**
 * Runs every scenario once per round, rounds one after another (A B C D, A B
 * C D, ...): this machine's speed drifts within minutes, so ratios are taken
 * within a round (paired) and their median reported. Returns each scenario's
 * median run and the rounds.
 */
function rounds(scenarios: Scenario[]): { mid: Outcome[]; all: Outcome[][] } {
  const all: Outcome[][] = [];
  for (let k = 0; k < runs; k++) {
    const round = scenarios.map((s) => {
      const o = once(s.name, s.flags, s.env);
      const sampled = s.env ? '' : `, sampled mean CPU ${o.meanCpu.toFixed(0)}% of ${cores} cores`;
      process.stderr.write(`  ${s.name}: ${o.seconds.toFixed(2)} s, ${Math.round(o.rate).toLocaleString('en-US')} records/s, ${o.coresUsed.toFixed(2)} cores used${sampled}, peak RSS MB: ${o.peaks}\n`);
      return o;
    });
    all.push(round);
  }
  const mid = scenarios.map((_, i) => [...all.map((r) => r[i]!)].sort((x, y) => x.seconds - y.seconds)[Math.floor(all.length / 2)]!);
  return { mid, all };
}

process.stderr.write(`bench:cluster campus ${records.toLocaleString('en-US')} records, ${cores} CPUs, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
const quiet = { MEGAGEN_SAMPLE_MS: '60000' };
const { mid, all } = rounds([
  { name: 'A none  --workers 1', flags: ['--compress', 'none', '--workers', '1'], env: quiet },
  { name: 'B none  --workers 2', flags: ['--compress', 'none', '--workers', '2'], env: quiet },
  { name: 'C gzip  --workers 2', flags: ['--workers', '2'], env: quiet },
  { name: 'D gzip  --workers 2 --monitor', flags: ['--workers', '2', '--monitor'] },
]);
const [a, b, c, d] = mid as [Outcome, Outcome, Outcome, Outcome];
const pairedBA = median(all.map((r) => r[1]!.rate / r[0]!.rate));
const pairedDC = median(all.map((r) => r[3]!.rate / r[2]!.rate));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const lines = [
  `2 workers / 1 worker, uncompressed: ${pairedBA.toFixed(2)}x paired within rounds (medians ${fmt(b.rate)} vs ${fmt(a.rate)} records/s; target >= 1.8x); ` +
    `cores used ${b.coresUsed.toFixed(2)} vs ${a.coresUsed.toFixed(2)}, records per CPU-second ${fmt(b.rate / b.coresUsed)} vs ${fmt(a.rate / a.coresUsed)}`,
  `gzip, 2 workers: ${fmt(c.rate)} records/s (target >= 1,100,000)`,
  `mean CPU with monitoring (D): ${d.meanCpu.toFixed(0)}% of ${cores} cores (target >= 90%)`,
  `monitoring overhead: ${((1 - pairedDC) * 100).toFixed(1)}% paired within rounds (medians ${fmt(d.rate)} vs ${fmt(c.rate)} records/s; target <= 3%)`,
  `highest peak RSS of one process: ${Math.max(a.maxPeakMB, b.maxPeakMB, c.maxPeakMB, d.maxPeakMB).toFixed(0)} MB (target <= 200)`,
];
process.stdout.write(`${lines.join('\n')}\n`);

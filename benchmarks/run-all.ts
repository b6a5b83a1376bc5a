/**
 * `npm run bench`: every scenario, each run in a fresh process (the scenario
 * script itself forks the measured command), repeated, then a table of
 * medians with the ratio to the faker-per-row baseline measured in the same run.
 *
 *   npm run bench                       10^6 and 10^7 records, 3 runs each
 *   npm run bench -- --quick            10^6 only, 1 run (a smoke test, ~1 min)
 *   npm run bench -- --runs 5
 *
 * The ratio divides megagen's whole-command records/s (process start
 * included) by the baseline's loop-only rows/s (faker import excluded), so it
 * never flatters megagen. records/CPU-s (user + system of the measured
 * process) is less disturbed than wall time when other work shares the machine.
 *
 * Last run (2 cores AMD EPYC, Node 20.20.2, machine otherwise idle,
 * 2026-11-27 21:34Z, medians of 3):
 *
 * | scenario               |    records | median s |                  records/s |            records/CPU-s | peak RSS MB | x baseline | x baseline (CPU) |
 * |------------------------|-----------:|---------:|---------------------------:|-------------------------:|------------:|-----------:|-----------------:|
 * | baseline-faker         |    100,000 |     1.21 |      82,789 (loop 100,716) |     75,304 (loop 91,185) |         105 |            |                  |
 * | students-generate-only |  1,000,000 |     1.35 |     741,852 (loop 916,132) |   711,004 (loop 888,023) |         112 |            |                  |
 * | campus-generate-only   |  1,000,000 |     0.89 | 1,120,002 (loop 1,577,343) | 981,345 (loop 1,382,111) |         106 |            |                  |
 * | students               |  1,000,000 |     1.05 |                    954,747 |                  852,232 |          88 |        9.5 |              9.3 |
 * | campus                 |  1,000,000 |     0.78 |                  1,275,642 |                  995,223 |          96 |       12.7 |             10.9 |
 * | students               | 10,000,000 |     7.98 |                  1,253,684 |                1,220,726 |          89 |       12.4 |             13.4 |
 * | campus                 |  9,999,997 |     4.15 |                  2,408,646 |                2,225,228 |         116 |       23.9 |             24.4 |
 *
 * generate-only measures row objects and line strings (the path tables take
 * when a custom stage reads their rows); the CLI rows write students and
 * enrollments straight from their row indices.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ScenarioResult } from './harness.js';

interface Plan {
  file: string;
  records: number;
  args?: string[];
}

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : quick ? 1 : 3;
const sizes = quick ? [1_000_000] : [1_000_000, 10_000_000];

const plans: Plan[] = [
  { file: 'baseline-faker.js', records: 100_000 },
  { file: 'generate-only.js', records: 1_000_000, args: ['--preset', 'students'] },
  { file: 'generate-only.js', records: 1_000_000, args: ['--preset', 'campus'] },
  ...sizes.flatMap((n) => [
    { file: 'students-ndjson.js', records: n },
    { file: 'campus-ndjson.js', records: n },
  ]),
];

function runScenario(p: Plan): ScenarioResult {
  const script = fileURLToPath(new URL(`./${p.file}`, import.meta.url));
  const r = spawnSync(process.execPath, [script, '--records', String(p.records), ...(p.args ?? [])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${p.file} --records ${p.records} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ScenarioResult;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const began = new Date();
process.stderr.write(`megagen benchmarks: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ${runs} run(s) each, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);

interface Row {
  scenario: string;
  records: number;
  seconds: number;
  rate: number;
  cpuRate: number;
  rssMB: number;
  loopRate?: number;
  loopCpuRate?: number;
}
const rows: Row[] = [];
for (const p of plans) {
  const results: ScenarioResult[] = [];
  for (let k = 0; k < runs; k++) {
    const r = runScenario(p);
    results.push(r);
    process.stderr.write(`  ${r.scenario} ${fmt(r.records)}: ${r.seconds.toFixed(2)} s, ${fmt(r.recordsPerSecond)} records/s, ${r.cpuSeconds.toFixed(2)} CPU-s, peak RSS ${r.peakRssMB.toFixed(0)} MB\n`);
  }
  const loops = results.map((r) => r.loopSeconds).filter((x): x is number => x !== undefined);
  rows.push({
    scenario: results[0]!.scenario,
    records: results[0]!.records,
    seconds: median(results.map((r) => r.seconds)),
    rate: median(results.map((r) => r.recordsPerSecond)),
    cpuRate: median(results.map((r) => r.records / r.cpuSeconds)),
    rssMB: Math.max(...results.map((r) => r.peakRssMB)),
    loopRate: loops.length ? median(loops.map((s) => results[0]!.records / s)) : undefined,
    loopCpuRate: loops.length ? median(results.map((r) => r.records / r.loopCpuSeconds!)) : undefined,
  });
}

const baseline = rows.find((r) => r.scenario === 'baseline-faker');
const baseRate = baseline?.loopRate ?? baseline?.rate;
const baseCpuRate = baseline?.loopCpuRate ?? baseline?.cpuRate;
const header = ['scenario', 'records', 'median s', 'records/s', 'records/CPU-s', 'peak RSS MB', 'x baseline', 'x baseline (CPU)'];
const table = rows.map((r) => [
  r.scenario,
  fmt(r.records),
  r.seconds.toFixed(2),
  fmt(r.rate) + (r.loopRate ? ` (loop ${fmt(r.loopRate)})` : ''),
  fmt(r.cpuRate) + (r.loopCpuRate ? ` (loop ${fmt(r.loopCpuRate)})` : ''),
  r.rssMB.toFixed(0),
  r.scenario === 'baseline-faker' || r.loopRate || !baseRate ? '' : (r.rate / baseRate).toFixed(1),
  r.scenario === 'baseline-faker' || r.loopRate || !baseCpuRate ? '' : (r.cpuRate / baseCpuRate).toFixed(1),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
process.stdout.write(`\nmegagen benchmarks, ${began.toISOString().slice(0, 16)}Z, ${cpus().length} CPUs, Node ${process.version}, medians of ${runs}\n\n`);
process.stdout.write([line(header), `|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`, ...table.map(line)].join('\n') + '\n');
process.stdout.write(
  `\nx baseline = megagen records/s (whole command) / baseline rows/s (faker loop only, import excluded);\n` +
    `x baseline (CPU) = the same with CPU seconds instead of wall seconds (steadier when the machine is shared).\n`,
);

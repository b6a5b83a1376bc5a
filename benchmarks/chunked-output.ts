/**
 * Chunked file output throughput: `npm run bench:chunks`.
 *
 * campus (default 10^7 records, BENCH_CHUNKS_RECORDS) in ONE process, each
 * scenario in a fresh process (this file forks itself), output in a temp dir
 * removed afterwards:
 *
 * - `devnull`      NDJSON on stdout into /dev/null: the generator's ceiling
 * - `none`         uncompressed NDJSON chunk files (target: within 25% of devnull)
 * - `gzip-1`       the default: 1 MiB blocks, each one gzip member, compressed by
 *                  async zlib.gzip two in flight on the thread pool
 * - `gzip-1-stream` the alternative: one zlib.createGzip stream per part,
 *                  flushed per block (DESIGN §6 asked to measure both)
 * - `gzip-6`       members at level 6
 * - `brotli-1`     brotli quality 1, one stream per part
 *
 * Reported: records/s, CPU seconds (user+system, all threads: above wall time
 * means the thread pool works beside the generating thread), peak RSS
 * (process.resourceUsage().maxRSS), bytes on disk and space saved against
 * `none`. BENCH_CHUNKS_RUNS rounds, each running every scenario once in turn
 * (medians; "vs devnull" is the median of the ratios within a round),
 * BENCH_CHUNKS_SCENARIOS a comma-separated subset.
 *
 * Results: see README "Output directory" (machine, date, commands).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline, type RunOptions } from '../lib/index.js';
import { gzipStreamCodec, type BlockCodec } from '../lib/sinks/block-codec.js';
import campus from '../pipelines/campus.js';

const RECORDS = Number(process.env.BENCH_CHUNKS_RECORDS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_CHUNKS_RUNS ?? 1);

interface Scenario {
  name: string;
  options: RunOptions;
  codec?: () => BlockCodec;
}

const SCENARIOS: Scenario[] = [
  { name: 'devnull', options: { output: '-' } },
  { name: 'none', options: { compress: 'none' } },
  { name: 'gzip-1', options: { compress: 'gzip', compressLevel: 1 } },
  { name: 'gzip-1-stream', options: { compress: 'gzip', compressLevel: 1 }, codec: () => gzipStreamCodec(1) },
  { name: 'gzip-6', options: { compress: 'gzip', compressLevel: 6 } },
  { name: 'brotli-1', options: { compress: 'brotli', compressLevel: 1 } },
];

interface Result {
  scenario: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  cpuSeconds: number;
  peakRssMiB: number;
  bytes: number;
}

async function child(name: string): Promise<void> {
  const s = SCENARIOS.find((x) => x.name === name)!;
  const dir = s.options.output === '-' ? null : mkdtempSync(join(tmpdir(), 'megagen-bench-chunks-'));
  const out = dir ? join(dir, 'out') : '-';
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await runPipeline(campus, { ...s.options, workers: 1, records: RECORDS, output: out }, { codec: s.codec?.() });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (dir) rmSync(dir, { recursive: true, force: true });
  const r: Result = {
    scenario: name,
    records: summary.records,
    seconds,
    recordsPerSecond: summary.records / seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    bytes: summary.tables.reduce((a, t) => a + (t.bytes ?? 0), 0),
  };
  process.send!(r);
}

function runChild(name: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const c = fork(fileURLToPath(import.meta.url), ['--child', name], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let result: Result | undefined;
    c.on('message', (m) => (result = m as Result));
    c.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`scenario ${name} exited with ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const wanted = process.env.BENCH_CHUNKS_SCENARIOS?.split(',') ?? SCENARIOS.map((s) => s.name);
  // Rounds interleave the scenarios (A B C, A B C, ...): this machine's speed
  // drifts within minutes, so a ratio is taken within each round (paired) and
  // its median reported, beside each scenario's median run.
  const rounds: Map<string, Result>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const round = new Map<string, Result>();
    for (const name of wanted) round.set(name, await runChild(name));
    rounds.push(round);
  }
  const results: Result[] = [];
  const paired = new Map<string, number>();
  for (const name of wanted) {
    const runs = rounds.map((r) => r.get(name)!);
    const mid = runs.find((r) => r.seconds === median(runs.map((x) => x.seconds)))!;
    results.push(mid);
    if (wanted.includes('devnull')) paired.set(name, median(rounds.map((r) => r.get(name)!.recordsPerSecond / r.get('devnull')!.recordsPerSecond)));
    process.stderr.write(`${name}: ${Math.round(mid.recordsPerSecond).toLocaleString('en-US')} records/s\n`);
  }
  const none = results.find((r) => r.scenario === 'none');
  const rows = [['scenario', 'records/s', 'vs devnull (paired)', 'cpu s', 'wall s', 'peak RSS', 'on disk', 'saved vs none']];
  for (const r of results) {
    const ratio = paired.get(r.scenario);
    rows.push([
      r.scenario,
      Math.round(r.recordsPerSecond).toLocaleString('en-US'),
      ratio === undefined ? '' : `${(100 * ratio).toFixed(0)}%`,
      r.cpuSeconds.toFixed(1),
      r.seconds.toFixed(1),
      `${r.peakRssMiB.toFixed(0)} MiB`,
      r.bytes ? `${(r.bytes / (1 << 20)).toFixed(0)} MiB` : '',
      none && r.bytes && r !== none ? `${(100 - (100 * r.bytes) / none.bytes).toFixed(1)}%` : '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  process.stdout.write(`campus ${RECORDS.toLocaleString('en-US')} records, one process, ${RUNS} run(s) per scenario (median)\n`);
  for (const r of rows) process.stdout.write(r.map((c, i) => c.padEnd(widths[i]!)).join('  ') + '\n');
  process.stdout.write(JSON.stringify({ benchmark: 'chunked-output', records: RECORDS, results }) + '\n');
}

if (process.argv[2] === '--child') await child(process.argv[3]!);
else await main();

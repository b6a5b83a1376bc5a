/**
 * Benchmark: conflict injection and the conflict checker, each run in a fresh process.
 *
 *   npm run bench:conflicts -- [records=1e7] [checkRecords=records] [runs=5]
 *
 * 1. `run campus --records N` without and with `--conflicts 0.01 --conflict-difficulty complex`
 *    (alternating, `runs` pairs; the rate ratio is the median of the ratios within a pair):
 *    target with >= 90% of the rate without. A rate is records written (the manifest's, the
 *    conflicts table included) per second of the whole process; the time ratio is printed too. Measured at `records` and, when that is larger, at
 *    10^6 too (2 * runs + 1 pairs), where the fixed costs of a 1.5 s run weigh most.
 * 2. `verify-conflicts DIR` on a `conflicts` preset output of checkRecords records: records/s and
 *    peak RSS (sampled with pidusage): targets >= 500,000 records/s and <= 500 MB at 10^7.
 *
 * See README "Conflicts" for the latest figures and where the difference goes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pidusage from 'pidusage';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'megagen.js');
const count = (s: string | undefined, d: number) => (s === undefined ? d : Number(s.replace(/_/g, '')));
const records = count(process.argv[2], 10_000_000);
const checkRecords = count(process.argv[3], records);
const runs = count(process.argv[4], 5);

interface Result {
  seconds: number;
  peakRss: number;
  stdout: string;
}

function run(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => {
      pidusage(child.pid!).then((s) => (peakRss = Math.max(peakRss, s.memory)), () => {});
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      pidusage.clear();
      if (code !== 0 && !args.includes('verify-conflicts')) reject(new Error(`megagen ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ seconds: (performance.now() - began) / 1000, peakRss, stdout });
    });
  });
}

/** Records a directory run wrote, all tables (its manifest). */
function rowsWritten(out: string): number {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
  return Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const dir = mkdtempSync(join(tmpdir(), 'megagen-bench-conflicts-'));
try {
  const sizes: [number, number][] = records > 1_000_000 ? [[1_000_000, 2 * runs + 1], [records, runs]] : [[records, runs]];
  for (const [n, pairs] of sizes) {
    const plain: number[] = [];
    const injected: number[] = [];
    let plainRows = 0;
    let injectedRows = 0;
    for (let i = 0; i < pairs; i++) {
      plain.push((await run(['run', 'campus', '--records', String(n), '-o', join(dir, 'plain'), '--force'])).seconds);
      plainRows = rowsWritten(join(dir, 'plain'));
      injected.push((await run(['run', 'campus', '--records', String(n), '--conflicts', '0.01', '--conflict-difficulty', 'complex', '-o', join(dir, 'injected'), '--force'])).seconds);
      injectedRows = rowsWritten(join(dir, 'injected'));
    }
    const [p, q] = [median(plain), median(injected)];
    // Runs alternate (without, with): the ratio is taken within each pair, then its median, since this machine's speed drifts.
    // A rate is records written per second, as the CLI reports it: the injected run also writes its conflicts table.
    const timeRatio = median(plain.map((t, i) => t / injected[i]!));
    const rateRatios = plain.map((t, i) => injectedRows / injected[i]! / (plainRows / t));
    const rateRatio = median(rateRatios);
    // The spread shows how far one pair may be from the median on a machine whose speed drifts.
    const spread = `single pairs ${(Math.min(...rateRatios) * 100).toFixed(1)}–${(Math.max(...rateRatios) * 100).toFixed(1)}%`;
    process.stdout.write(`campus ${fmt(n)} records (median of ${pairs}, whole process): without ${p.toFixed(2)} s (${fmt(plainRows)} records, ${fmt(plainRows / p)} rec/s), ` +
      `--conflicts 0.01 complex ${q.toFixed(2)} s (${fmt(injectedRows)} records, ${fmt(injectedRows / q)} rec/s): ${(rateRatio * 100).toFixed(1)}% of the rate, paired (target >= 90%); ` +
      `time ratio ${(timeRatio * 100).toFixed(1)}%; ${spread}\n`);
  }

  const data = join(dir, 'check');
  await run(['run', 'conflicts', '--records', String(checkRecords), '-o', data]);
  const v = await run(['verify-conflicts', data, '--json']);
  const report = JSON.parse(v.stdout) as { ok: boolean; rows: Record<string, number>; seconds: number };
  const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(`verify-conflicts ${fmt(rows)} records: ${v.seconds.toFixed(2)} s whole process (${fmt(rows / v.seconds)} rec/s; ` +
    `${fmt(rows / report.seconds)} rec/s checking), peak RSS ${(v.peakRss / 2 ** 20).toFixed(0)} MB, ${report.ok ? 'OK' : 'FAILED'} ` +
    `(targets >= 500,000 rec/s, <= 500 MB)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The benchmark harness: runs one command in a fresh process with stdout to
 * /dev/null, and measures its wall time and peak RSS. Every scenario file uses
 * it and prints one JSON result line (the protocol run-all.ts reads):
 *   {"scenario":"students","records":1000000,"seconds":0.93,"cpuSeconds":1.1,"peakRssMB":88.1,"recordsPerSecond":1075268}
 * `seconds` is the whole command's wall time (process start included);
 * `cpuSeconds` its user + system CPU (all its threads), which other load on
 * the machine disturbs less than wall time; `loopSeconds`, when a scenario
 * reports it, the generation loop alone (after imports), and `loopCpuSeconds`
 * the CPU time of that loop.
 */
import { spawn } from 'node:child_process';
import { openSync, closeSync, existsSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(repoRoot, 'dist', 'cli', 'megagen.js');
const preload = fileURLToPath(new URL('./report-peak-rss.js', import.meta.url));

export interface Measurement {
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  loopSeconds?: number;
  loopCpuSeconds?: number;
}

export interface ScenarioResult extends Measurement {
  scenario: string;
  records: number;
  recordsPerSecond: number;
}

/** Runs `node ARGS` with stdout to /dev/null; rejects on a non-zero exit. */
export function measureNode(args: readonly string[]): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'megagen-bench-'));
  const rssFile = join(dir, 'rss');
  const devNull = openSync('/dev/null', 'w');
  const began = performance.now();
  return new Promise<Measurement>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', preload, ...args], {
      stdio: ['ignore', devNull, 'pipe'],
      env: { ...process.env, MEGAGEN_BENCH_RSS_FILE: rssFile },
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const seconds = (performance.now() - began) / 1000;
      closeSync(devNull);
      try {
        if (status !== 0) throw new Error(`node ${args.join(' ')} exited ${status ?? signal}: ${stderr.trim()}`);
        const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKiB: number; cpuSeconds: number };
        const m: Measurement = { seconds, cpuSeconds: usage.cpuSeconds, peakRssMB: usage.maxRssKiB / 1024 };
        if (existsSync(`${rssFile}.loop`)) {
          const loop = JSON.parse(readFileSync(`${rssFile}.loop`, 'utf8')) as { seconds: number; cpuSeconds: number };
          m.loopSeconds = loop.seconds;
          m.loopCpuSeconds = loop.cpuSeconds;
        }
        resolve(m);
      } catch (err) {
        reject(err);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** `--records N` (digits, `_`, or `1e6`) from argv, else the default. */
export function recordsArg(argv: readonly string[], fallback: number): number {
  const i = argv.indexOf('--records');
  if (i < 0) return fallback;
  const n = Number(String(argv[i + 1]).replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--records must be a positive integer (got ${argv[i + 1]})`);
  return n;
}

export function result(scenario: string, records: number, m: Measurement): ScenarioResult {
  return { scenario, records, ...m, recordsPerSecond: Math.round(records / m.seconds) };
}

/** Prints a scenario's result line (the protocol) on stdout. */
export function report(r: ScenarioResult): void {
  process.stdout.write(JSON.stringify(r) + '\n');
}

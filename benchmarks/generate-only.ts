/**
 * Scenario: the pure cores without streams or I/O, in a fresh process —
 * rows generated and foreign keys resolved, then each row serialised to its
 * NDJSON line (string built, never written). Against students-ndjson.ts and
 * campus-ndjson.ts it splits the CLI's time into generation, serialisation
 * and the rest (streams, buffers, the write to /dev/null, process start).
 *
 *   npm run bench:generate -- --preset students --records 1000000
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, SHARED with other jobs
 * (load average ~17 during the run), main at c6585fc, 2026-11-27 14:42Z,
 * `npm run bench`, medians of 3 runs.
 *   students 10^6: loop 546,179 rows/CPU-s (154,343 rows/s wall), RSS 107 MB
 *   campus 10^6:   loop 1,048,350 rows/CPU-s (330,443 rows/s wall), RSS 96 MB
 * Reading: against students-ndjson.ts (345k records/CPU-s) and
 * campus-ndjson.ts (505k at 10^6), generation and serialisation are about
 * two thirds of the CLI's CPU; the rest is streams, buffers and start-up.
 */
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { buildModel, compileNdjson, parseRunOptions } from '../lib/index.js';
import { presets } from '../pipelines/index.js';
import { measureNode, recordsArg, report, result } from './harness.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const presetName = arg('--preset', 'students');
const records = recordsArg(process.argv, 1_000_000);

function emit(): void {
  const p = presets.get(presetName)!;
  const model = buildModel(p, parseRunOptions(p, { records }));
  const began = performance.now();
  const cpu0 = process.cpuUsage();
  let rows = 0;
  let bytes = 0;
  for (const name of p.tables) {
    const t = model.table(name);
    const gen = t.createGenerator();
    const resolve = t.createResolver();
    const line = compileNdjson(t.spec, { tableField: p.tables.length > 1, trusted: true });
    for (let i = 0; i < t.rows; i++) {
      const row = gen(i);
      if (resolve) resolve(row, i);
      bytes += line(row).length;
    }
    rows += t.rows;
  }
  const cpu = process.cpuUsage(cpu0);
  const file = process.env.MEGAGEN_BENCH_RSS_FILE;
  if (file) writeFileSync(`${file}.loop`, JSON.stringify({ seconds: (performance.now() - began) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows }));
  if (bytes < 0) process.stdout.write(''); // keep the lines alive
}

if (process.argv.includes('--emit')) {
  emit();
} else {
  const m = await measureNode([fileURLToPath(import.meta.url), '--emit', '--preset', presetName, '--records', String(records)]);
  report(result(`${presetName}-generate-only`, records, m));
}

/**
 * Scenario: the pure cores without streams or I/O, in a fresh process —
 * rows generated and foreign keys resolved, then each row serialised to its
 * NDJSON line (string built, never written). Against students-ndjson.ts and
 * campus-ndjson.ts it splits the CLI's time into generation, serialisation
 * and the rest (streams, buffers, the write to /dev/null, process start).
 *
 *   npm run bench:generate -- --preset students --records 1000000
 *
 * Machine: 2 cores (AMD EPYC), Node 20.20.2, Linux, otherwise idle,
 * 2026-11-27 16:58Z, `npm run bench`, medians of 3:
 *   students 10^6: loop 782,269 rows/s (752,468 rows/CPU-s), RSS 114 MB
 *   campus 10^6:   loop 1,414,128 rows/s (1,236,926 rows/CPU-s), RSS 104 MB
 * Reading: this loop builds line strings (compileNdjson); the CLI writes
 * bytes straight into blocks (compileNdjsonBytes), so at 10^7 the whole
 * `campus` command (1.62M records/s) outruns this loop at 10^6.
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

/**
 * PostgreSQL loading throughput: `npm run bench:pg`.
 *
 * Each scenario runs in a fresh process against a fresh database on one local
 * server (MEGAGEN_PG_URL, or a throwaway cluster started by
 * scripts/pg-test-server.sh with fsync off), and the megagen process's RSS is
 * sampled with pidusage every 100 ms:
 *
 * - `copy-ceiling`: bare pg-copy-streams, pre-serialised COPY text of the
 *   enrollments rows into a table without keys (the ceiling the server allows);
 * - `sink`: `megagen run campus --sink` into an empty database: tables with
 *   primary keys, UNIQUE, NOT NULL and CHECKs during the COPY, foreign keys
 *   added (and checked) after, then the foreign-key indexes;
 * - `sink-slow-server`: the same into tables whose foreign keys are declared
 *   before the load under other names (so they stay: per-row triggers make the
 *   server several times slower than the generator): RSS must stay flat;
 * - `sql-psql` (when the build has --format sql and `megagen load`): SQL parts
 *   loaded with psql.
 *
 * Results (this machine: 2 cores shared with other work, PostgreSQL 15, fsync
 * off, campus 10^6 records):
 * see README "Loading into PostgreSQL" for the medians of three runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pidusage from 'pidusage';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/megagen.js');
const RECORDS = Number(process.env.BENCH_PG_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_PG_RUNS ?? 1);

interface Result {
  scenario: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU seconds of the megagen process and of the PostgreSQL server during the scenario. */
  clientCpu: number;
  serverCpu: number;
  /**
   * rows / max(server CPU, client CPU, total CPU / cores): the rate on an
   * otherwise idle machine of this many cores, for when other work shares it.
   */
  cpuBoundRowsPerSecond: number;
  peakRssMiB: number;
  /** RSS at 25/50/75/100% of the run (MiB): flat means bounded buffering. */
  rssQuartilesMiB: number[];
}

function startServer(): { url: string; stop(): void } {
  if (process.env.MEGAGEN_PG_URL) return { url: process.env.MEGAGEN_PG_URL, stop() {} };
  const r = spawnSync(join(ROOT, 'scripts/pg-test-server.sh'), ['start'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot start a PostgreSQL server: ${r.stderr}`);
  const env = Object.fromEntries([...r.stdout.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1], m[2]]));
  return { url: env.MEGAGEN_PG_URL!, stop: () => void spawnSync(join(ROOT, 'scripts/pg-test-server.sh'), ['stop', env.MEGAGEN_PG_DIR!]) };
}

async function admin<T>(url: string, body: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await body(c);
  } finally {
    await c.end();
  }
}

let dbCounter = 0;
async function freshDatabase(server: string): Promise<string> {
  const name = `megagen_bench_${process.pid}_${++dbCounter}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.href;
}

async function dropDatabase(server: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
}

const TICK = 100; // USER_HZ on Linux

/** utime+stime (and cutime+cstime when children) of a process from /proc, in seconds. */
function procCpu(pid: number | 'self', children: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(f[11]) + Number(f[12]);
    return (children ? Number(f[13]) + Number(f[14]) : own) / TICK;
  } catch {
    return 0;
  }
}

/** CPU seconds of the PostgreSQL server: live postgres processes plus the postmaster's reaped children. */
function serverCpu(): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let comm = '';
    try {
      comm = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    total += procCpu(Number(d), false) + procCpu(Number(d), true);
  }
  return total;
}

/** Runs a command, sampling its RSS; returns seconds and RSS samples. */
function measure(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ seconds: number; rss: number[]; stderr: string; clientCpu: number; serverCpu: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c0 = procCpu('self', true);
    const s0 = serverCpu();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const rss: number[] = [];
    const timer = setInterval(() => {
      pidusage(child.pid!).then((s) => rss.push(s.memory), () => {});
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      pidusage.clear();
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, rss, stderr, clientCpu: procCpu('self', true) - c0, serverCpu: serverCpu() - s0 });
    });
  });
}

/** `streams`: server backends working at once (--jobs): the server's CPU divides among them. */
function summarise(scenario: string, rows: number, m: { seconds: number; rss: number[]; clientCpu: number; serverCpu: number }, streams = 1): Result {
  const mib = (b: number) => Math.round(b / 2 ** 20);
  const q = [0.25, 0.5, 0.75, 1].map((f) => mib(m.rss[Math.max(0, Math.ceil(f * m.rss.length) - 1)] ?? 0));
  const bound = Math.max(m.serverCpu / streams, m.clientCpu, (m.serverCpu + m.clientCpu) / availableParallelism());
  return {
    scenario,
    rows,
    seconds: +m.seconds.toFixed(2),
    rowsPerSecond: Math.round(rows / m.seconds),
    clientCpu: +m.clientCpu.toFixed(2),
    serverCpu: +m.serverCpu.toFixed(2),
    cpuBoundRowsPerSecond: Math.round(rows / bound),
    peakRssMiB: mib(Math.max(0, ...m.rss)),
    rssQuartilesMiB: q,
  };
}

/** The ceiling: COPY of pre-serialised text into a keyless table, no generation. */
async function copyCeiling(url: string): Promise<Result> {
  const script = `
    import pg from 'pg';
    import { from } from 'pg-copy-streams';
    import { pipeline } from 'node:stream/promises';
    import { Readable } from 'node:stream';
    import { buildModel } from '${join(ROOT, 'dist/lib/run/run-pipeline.js')}';
    import { parseRunOptions } from '${join(ROOT, 'dist/lib/run/run-options.js')}';
    import { presets } from '${join(ROOT, 'dist/pipelines/index.js')}';
    import { compileCopyText } from '${join(ROOT, 'dist/lib/formats/copy-text.js')}';
    import { createRelationResolver } from '${join(ROOT, 'dist/lib/stages/relations.js')}';
    import { generateBatches } from '${join(ROOT, 'dist/lib/sources/table-source.js')}';
    const p = presets.get('campus');
    const table = buildModel(p, parseRunOptions(p, { records: ${RECORDS} })).table('enrollments');
    const line = compileCopyText(table.spec);
    const resolve = createRelationResolver(table);
    const blocks = [];
    for (const b of generateBatches(table, { batchSize: 5000 })) { resolve(b); let s = ''; for (const r of b.rows) s += line(r); blocks.push(Buffer.from(s)); }
    const c = new pg.Client({ connectionString: process.argv.at(-1) });
    await c.connect();
    await c.query('CREATE TABLE ceiling (id bigint, student_id bigint, section_id bigint, semester text, status text, enrolled_at timestamptz, score integer)');
    const t0 = performance.now();
    await pipeline(Readable.from(blocks), c.query(from('COPY ceiling FROM STDIN')));
    process.stderr.write(JSON.stringify({ rows: table.rows, seconds: (performance.now() - t0) / 1000 }));
    await c.end();
  `;
  const m = await measure(process.execPath, ['--input-type=module', '-e', script, url]);
  const { rows, seconds } = JSON.parse(m.stderr) as { rows: number; seconds: number };
  return { ...summarise('copy-ceiling (enrollments, keyless, pre-serialised)', rows, { ...m, seconds, clientCpu: 0 }), peakRssMiB: 0, rssQuartilesMiB: [] };
}

async function sink(url: string): Promise<Result> {
  const m = await measure(process.execPath, [CLI, 'run', 'campus', '--records', String(RECORDS), '--sink', url]);
  const rows = Number(/loaded ([\d,]+) rows/.exec(m.stderr)![1]!.replace(/,/g, ''));
  return summarise('sink (PK, UNIQUE, CHECK during COPY; FKs + indexes after)', rows, m);
}

async function sinkJobs2(url: string): Promise<Result> {
  const m = await measure(process.execPath, [CLI, 'run', 'campus', '--records', String(RECORDS), '--sink', url, '--jobs', '2', '--chunk-size', '200000']);
  const rows = Number(/loaded ([\d,]+) rows/.exec(m.stderr)![1]!.replace(/,/g, ''));
  return summarise('sink --jobs 2 --chunk-size 200000', rows, m, 2);
}

async function sinkSlowServer(url: string): Promise<Result> {
  // Create the schema through megagen on a tiny load, then declare the foreign
  // keys under other names so the next load keeps them as per-row triggers.
  await measure(process.execPath, [CLI, 'run', 'campus', '--records', '1000', '--sink', url]);
  await admin(url, async (c) => {
    const fks = await c.query(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f'`);
    for (const f of fks.rows) await c.query(`ALTER TABLE "${f.t}" DROP CONSTRAINT "${f.conname}", ADD CONSTRAINT "${f.conname}_slow" ${f.def}`);
  });
  const m = await measure(process.execPath, [CLI, 'run', 'campus', '--records', String(RECORDS), '--sink', url, '--truncate']);
  const rows = Number(/loaded ([\d,]+) rows/.exec(m.stderr)![1]!.replace(/,/g, ''));
  return summarise('sink-slow-server (FKs checked per row during COPY)', rows, m);
}

async function sqlPsql(url: string, jobs = 1): Promise<Result | null> {
  const help = spawnSync(process.execPath, [CLI, 'run', '--help'], { encoding: 'utf8' });
  if (!/--format/.test(help.stdout)) {
    process.stderr.write('sql-psql: skipped (this build has no --format sql)\n');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'megagen-bench-sql-'));
  try {
    const chunk = jobs > 1 ? ['--chunk-size', '200000'] : [];
    await measure(process.execPath, [CLI, 'run', 'campus', '--records', String(RECORDS), '--format', 'sql', '--compress', 'none', ...chunk, '-o', join(dir, 'out')]);
    const m = await measure(process.execPath, [CLI, 'load', join(dir, 'out'), '--db', url, '--jobs', String(jobs)]);
    const rows = Number(/loaded ([\d,]+) rows/.exec(m.stderr)![1]!.replace(/,/g, ''));
    return summarise(`sql parts via psql (megagen load --jobs ${jobs}${jobs > 1 ? ', 200k-row chunks' : ''})`, rows, m, jobs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const server = startServer();
  const results: Result[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const only = process.env.BENCH_PG_ONLY?.split(',');
      const scenarios: [string, (url: string) => Promise<Result | null>][] = [
        ['ceiling', copyCeiling],
        ['sink', sink],
        ['sink-jobs2', sinkJobs2],
        ['slow', sinkSlowServer],
        ['sql', (u) => sqlPsql(u, 1)],
        ['sql-jobs2', (u) => sqlPsql(u, 2)],
      ];
      for (const [name, scenario] of scenarios) {
        if (only && !only.includes(name)) continue;
        const url = await freshDatabase(server.url);
        try {
          const r = await scenario(url);
          if (r) results.push(r);
        } finally {
          await dropDatabase(server.url, url);
        }
      }
    }
  } finally {
    server.stop();
  }
  process.stdout.write(
    `campus ${RECORDS.toLocaleString('en-US')} records, ${RUNS} run(s) per scenario, ${availableParallelism()} cores, load average at the end ${loadavg()[0]!.toFixed(1)}\n`,
  );
  for (const r of results)
    process.stdout.write(
      `${r.scenario.padEnd(62)} ${r.rows.toLocaleString('en-US').padStart(10)} rows ${r.seconds.toFixed(2).padStart(7)} s ${r.rowsPerSecond.toLocaleString('en-US').padStart(9)} rows/s` +
        ` | CPU s megagen ${r.clientCpu} server ${r.serverCpu} => ${r.cpuBoundRowsPerSecond.toLocaleString('en-US')} rows/s CPU-bound` +
        (r.peakRssMiB ? `  peak RSS ${r.peakRssMiB} MiB, at 25/50/75/100%: ${r.rssQuartilesMiB.join('/')}` : '') +
        '\n',
    );
}

await main();

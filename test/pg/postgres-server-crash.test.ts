import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { pgSkipReason, tableDigests, withClient } from './pg-test-db.js';
import { expectedRows, megagen } from './cli-helpers.js';

// A dedicated throwaway cluster (scripts/pg-test-server.sh), crashed with
// `pg_ctl stop -m immediate` while megagen is COPYing, then started again.
const SCRIPT = fileURLToPath(new URL('../../../scripts/pg-test-server.sh', import.meta.url));
const skip = pgSkipReason();
const RECORDS = '100000';
const expected = expectedRows('campus', Number(RECORDS));

let cluster: { url: string; dir: string } | undefined;

function script(...args: string[]): string {
  const r = spawnSync(SCRIPT, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg-test-server.sh ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

before(() => {
  if (skip) return;
  const out = script('start');
  const env = Object.fromEntries([...out.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
  cluster = { url: env.MEGAGEN_PG_URL!, dir: env.MEGAGEN_PG_DIR! };
});
after(() => {
  if (cluster) script('stop', cluster.dir);
});

async function chunksLoaded(url: string): Promise<number> {
  try {
    return await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM megagen_chunks WHERE table_name = 'enrollments'`)).rows[0].n);
  } catch {
    return 0;
  }
}

test('a server crashed mid-COPY fails the run in one line; after a restart --resume finishes without duplicates', { skip }, async () => {
  const args = ['run', 'campus', '--records', RECORDS, '--chunk-size', '8000', '--batch-size', '500', '--sink', cluster!.url];
  let finished = false;
  const running = megagen(args).finally(() => (finished = true));
  let crashed = false;
  while (!finished) {
    if ((await chunksLoaded(cluster!.url)) >= 2) {
      script('kill', cluster!.dir);
      crashed = true;
      break;
    }
    await sleep(10);
  }
  const run = await running;
  assert.ok(crashed, `the test crashed the server before the run ended: ${run.stderr}`);
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, /^megagen: loading enrollments chunk \d+ into postgres:\/\/\S+: .+$/m);

  script('restart', cluster!.dir);
  const partial = await withClient(cluster!.url, async (c) => {
    const ledger = await c.query(`SELECT coalesce(sum(rows), 0)::int AS n FROM megagen_chunks WHERE table_name = 'enrollments'`);
    const rows = await c.query('SELECT count(*)::int AS n FROM enrollments');
    return { ledger: ledger.rows[0].n as number, rows: rows.rows[0].n as number };
  });
  assert.equal(partial.rows, partial.ledger, 'only whole, recorded chunks survived the crash');

  const resumed = await megagen([...args, '--resume']);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /already loaded, skipped/);
  // tableDigests checks count(DISTINCT id) = count(*) for every table: no duplicates.
  const got = await tableDigests(cluster!.url, [...expected.keys()]);
  for (const [t, rows] of expected) assert.equal(got.get(t)!.rows, rows, `${t} rows`);
});

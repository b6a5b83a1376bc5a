import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, pgSkipReason, tableDigests, withClient } from './pg-test-db.js';
import { expectedRows, megagen } from './cli-helpers.js';

const skip = pgSkipReason();
const RECORDS = '100000';
const expected = expectedRows('campus', Number(RECORDS));
const TABLES = [...expected.keys()];

let killed: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let clean: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

before(async () => {
  if (skip) return;
  killed = await createTestDatabase('kill');
  clean = await createTestDatabase('clean');
});
after(async () => {
  await killed?.drop();
  await clean?.drop();
});

/** Terminates the COPY of enrollments once two of its chunks have committed. */
async function terminateMidCopy(db: string, stop: () => boolean): Promise<boolean> {
  return withClient(killed!.url, async (c) => {
    while (!stop()) {
      const r = await c.query(
        `SELECT a.pid FROM pg_stat_activity a WHERE a.datname = $1 AND a.state = 'active' AND a.query LIKE 'COPY "enrollments"%'`,
        [db],
      );
      if (r.rows.length > 0) {
        const done = await c.query(`SELECT count(*)::int AS n FROM megagen_chunks WHERE table_name = 'enrollments'`).catch(() => null);
        const loaded = (done?.rows[0].n as number | undefined) ?? 0;
        if (loaded >= 2) {
          await c.query('SELECT pg_terminate_backend($1)', [r.rows[0].pid]);
          return true;
        }
      }
      await sleep(5);
    }
    return false;
  });
}

test('a COPY killed mid-stream fails the run in one line, and --resume finishes without duplicates', { skip }, async () => {
  const args = ['run', 'campus', '--records', RECORDS, '--chunk-size', '8000', '--batch-size', '500'];
  let finished = false;
  const [run, terminated] = await Promise.all([
    megagen([...args, '--sink', killed!.url]).finally(() => (finished = true)),
    terminateMidCopy(killed!.name, () => finished),
  ]);
  assert.ok(terminated, 'the test found a COPY to terminate');
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, /^megagen: loading enrollments chunk \d+ into postgres:\/\/[^ ]+: .*(terminat|closed|ended)/);
  // Only whole chunks are in the tables: rows = the ledger's rows, nothing half-loaded.
  const partial = await withClient(killed!.url, async (c) => {
    const ledger = await c.query(`SELECT coalesce(sum(rows), 0)::int AS n, count(*)::int AS chunks FROM megagen_chunks WHERE table_name = 'enrollments'`);
    const rows = await c.query('SELECT count(*)::int AS n FROM enrollments');
    return { ledger: ledger.rows[0].n as number, chunks: ledger.rows[0].chunks as number, rows: rows.rows[0].n as number };
  });
  assert.equal(partial.rows, partial.ledger);
  assert.ok(partial.chunks >= 2 && partial.rows < expected.get('enrollments')!, JSON.stringify(partial));

  const resumed = await megagen([...args, '--sink', killed!.url, '--resume']);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /already loaded, skipped/);
  const cleanRun = await megagen([...args, '--sink', clean!.url]);
  assert.equal(cleanRun.code, 0, cleanRun.stderr);
  // tableDigests also checks count(DISTINCT id) = count(*): no duplicates.
  const got = await tableDigests(killed!.url, TABLES);
  for (const [t, rows] of expected) assert.equal(got.get(t)!.rows, rows, `${t} rows`);
  assert.deepEqual(got, await tableDigests(clean!.url, TABLES));
});

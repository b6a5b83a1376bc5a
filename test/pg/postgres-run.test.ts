import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, pgSkipReason, tableDigests, withClient } from './pg-test-db.js';
import { expectedRows, megagen } from './cli-helpers.js';
import { campusTableSpecs } from './campus-specs.js';

const skip = pgSkipReason();
const RECORDS = '100000';
const expected = expectedRows('campus', Number(RECORDS));
const TABLES = [...expected.keys()];

let a: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let b: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

before(async () => {
  if (skip) return;
  a = await createTestDatabase('run_a');
  b = await createTestDatabase('run_b');
});
after(async () => {
  await a?.drop();
  await b?.drop();
});

test('campus at 10^5 records loads through the COPY sink with the manifest row counts and every constraint', { skip }, async () => {
  const r = await megagen(['run', 'campus', '--records', RECORDS, '--sink', a!.url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^megagen: loaded 99,998 rows into postgres:\/\//);
  const digests = await tableDigests(a!.url, TABLES);
  for (const [t, rows] of expected) assert.equal(digests.get(t)!.rows, rows, `${t} rows`);
  await withClient(a!.url, async (c) => {
    const ledger = await c.query('SELECT table_name, sum(rows)::int AS rows FROM megagen_chunks GROUP BY 1');
    assert.deepEqual(new Map(ledger.rows.map((x) => [x.table_name, x.rows])), expected);
    const cons = await c.query(
      `SELECT conrelid::regclass::text AS t, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'megagen_chunks'`,
    );
    const defs = cons.rows.map((x) => `${x.t} ${x.contype} ${x.def}`);
    const nullable = await c.query(`SELECT table_name || '.' || column_name AS col, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`);
    const isNullable = new Map(nullable.rows.map((x) => [x.col, x.is_nullable === 'YES']));
    for (const spec of campusTableSpecs()) {
      assert.ok(defs.includes(`${spec.name} p PRIMARY KEY (id)`), `${spec.name} primary key`);
      for (const col of spec.columns) {
        assert.equal(isNullable.get(`${spec.name}.${col.name}`), col.nullable === true, `${spec.name}.${col.name} NOT NULL`);
        if (col.references) assert.ok(defs.includes(`${spec.name} f FOREIGN KEY (${col.name}) REFERENCES ${col.references}(id)`), `${spec.name}.${col.name} foreign key`);
        if (col.unique) assert.ok(defs.includes(`${spec.name} u UNIQUE (${col.name})`), `${spec.name}.${col.name} unique`);
      }
      for (const check of spec.checks ?? []) assert.ok(defs.includes(`${spec.name} c CHECK ((${check}))`), `${spec.name} check ${check}: ${defs.join('\n')}`);
    }
    // The checks are enforced, not decorative.
    await assert.rejects(c.query('UPDATE sections SET end_period = start_period - 1 WHERE id = 1'), /violates check constraint/);
    await assert.rejects(c.query('UPDATE enrollments SET section_id = 0 WHERE id = 1'), /violates foreign key constraint/);
    const idx = await c.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'enrollments'`);
    assert.ok(idx.rows.some((x) => x.indexname === 'enrollments_section_id_idx'), 'foreign-key index after the load');
  });
});

test('a second run into loaded tables is refused, --resume skips every chunk, --truncate reloads the same rows', { skip }, async () => {
  const before = await tableDigests(a!.url, TABLES);
  const refused = await megagen(['run', 'campus', '--records', RECORDS, '--sink', a!.url]);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  assert.match(refused.stderr, /^megagen: table "departments" in postgres:\/\/.*already holds rows; pass --truncate/);
  const resumed = await megagen(['run', 'campus', '--records', RECORDS, '--sink', a!.url, '--resume']);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /loaded 0 rows .*\(99,998 already loaded, skipped\)/);
  const other = await megagen(['run', 'campus', '--records', RECORDS, '--seed', '7', '--sink', a!.url, '--resume']);
  assert.equal(other.code, 2);
  assert.match(other.stderr, /different seed or config/);
  const truncated = await megagen(['run', 'campus', '--records', RECORDS, '--sink', a!.url, '--truncate']);
  assert.equal(truncated.code, 0, truncated.stderr);
  assert.deepEqual(await tableDigests(a!.url, TABLES), before);
});

test('the same rows load whatever the chunk size and number of COPY connections', { skip }, async () => {
  const r = await megagen(['run', 'campus', '--records', RECORDS, '--sink', b!.url, '--chunk-size', '7000', '--jobs', '2', '--batch-size', '999']);
  assert.equal(r.code, 0, r.stderr);
  const chunks = await withClient(b!.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM megagen_chunks WHERE table_name = 'enrollments'`)).rows[0].n);
  assert.equal(chunks, Math.ceil(expected.get('enrollments')! / 7000));
  assert.deepEqual(await tableDigests(b!.url, TABLES), await tableDigests(a!.url, TABLES));
});

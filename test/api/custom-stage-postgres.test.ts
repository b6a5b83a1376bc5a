import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { definePipeline, runPipeline, MegagenError } from '../../lib/index.js';
import { runToPostgres } from '../../lib/run/postgres-run.js';
import { createTestDatabase, pgSkipReason, withClient } from '../pg/pg-test-db.js';
import { Collector, parseLines } from './helpers.js';

const pipeline = definePipeline({
  name: 'stage-to-pg',
  description: 'departments with a stage column, plus a derived table',
  tables: ['departments', 'dept_codes'],
  sizing: 'campus',
  defaultRecords: 2000,
  derivedTables: [
    {
      spec: { name: 'dept_codes', columns: [{ name: 'id', type: 'int' }, { name: 'department_id', type: 'int', references: 'departments' }, { name: 'code', type: 'string' }] },
      from: 'departments',
      ratio: 2,
      row: (ctx) => ({ id: ctx.index + 1, department_id: ctx.parentIndex + 1, code: `${String(ctx.parent().code)}-${ctx.k}` }),
    },
  ],
  stages: [{ name: 'lucky', at: 'after:relations', tables: ['departments'], columns: [{ name: 'lucky', type: 'int' }], map: (row, ctx) => ({ ...row, lucky: ctx.rng().int(1, 1000) }) }],
});

describe('custom stages and derived tables reach the PostgreSQL sink', { skip: pgSkipReason() }, () => {
  it('loads the stage column and the derived table with the same values as the NDJSON run', async () => {
    const db = await createTestDatabase('stages');
    try {
      await runToPostgres(pipeline, { records: 2000, sink: db.url, chunkSize: 3 });
      const stdout = new Collector();
      await runPipeline(pipeline, { records: 2000, output: '-', stdout });
      const expected = parseLines(stdout.text());
      const got = await withClient(db.url, async (c) => ({
        departments: (await c.query('SELECT id, lucky FROM departments ORDER BY id')).rows,
        codes: (await c.query('SELECT id, department_id, code FROM dept_codes ORDER BY id')).rows,
      }));
      const want = expected.filter((r) => r._table === 'departments').map((r) => ({ id: r.id, lucky: r.lucky }));
      assert.deepEqual(got.departments.map((r: Record<string, unknown>) => ({ id: Number(r.id), lucky: Number(r.lucky) })), want);
      assert.deepEqual(
        got.codes.map((r: Record<string, unknown>) => ({ id: Number(r.id), department_id: Number(r.department_id), code: r.code })),
        expected.filter((r) => r._table === 'dept_codes').map(({ _table, ...rest }) => rest),
      );
    } finally {
      await db.drop();
    }
  });

  it('a stage that emits a non-object fails the load with its message', async () => {
    const db = await createTestDatabase('badstage');
    try {
      const bad = definePipeline({ ...pipeline, name: 'bad', tables: ['departments'], derivedTables: [], stages: [{ name: 'broken', at: 'before:serialize', map: () => 1 as never }] });
      await assert.rejects(runToPostgres(bad, { records: 2000, sink: db.url }), (e: unknown) => e instanceof MegagenError && /stage "broken" returned a number for row 0 of departments/.test(e.message));
    } finally {
      await db.drop();
    }
  });
});

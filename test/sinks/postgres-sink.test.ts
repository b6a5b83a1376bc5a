import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import pg from 'pg';
import { copyBatches } from '../../lib/sinks/postgres-sink.js';
import { createTableSql } from '../../lib/run/postgres-ddl.js';
import type { Row, TableSpec } from '../../lib/model/schema.js';
import type { Batch } from '../../lib/sources/batch.js';
import { createTestDatabase, pgSkipReason, withClient } from '../pg/pg-test-db.js';

const skip = pgSkipReason();

const spec: TableSpec = {
  name: 'hostile',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 's', type: 'string', nullable: true },
    { name: 'f', type: 'float', nullable: true },
    { name: 'b', type: 'bool', nullable: true },
    { name: 'd', type: 'date', nullable: true },
    { name: 'ts', type: 'datetime', nullable: true },
  ],
};

const STRINGS = [
  "O'Brien",
  "''; DROP TABLE hostile; --",
  'back\\slash',
  '\\N',
  '\\.',
  'ends with backslash\\',
  'tab\there',
  'new\nline',
  'cr\r\nlf',
  'bell\b form\f vtab\v',
  '"double" quotes',
  '😀 emoji, 𝄞 astral, 👩‍👩‍👧 family',
  '张伟 李娜 欧阳 Chinese',
  'Ünïcödé ñ ß',
  '',
  '   ',
  'x'.repeat(100_000),
];

let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

before(async () => {
  if (!skip) db = await createTestDatabase('sink');
});
after(async () => {
  await db?.drop();
});

function batches(rows: Row[], size: number): Readable {
  const out: Batch[] = [];
  for (let i = 0; i < rows.length; i += size) out.push({ table: spec.name, start: i, rows: rows.slice(i, i + size) });
  return Readable.from(out, { objectMode: true });
}

test('hostile strings survive a COPY round trip byte for byte', { skip }, async () => {
  const rows: Row[] = STRINGS.map((s, i) => ({ id: i + 1, s, f: i / 3, b: i % 2 === 0, d: '2024-02-29', ts: '2025-08-20T12:48:19Z' }));
  rows.push({ id: rows.length + 1, s: null, f: null, b: null, d: null, ts: null });
  await withClient(db!.url, async (c: pg.Client) => {
    await c.query(createTableSql(spec));
    await c.query('BEGIN');
    const n = await copyBatches(c, spec, batches(rows, 3));
    await c.query('COMMIT');
    assert.equal(n, rows.length);
    const r = await c.query("SELECT id, s, encode(convert_to(s, 'UTF8'), 'hex') AS hex, f, b, d::text AS d, ts FROM hostile ORDER BY id");
    assert.equal(r.rows.length, rows.length);
    for (const [i, got] of r.rows.entries()) {
      const want = rows[i]!;
      assert.equal(got.s, want.s, `row ${i + 1} text`);
      assert.equal(got.hex, want.s === null ? null : Buffer.from(want.s as string, 'utf8').toString('hex'), `row ${i + 1} bytes`);
      assert.equal(got.f, want.f);
      assert.equal(got.b, want.b);
      assert.equal(got.d, want.d);
      assert.equal(got.ts === null ? null : (got.ts as Date).toISOString(), want.ts === null ? null : '2025-08-20T12:48:19.000Z');
    }
  });
});

test('a COPY that fails mid-stream leaves nothing behind once its transaction rolls back', { skip }, async () => {
  await withClient(db!.url, async (c: pg.Client) => {
    await c.query('CREATE TABLE IF NOT EXISTS hostile2 (id bigint PRIMARY KEY, s text, f double precision, b boolean, d date, ts timestamptz)');
    const spec2 = { ...spec, name: 'hostile2' };
    const rows: Row[] = [];
    for (let i = 1; i <= 20_000; i++) rows.push({ id: i, s: `row ${i}`, f: null, b: null, d: null, ts: null });
    rows.push({ id: 5, s: 'duplicate key', f: null, b: null, d: null, ts: null });
    await c.query('BEGIN');
    await assert.rejects(copyBatches(c, spec2, batches(rows, 1000)), /duplicate key/);
    await c.query('ROLLBACK');
    const r = await c.query('SELECT count(*)::int AS n FROM hostile2');
    assert.equal(r.rows[0].n, 0);
  });
});

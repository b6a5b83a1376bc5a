import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTableSql } from '../../lib/run/postgres-ddl.js';
import type { Row, TableSpec } from '../../lib/model/schema.js';
import { createTestDatabase, pgSkipReason, withClient } from './pg-test-db.js';
import { megagen } from './cli-helpers.js';

const skip = pgSkipReason();

const parent: TableSpec = { name: 'parent', columns: [{ name: 'id', type: 'int' }, { name: 'label', type: 'string' }] };
const child: TableSpec = {
  name: 'child',
  columns: [
    { name: 'id', type: 'int' },
    { name: 'parent_id', type: 'int', references: 'parent' },
    { name: 'text', type: 'string', nullable: true },
  ],
};
const HOSTILE = ["O'Brien", 'back\\slash', 'tab\there', 'new\nline', '😀', '张伟', '', ";\n-- not a comment", null];

function literal(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  const s = String(v).replace(/'/g, "''");
  return s.includes('\\') ? `E'${s.replace(/\\/g, '\\\\')}'` : `'${s}'`;
}

function inserts(spec: TableSpec, rows: Row[]): string {
  const cols = spec.columns.map((c) => `"${c.name}"`).join(', ');
  return `INSERT INTO "${spec.name}" (${cols}) VALUES\n${rows.map((r) => `(${spec.columns.map((c) => literal(r[c.name])).join(',')})`).join(',\n')};\n`;
}

/** A --format sql style directory: manifest.json, schema.sql, gzip and plain parts. */
function makeDir(root: string, brokenChildPart = false): string {
  const dir = mkdtempSync(join(root, 'out-'));
  mkdirSync(join(dir, 'parent'));
  mkdirSync(join(dir, 'child'));
  writeFileSync(join(dir, 'schema.sql'), createTableSql(parent) + createTableSql(child));
  const parents = [1, 2, 3].map((id) => ({ id, label: `p${id}` }));
  writeFileSync(join(dir, 'parent/parent-000000-000.sql.gz'), gzipSync(inserts(parent, parents)));
  const kids = HOSTILE.map((text, i) => ({ id: i + 1, parent_id: (i % 3) + 1, text }));
  const more = [10, 11, 12].map((id) => ({ id, parent_id: brokenChildPart && id === 12 ? 99 : 2, text: `more ${id}` }));
  writeFileSync(join(dir, 'child/child-000000-000.sql'), inserts(child, kids));
  writeFileSync(join(dir, 'child/child-000001-000.sql.gz'), gzipSync(inserts(child, more)));
  const manifest = {
    schema: { path: 'schema.sql' },
    tables: {
      parent: { rows: 3, files: [{ path: 'parent/parent-000000-000.sql.gz', format: 'sql', rows: 3 }] },
      child: {
        rows: kids.length + more.length,
        files: [
          { path: 'child/child-000000-000.sql', format: 'sql', rows: kids.length },
          { path: 'child/child-000001-000.sql.gz', format: 'sql', rows: more.length },
        ],
      },
    },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

let root = '';
let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let broken: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'megagen-load-'));
  if (skip) return;
  db = await createTestDatabase('load');
  broken = await createTestDatabase('load_broken');
});
after(async () => {
  rmSync(root, { recursive: true, force: true });
  await db?.drop();
  await broken?.drop();
});

test('megagen load creates the schema, loads gzip and plain SQL parts in order, and indexes foreign keys', { skip }, async () => {
  const dir = makeDir(root);
  const r = await megagen(['load', dir, '--db', db!.url, '--jobs', '2']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^megagen: loaded 15 rows \(parent 3, child 12\) into postgres:\/\//);
  await withClient(db!.url, async (c) => {
    const rows = await c.query("SELECT text, encode(convert_to(text, 'UTF8'), 'hex') AS hex FROM child WHERE id < 10 ORDER BY id");
    assert.deepEqual(rows.rows.map((x) => x.text), HOSTILE);
    for (const [i, x] of rows.rows.entries()) if (HOSTILE[i] !== null) assert.equal(x.hex, Buffer.from(HOSTILE[i]!, 'utf8').toString('hex'));
    const idx = await c.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'child'`);
    assert.ok(idx.rows.some((x) => x.indexname === 'child_parent_id_idx'), JSON.stringify(idx.rows));
  });
  const again = await megagen(['load', dir, '--db', db!.url]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^megagen: table "parent" in postgres:\/\/\S+ already holds rows; pass --truncate to empty it\n$/);
  const truncated = await megagen(['load', dir, '--db', db!.url, '--truncate']);
  assert.equal(truncated.code, 0, truncated.stderr);
});

test('a load whose rows break a constraint fails in one line and leaves the tables empty, keys in place', { skip }, async () => {
  const dir = makeDir(root, true);
  const r = await megagen(['load', dir, '--db', broken!.url]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^megagen: the loaded rows break a foreign key in postgres:\/\/\S+: insert or update on table "child" violates foreign key constraint "child_parent_id_fkey" \(Key \(parent_id\)=\(99\) is not present in table "parent"\.\)$/m);
  await withClient(broken!.url, async (c) => {
    assert.equal((await c.query('SELECT count(*)::int AS n FROM child')).rows[0].n, 0);
    assert.equal((await c.query('SELECT count(*)::int AS n FROM parent')).rows[0].n, 0);
    const fk = await c.query(`SELECT conname FROM pg_constraint WHERE contype = 'f'`);
    assert.deepEqual(fk.rows.map((x) => x.conname), ['child_parent_id_fkey']);
  });
  // A part that breaks a CHECK or a key stops at that part, named.
  writeFileSync(join(dir, 'child/child-000001-000.sql.gz'), gzipSync('INSERT INTO "child" ("id", "parent_id", "text") VALUES (1, 1, \'duplicate id\');\n'));
  const dup = await megagen(['load', dir, '--db', broken!.url]);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /^megagen: loading \S+child-000001-000\.sql\.gz into postgres:\/\/\S+: ERROR: +duplicate key value violates unique constraint "child_pkey"\n$/);
  assert.equal(await withClient(broken!.url, async (c) => (await c.query('SELECT count(*)::int AS n FROM child')).rows[0].n), 0);
});

test('megagen load of a directory without manifest.json is a one-line error', async () => {
  const r = await megagen(['load', root, '--db', 'postgres://u:pw@127.0.0.1:1/x']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^megagen: cannot read \S+manifest\.json: no manifest\.json \(not a finished megagen output directory\)\n$/);
});

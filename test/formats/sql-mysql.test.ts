import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mysqlDialect, parseMysqlString } from '../../lib/formats/sql-dialect-mysql.js';
import { sqlDialect, sqlValue } from '../../lib/formats/sql-dialect.js';
import { compileSqlTuple, sqlBlockFormat } from '../../lib/formats/sql.js';
import { schemaSql } from '../../lib/formats/sql-schema.js';
import type { Row, TableSpec } from '../../lib/model/schema.js';
import { SqlInsertParser } from '../../lib/verify/sql-reader.js';

const CLI = fileURLToPath(new URL('../../cli/megagen.js', import.meta.url));

const HOSTILE = [
  "O'Brien",
  "''",
  'back\\slash',
  "\\'",
  'ends with backslash\\',
  'tab\there',
  'new\nline',
  'cr\r\nlf',
  'nul\u0000byte',
  'ctrl-Z \u001a',
  '"double" quotes',
  '`backtick`',
  '%_ like wildcards',
  '😀 emoji 𝄞',
  '张伟 李娜',
  '',
];

test('MySQL string literals round-trip through the MySQL escape rules', () => {
  for (const s of HOSTILE) {
    const lit = mysqlDialect.string(s);
    assert.equal(parseMysqlString(lit), s, `round trip of ${JSON.stringify(s)} via ${lit}`);
    // No raw quote, backslash-free newline or NUL survives inside the literal.
    assert.doesNotMatch(lit.slice(1, -1), /(^|[^\\])'|\n|\r|\u0000/, lit);
  }
  assert.equal(mysqlDialect.string("O'Brien"), "'O\\'Brien'");
  assert.equal(mysqlDialect.string('a\\b'), "'a\\\\b'");
  assert.equal(mysqlDialect.string('plain 张伟'), "'plain 张伟'");
});

test('MySQL identifiers are backquoted, with backquotes doubled', () => {
  assert.equal(mysqlDialect.ident('students'), '`students`');
  assert.equal(mysqlDialect.ident('we`ird'), '`we``ird`');
  assert.equal(sqlDialect('mysql'), mysqlDialect);
  assert.throws(() => sqlDialect('oracle'), /unknown SQL dialect "oracle" \(choose from: postgres, mysql\)/);
});

const spec: TableSpec = {
  name: 'people',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'email', type: 'string', unique: true },
    { name: 'kind', type: 'string', enum: ['a', 'b'] },
    { name: 'bio', type: 'string', nullable: true },
    { name: 'at', type: 'datetime' },
    { name: 'ok', type: 'bool' },
    { name: 'parent_id', type: 'int', nullable: true, references: 'people' },
  ],
  checks: ['id >= 1'],
};

test('MySQL DDL: InnoDB utf8mb4, VARCHAR for keys and enums, TEXT otherwise, constraints named per table', () => {
  const ddl = schemaSql([spec], { dialect: 'mysql' });
  assert.match(ddl, /CREATE TABLE `people` \(/);
  assert.match(ddl, /`email` VARCHAR\(255\) NOT NULL/);
  assert.match(ddl, /`kind` VARCHAR\(255\) NOT NULL/);
  assert.match(ddl, /`bio` TEXT,/);
  assert.match(ddl, /`at` DATETIME NOT NULL/);
  assert.match(ddl, /`ok` BOOLEAN NOT NULL/);
  assert.match(ddl, /CONSTRAINT `people_pkey` PRIMARY KEY \(`id`\)/);
  assert.match(ddl, /CONSTRAINT `people_parent_id_fkey` FOREIGN KEY \(`parent_id`\) REFERENCES `people` \(`id`\)/);
  assert.match(ddl, /CONSTRAINT `people_kind_check` CHECK \(`kind` IN \('a', 'b'\)\)/);
  assert.match(ddl, /\n\) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;\n/);
  assert.doesNotMatch(ddl, /"/, 'no PostgreSQL double-quoted identifiers');
});

test('MySQL INSERT rows: DATETIME without the zone designator, booleans, NULL, escaped strings; parts start with SET NAMES', () => {
  const tuple = compileSqlTuple(spec, 'mysql');
  assert.equal(
    tuple({ id: 1, email: "o'b@x", kind: 'a', bio: null, at: '2025-08-20T12:48:19Z', ok: true, parent_id: null }),
    "(1,'o\\'b@x','a',NULL,'2025-08-20 12:48:19',TRUE,NULL)",
  );
  assert.equal(sqlValue(false, mysqlDialect), 'FALSE');
  assert.equal(sqlBlockFormat(spec, { dialect: 'mysql' }).partHeader, 'SET NAMES utf8mb4;\n');
  assert.equal(sqlBlockFormat(spec).partHeader, '', 'PostgreSQL parts are unchanged');
});

test('MySQL parts with hostile strings read back through the SQL part reader (cat, verify), fed in small pieces', () => {
  const f = sqlBlockFormat(spec, { dialect: 'mysql', rowsPerInsert: 3 });
  const rows: Row[] = HOSTILE.map((s, i) => ({ id: i + 1, email: s, kind: 'a', bio: i % 2 ? null : s, at: '2025-08-20T12:48:19Z', ok: i % 2 === 0, parent_id: null }));
  let text = f.partHeader;
  rows.forEach((r, i) => (text += f.row(r, i)));
  text += f.blockEnd + f.partFooter;
  for (const piece of [1, 7, 1 << 20]) {
    const got: unknown[][] = [];
    const p = new SqlInsertParser((table, cols, values) => {
      assert.equal(table, 'people');
      assert.deepEqual(cols, spec.columns.map((c) => c.name));
      got.push(values);
    }, { backslashEscapes: true });
    for (let i = 0; i < text.length; i += piece) p.write(text.slice(i, i + piece));
    p.end();
    assert.deepEqual(
      got,
      rows.map((r) => [r.id, r.email, r.kind, r.bio, '2025-08-20 12:48:19', r.ok, null]),
      `pieces of ${piece}`,
    );
  }
});

test('megagen run --format sql --sql-dialect mysql writes MySQL schema and parts; --sql-dialect needs --format sql', () => {
  const dir = mkdtempSync(join(tmpdir(), 'megagen-mysql-'));
  try {
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [CLI, 'run', 'campus', '--records', '2000', '--format', 'sql', '--sql-dialect', 'mysql', '--compress', 'none', '-o', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(out, 'schema.sql'), 'utf8'), /^-- megagen schema \(mysql\)/);
    const part = readFileSync(join(out, 'enrollments/enrollments-000000-000.sql'), 'utf8');
    assert.match(part, /^SET NAMES utf8mb4;\nINSERT INTO `enrollments` \(`id`, /);
    assert.doesNotMatch(part, /\d\dT\d\d:\d\d:\d\dZ/);
    const verify = spawnSync(process.execPath, [CLI, 'verify', out], { encoding: 'utf8' });
    assert.equal(verify.status, 0, verify.stderr);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.config.sqlDialect, 'mysql');
    const load = spawnSync(process.execPath, [CLI, 'load', out, '--db', 'postgres://u@127.0.0.1:1/x'], { encoding: 'utf8' });
    assert.equal(load.status, 2);
    assert.match(load.stderr, /holds mysql SQL \(--sql-dialect mysql\); megagen load loads PostgreSQL SQL/);
    const bad = spawnSync(process.execPath, [CLI, 'run', 'campus', '--records', '2000', '--sql-dialect', 'mysql', '-o', join(dir, 'x')], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^megagen: --sql-dialect needs --format sql \(got --format ndjson\)\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

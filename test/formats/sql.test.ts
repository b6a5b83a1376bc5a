import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSqlTuple, sqlBlockFormat, sqlInsertPrefix } from '../../lib/formats/sql.js';
import { schemaSql } from '../../lib/formats/sql-schema.js';
import { SqlInsertParser } from '../../lib/verify/sql-reader.js';
import { BlockBuilder, type RawBlock } from '../../lib/formats/block-builder.js';
import { createCampusModel, CAMPUS_TABLES } from '../../lib/index.js';
import { HOSTILE, hostileRows, hostileSpec } from './hostile.js';
import type { Row } from '../../lib/model/schema.js';

test('SQL string literals survive O\'Brien, backslashes, emoji, newlines and Chinese', () => {
  const tuple = compileSqlTuple(hostileSpec);
  const lit = (s: string) => tuple({ id: 1, name: s, note: null, score: null, active: true, born: '2000-01-01' }).split(',')[1];
  assert.equal(lit("O'Brien"), "'O''Brien'");
  assert.equal(lit('王小明'), "'王小明'");
  assert.equal(lit('emoji 🎓'), "'emoji 🎓'");
  assert.equal(lit('a\nb'), "'a\nb'");
  // A backslash is doubled in an E'' literal: the same text whatever standard_conforming_strings says.
  assert.equal(lit('back\\slash'), "E'back\\\\slash'");
  assert.equal(tuple(hostileRows[0]!), `(1,'O''Brien',NULL,NULL,TRUE,'2000-01-10')`);
});

test('INSERT statements hold at most 1000 rows and parse back to the same values', () => {
  const many: Row[] = Array.from({ length: 2500 }, (_, i) => ({ ...hostileRows[i % hostileRows.length]!, id: i + 1 }));
  const blocks: RawBlock[] = [];
  const b = new BlockBuilder(sqlBlockFormat(hostileSpec), 1 << 20);
  b.add(many, blocks);
  b.finish(blocks);
  const text = blocks.map((x) => x.buf.toString('utf8')).join('');
  const statements = text.split(sqlInsertPrefix(hostileSpec)).slice(1);
  assert.equal(statements.length, 3);
  const got: unknown[][] = [];
  const p = new SqlInsertParser((table, cols, values) => {
    assert.equal(table, 'people');
    assert.deepEqual(cols, hostileSpec.columns.map((c) => c.name));
    got.push(values);
  });
  for (let i = 0; i < text.length; i += 5) p.write(text.slice(i, i + 5));
  p.end();
  assert.equal(got.length, many.length);
  got.forEach((v, i) => assert.deepEqual(v, hostileSpec.columns.map((c) => many[i]![c.name]), `row ${i + 1}`));
  assert.deepEqual(new Set(got.map((v) => v[1])), new Set(HOSTILE));
});

test('the SQL reader reads MySQL text back: backquotes, backslash escapes, SET NAMES', () => {
  const blocks: RawBlock[] = [];
  const b = new BlockBuilder(sqlBlockFormat(hostileSpec, { dialect: 'mysql' }), 1 << 20);
  b.add(hostileRows, blocks);
  b.finish(blocks);
  const text = 'SET NAMES utf8mb4;\n' + blocks.map((x) => x.buf.toString('utf8')).join('');
  assert.match(text, /INSERT INTO `people` \(`id`, `name`/);
  const got: unknown[][] = [];
  const p = new SqlInsertParser((_t, _c, values) => got.push(values), { backslashEscapes: true });
  for (let i = 0; i < text.length; i += 3) p.write(text.slice(i, i + 3));
  p.end();
  assert.deepEqual(got, hostileRows.map((r) => hostileSpec.columns.map((c) => r[c.name])));
});

test('schema.sql has primary keys, foreign keys, NOT NULL and CHECK constraints in dependency order', () => {
  const model = createCampusModel({ seed: 1, target: { records: 10_000 }, locale: 'en' });
  const sql = schemaSql(model.tables.map((t) => t.spec), { dialect: 'postgres' });
  const creates = [...sql.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(creates, [...CAMPUS_TABLES]);
  assert.match(sql, /CONSTRAINT "students_pkey" PRIMARY KEY \("id"\)/);
  assert.match(sql, /CONSTRAINT "enrollments_section_id_fkey" FOREIGN KEY \("section_id"\) REFERENCES "sections" \("id"\)/);
  assert.match(sql, /CONSTRAINT "courses_prerequisite_course_id_fkey" FOREIGN KEY/);
  assert.match(sql, /"prerequisite_course_id" bigint,\n/, 'nullable column has no NOT NULL');
  assert.match(sql, /"student_no" text NOT NULL/);
  assert.match(sql, /CHECK \("week_parity" IN \('all', 'odd', 'even'\)\)/);
  assert.match(sql, /CHECK \("score" BETWEEN 0 AND 100\)/);
  assert.match(sql, /CHECK \(start_period <= end_period\)/);
  assert.match(sql, /CONSTRAINT "students_email_key" UNIQUE \("email"\)/);
  const alone = schemaSql([model.table('students').spec]);
  assert.doesNotMatch(alone, /REFERENCES/);
  assert.match(alone, /-- students\.department_id references departments, which this output does not hold/);
});

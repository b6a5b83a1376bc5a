import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNdjson, runToBuffer, splitByTable } from '../helpers/generate.js';
import { runCli, linesOf } from '../helpers/cli.js';

const ASCII_EMAIL = /^[\x21-\x7e]+@[a-z0-9.-]+\.[a-z]+$/;
const HAN = /\p{Script=Han}/u;

test('--locale zh_CN gives Chinese names, family name first, and ASCII e-mails', async () => {
  const tables = splitByTable(parseNdjson(await runToBuffer('campus', { records: 20_000, locale: 'zh_CN' })));
  for (const table of ['students', 'teachers']) {
    const rows = tables.get(table)!;
    assert.ok(rows.length > 0);
    let han = 0;
    for (const row of rows) {
      assert.match(row.email as string, ASCII_EMAIL, `${table} ${String(row.id)} e-mail`);
      if (HAN.test(row.name as string)) han++;
      assert.ok(!/\s/.test(row.name as string), `${table} ${String(row.id)}: a Chinese name has no space: ${String(row.name)}`);
    }
    assert.equal(han, rows.length, `${table}: every name is in Chinese characters`);
  }
  assert.ok(tables.get('courses')!.some((r) => HAN.test(r.name as string)), 'course names are Chinese');
  assert.ok(tables.get('departments')!.every((r) => HAN.test(r.name as string)), 'department names are Chinese');
});

test('megagen run students --locale zh_CN -o - works from the CLI and differs from en', () => {
  const zh = runCli(['run', 'students', '--records', '300', '--locale', 'zh_CN', '-o', '-']);
  assert.equal(zh.status, 0, zh.stderr);
  const rows = linesOf(zh.stdout).map((l) => JSON.parse(l) as Record<string, string>);
  assert.equal(rows.length, 300);
  for (const row of rows) {
    assert.match(row.email!, ASCII_EMAIL);
    assert.match(row.name!, HAN);
    assert.match(row.phone!, /^1\d{10}$/, 'a mainland mobile number');
  }
  const en = runCli(['run', 'students', '--records', '300', '-o', '-']);
  assert.notEqual(en.stdout, zh.stdout);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCsv, csvHeader } from '../../lib/formats/csv.js';
import { CsvParser } from '../../lib/verify/csv-reader.js';
import { hostileRows, hostileSpec } from './hostile.js';

/**
 * An independent RFC 4180 reader for the test: a regular expression over the
 * whole text, nothing shared with megagen's writer or reader.
 */
function parseCsvIndependently(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let fields: (string | null)[] = [];
  const re = /(?:"((?:[^"]|"")*)"|([^",\r\n]*))(,|\r\n|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2] === '' ? null : m[2]!);
    if (m[3] !== ',') {
      records.push(fields);
      fields = [];
      if (m[3] === '') break;
    }
  }
  return records;
}

const cell = (v: unknown): string | null => (v === null ? null : String(v));

test('CSV quotes commas, quotes, CR and LF (RFC 4180), keeps null apart from the empty string', () => {
  const line = compileCsv(hostileSpec);
  const text = csvHeader(hostileSpec) + hostileRows.map(line).join('');
  const parsed = parseCsvIndependently(text);
  assert.deepEqual(parsed[0], hostileSpec.columns.map((c) => c.name));
  assert.equal(parsed.length, hostileRows.length + 1);
  hostileRows.forEach((row, i) => {
    assert.deepEqual(parsed[i + 1], hostileSpec.columns.map((c) => cell(row[c.name])), `row ${i + 1}`);
  });
  assert.ok(text.includes('"O\'Brien"') === false && text.includes("O'Brien"), 'a single quote needs no CSV quoting');
  assert.ok(text.includes('"comma, ""quoted"" and \'single\'"'));
});

test("megagen's own CSV reader gives the same records, fed in pieces of any size", () => {
  const line = compileCsv(hostileSpec);
  const text = csvHeader(hostileSpec) + hostileRows.map(line).join('');
  const expected = parseCsvIndependently(text);
  for (const piece of [1, 2, 3, 7, 64, text.length]) {
    const got: (string | null)[][] = [];
    const p = new CsvParser((f) => got.push(f));
    for (let i = 0; i < text.length; i += piece) p.write(text.slice(i, i + piece));
    p.end();
    assert.deepEqual(got, expected, `pieces of ${piece}`);
  }
});

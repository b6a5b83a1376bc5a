import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCopyText, copyEscape, copyValue, parseCopyLine, COPY_NULL } from '../../lib/formats/copy-text.js';
import type { TableSpec } from '../../lib/model/schema.js';

const spec: TableSpec = {
  name: 't',
  columns: [
    { name: 'id', type: 'int' },
    { name: 's', type: 'string', nullable: true },
    { name: 'f', type: 'float', nullable: true },
    { name: 'b', type: 'bool', nullable: true },
    { name: 'd', type: 'date', nullable: true },
    { name: 'ts', type: 'datetime', nullable: true },
  ],
};

const HOSTILE = [
  "O'Brien",
  'back\\slash',
  '\\N',
  'tab\there',
  'new\nline',
  'cr\r\nlf',
  'bell\b form\f vtab\v',
  '"double" quotes',
  '😀 emoji, 𝄞 astral',
  '张伟 李娜 Chinese',
  '',
  ' leading and trailing ',
  '\\.',
  'ends with backslash\\',
];

test('copy text escapes backslash, tab, newline, carriage return and the other C0 escapes', () => {
  assert.equal(copyEscape('a\\b'), 'a\\\\b');
  assert.equal(copyEscape('a\tb\nc\rd'), 'a\\tb\\nc\\rd');
  assert.equal(copyEscape('\b\f\v'), '\\b\\f\\v');
  assert.equal(copyEscape("O'Brien 张伟 😀"), "O'Brien 张伟 😀");
  assert.equal(copyEscape('\\N'), '\\\\N');
});

test('copy text writes NULL as \\N, booleans as t/f and numbers as JavaScript prints them', () => {
  const line = compileCopyText(spec);
  assert.equal(line({ id: 1, s: null, f: undefined, b: null, d: null, ts: null }), `1\t${COPY_NULL}\t${COPY_NULL}\t${COPY_NULL}\t${COPY_NULL}\t${COPY_NULL}\n`);
  assert.equal(line({ id: 2, s: 'x', f: 1.5, b: true, d: '2024-02-29', ts: '2025-08-20T12:48:19Z' }), '2\tx\t1.5\tt\t2024-02-29\t2025-08-20T12:48:19Z\n');
  assert.equal(line({ id: 3, s: 'y', f: -0.25, b: false, d: null, ts: null }).split('\t')[3], 'f');
  assert.equal(copyValue(Number.NaN, 'float'), 'NaN');
  assert.equal(copyValue(Number.POSITIVE_INFINITY, 'float'), 'Infinity');
  assert.equal(copyValue(12n, 'int'), '12');
  assert.equal(copyValue(new Date('2024-01-02T03:04:05Z'), 'date'), '2024-01-02');
  assert.equal(copyValue({ a: 'b\tc' }, 'string'), '{"a":"b\\\\tc"}');
});

test('a value of the wrong type still serialises (numbers in a string column, strings in an int column)', () => {
  const line = compileCopyText(spec);
  assert.equal(line({ id: '7', s: 42, f: 'x\ty', b: 'yes', d: null, ts: null }), `7\t42\tx\\ty\tyes\t${COPY_NULL}\t${COPY_NULL}\n`);
});

test('hostile strings round-trip through the COPY text line and its parser', () => {
  const line = compileCopyText(spec);
  for (const s of HOSTILE) {
    const text = line({ id: 1, s, f: null, b: null, d: null, ts: null });
    assert.equal(text.split('\n').length, 2, `one line for ${JSON.stringify(s)}`);
    assert.equal(text.split('\t').length, spec.columns.length, `one field for ${JSON.stringify(s)}`);
    assert.deepEqual(parseCopyLine(text.slice(0, -1)), ['1', s, null, null, null, null]);
  }
});

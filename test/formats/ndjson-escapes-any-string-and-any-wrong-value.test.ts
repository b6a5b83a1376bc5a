import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileNdjson, Rng, type TableSpec } from '../../lib/index.js';
import { randomUtf16 } from './hostile.js';

const spec: TableSpec = {
  name: 't',
  columns: [
    { name: 'id', type: 'int' },
    { name: 's', type: 'string' },
    { name: 'n', type: 'string', nullable: true },
    { name: 'f', type: 'float' },
    { name: 'b', type: 'bool' },
    { name: 'd', type: 'date' },
  ],
};

const tricky = [
  '', 'plain', 'quote " inside', 'back\\slash', '\\"', 'new\nline', 'tab\t', 'cr\r', '\u0000nul', '\u001f', '\u007f del',
  '\u2028 line sep \u2029', 'é ü ß', '王小明', '😀 emoji', '\ud83d lone high', 'lone low \ude00', '\ude00\ud83d reversed', '</script>', '{"json":1}',
];

test('a string column escapes any string so that the line parses back to it', () => {
  const line = compileNdjson(spec);
  for (const s of tricky) {
    const out = line({ id: 1, s, n: s, f: 1.5, b: true, d: s });
    assert.ok(out.endsWith('}\n') && out.indexOf('\n') === out.length - 1, `one line for ${JSON.stringify(s)}`);
    const back = JSON.parse(out) as Record<string, unknown>;
    assert.equal(back.s, s);
    assert.equal(back.n, s);
    assert.equal(back.d, s);
    assert.equal(out, JSON.stringify({ id: 1, s, n: s, f: 1.5, b: true, d: s }) + '\n');
  }
});

test('random strings over all of UTF-16 parse back to themselves', () => {
  const line = compileNdjson(spec);
  const rng = new Rng().at(1, 2, 3);
  for (let k = 0; k < 5000; k++) {
    const s = randomUtf16(rng);
    const out = line({ id: k, s, n: null, f: 0, b: false, d: '2020-01-01' });
    assert.equal((JSON.parse(out) as { s: string }).s, s, JSON.stringify(s));
  }
});

test('values of the wrong type still give valid JSON, as JSON.stringify would write them', () => {
  const line = compileNdjson(spec);
  const odd: unknown[] = [undefined, null, NaN, Infinity, -Infinity, -0, 12n, 'text', 1.25, true, { a: 1 }, [1, 'x'], new Date(0)];
  for (const v of odd) {
    const row = { id: v, s: v, n: v, f: v, b: v, d: v };
    const out = line(row);
    let back: unknown;
    assert.doesNotThrow(() => (back = JSON.parse(out)), `value ${String(v)}: ${out}`);
    assert.deepStrictEqual(Object.keys(back as object), ['id', 's', 'n', 'f', 'b', 'd']);
    if (typeof v !== 'bigint' && v !== undefined) assert.equal(out, JSON.stringify(row) + '\n', String(v));
  }
});

test('a float column with min, max and scale writes any value exactly as JSON.stringify does', () => {
  const f: TableSpec = { name: 'g', columns: [{ name: 'gpa', type: 'float', min: 0, max: 4, scale: 2 }] };
  const line = compileNdjson(f, { trusted: true });
  const values = [0, 4, 0.01, 3.99, 2.5, 1.1, 0.3, 0.1 + 0.2, 3.14159, -0.01, 4.01, 1e-7, -0, 100, 2.675, 1.005];
  for (let k = 0; k <= 400; k++) values.push(k / 100, Math.round(k) / 100 + 1e-12);
  for (const v of values) assert.equal(line({ gpa: v }), `{"gpa":${JSON.stringify(v)}}\n`, String(v));
});

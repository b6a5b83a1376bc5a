import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileNdjson, Rng, type Row, type TableSpec } from '../../lib/index.js';
import { compileNdjsonBytes } from '../../lib/formats/ndjson-bytes.js';
import { SERIALIZER_OPTIONS, presetTableRows } from '../helpers/generate.js';
import { presets } from '../../pipelines/index.js';
import { hostileRows, hostileSpec, randomUtf16 } from './hostile.js';

// The byte writer is a second implementation of the NDJSON line: its bytes
// must equal the UTF-8 of compileNdjson's string for every row, with and
// without trust and the "_table" prefix, whatever the buffer's size.

function bytesOf(spec: TableSpec, row: Row, options: { trusted?: boolean; tableField?: boolean }, size = 1 << 16): string {
  const write = compileNdjsonBytes(spec, options);
  let buf = Buffer.alloc(Math.max(size, write.reserve));
  let end = write(row, buf, 0);
  while (end < 0) {
    buf = Buffer.alloc(buf.length * 2);
    end = write(row, buf, 0);
  }
  return buf.toString('utf8', 0, end);
}

for (const name of presets.keys()) {
  for (const locale of ['en', 'zh_CN']) {
    test(`${name} (${locale}): the byte writer writes every line exactly as compileNdjson does`, () => {
      for (const { table, spec, rows } of presetTableRows(name, locale)) {
        for (const options of SERIALIZER_OPTIONS) {
          const label = `${table} (trusted ${options.trusted}, tableField ${options.tableField})`;
          const line = compileNdjson(spec, options);
          const write = compileNdjsonBytes(spec, options);
          const buf = Buffer.alloc(1 << 20);
          let off = 0;
          let expected = '';
          for (const row of rows) {
            if (buf.length - off < write.reserve + 4096) {
              assert.equal(buf.toString('utf8', 0, off), expected, label);
              off = 0;
              expected = '';
            }
            off = write(row, buf, off);
            assert.ok(off > 0);
            expected += line(row);
          }
          assert.equal(buf.toString('utf8', 0, off), expected, label);
        }
      }
    });
  }
}

test('hostile strings and values of the wrong type give the same bytes as the string serializer', () => {
  const odd: unknown[] = [undefined, null, NaN, Infinity, -Infinity, -0, 0, 7, -5, 2 ** 32, 2 ** 32 - 1, 2 ** 53, 1e21, 0.1, 12.345, 'text', '12', true, false, { a: 'é' }, [1, '王'], new Date(0)];
  const rows: Row[] = [...hostileRows];
  for (const v of odd) rows.push({ id: v, name: v, note: v, score: v, active: v, born: v });
  for (const s of ['\ud83d lone high', 'lone low \ude00', '\u0000\u001f\u007f', '\u2028\u2029', 'x'.repeat(70_000), '王'.repeat(30_000)]) {
    rows.push({ id: 1, name: s, note: s, score: 1.5, active: true, born: s });
  }
  for (const trusted of [false, true]) {
    for (const tableField of [false, true]) {
      const line = compileNdjson(hostileSpec, { trusted, tableField });
      for (const row of rows) assert.equal(bytesOf(hostileSpec, row, { trusted, tableField }, 64), line(row), JSON.stringify(row).slice(0, 80));
    }
  }
});

test('a line that does not fit returns -1 and leaves room to retry, never writing past the buffer', () => {
  const write = compileNdjsonBytes(hostileSpec);
  const row = { id: 1, name: 'y'.repeat(1000), note: null, score: 2.5, active: false, born: '2001-01-01' };
  const buf = Buffer.alloc(write.reserve + 200, 0x2a);
  const guard = Buffer.alloc(64, 0x2a);
  const big = Buffer.concat([buf, guard]);
  assert.equal(write(row, big.subarray(0, buf.length), 0), -1);
  assert.ok(big.subarray(buf.length).equals(guard));
  assert.equal(bytesOf(hostileSpec, row, {}, 64), compileNdjson(hostileSpec)(row));
});

test('random strings over all of UTF-16 round-trip through the byte writer', () => {
  const spec: TableSpec = { name: 't', columns: [{ name: 'id', type: 'int' }, { name: 's', type: 'string' }] };
  const line = compileNdjson(spec);
  const rng = new Rng().at(4, 5, 6);
  for (let k = 0; k < 5000; k++) {
    const s = randomUtf16(rng);
    assert.equal(bytesOf(spec, { id: k, s }, {}), line({ id: k, s }), JSON.stringify(s));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteStrings } from '../../lib/formats/byte-strings.js';
import { compileConstant, writeDigits } from '../../lib/formats/byte-encode.js';

// The byte writers' building blocks store whole 32-bit words and may write up
// to 3 bytes past what they return; what follows is written over them.

const VALUES = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'Zoë', '王小明', 'say "hi"\\', 'tab\there', '\u0001', '😀'];

test('ByteStrings puts each value as the contents of its JSON string, at any offset', () => {
  const table = new ByteStrings(VALUES);
  assert.equal(table.length, VALUES.length);
  assert.equal(table.maxBytes, Math.max(...VALUES.map((v) => Buffer.byteLength(JSON.stringify(v).slice(1, -1)))));
  for (let off = 0; off < 5; off++) {
    VALUES.forEach((v, i) => {
      const buf = Buffer.alloc(64, 0x2e);
      const end = table.put(new DataView(buf.buffer, buf.byteOffset, buf.length), off, i);
      const want = JSON.stringify(v).slice(1, -1);
      assert.equal(buf.toString('utf8', off, end), want, `value ${i} at ${off}`);
      assert.equal(buf.subarray(0, off).toString('latin1'), '.'.repeat(off), 'nothing before the offset is touched');
    });
  }
});

test('compileConstant writes its bytes and returns the offset after them (lengths 0-9)', () => {
  for (let n = 0; n < 10; n++) {
    const bytes = Buffer.from('{"x":"yz"'.slice(0, n));
    const write = compileConstant(bytes);
    const buf = Buffer.alloc(32, 0x2e);
    const end = write(new DataView(buf.buffer, buf.byteOffset, buf.length), 3);
    assert.equal(end, 3 + n);
    assert.ok(buf.subarray(3, end).equals(bytes));
    assert.equal(buf.subarray(0, 3).toString('latin1'), '...');
  }
});

test('writeDigits writes exactly width digits, zero-padded', () => {
  const buf = Buffer.alloc(16);
  for (const [n, width] of [[0, 1], [7, 1], [0, 6], [42, 6], [999_999, 6], [123_456_789, 10], [4_294_967_295, 10], [5, 2], [59, 2]] as const) {
    const end = writeDigits(buf, 1, n, width);
    assert.equal(end, 1 + width);
    assert.equal(buf.toString('latin1', 1, end), String(n).padStart(width, '0'));
  }
});

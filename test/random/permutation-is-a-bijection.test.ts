import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MegagenError, Permutation } from '../../lib/index.js';

for (const n of [1, 2, 3, 7, 1000, 4097, 65_536, 100_003]) {
  test(`Permutation(${n}) maps [0, ${n}) onto itself one-to-one and inverse undoes forward`, () => {
    for (const key of [0, 1, 0xdeadbeef]) {
      const p = new Permutation(n, key);
      const seen = new Uint8Array(n);
      for (let x = 0; x < n; x++) {
        const y = p.forward(x);
        assert.ok(Number.isInteger(y) && y >= 0 && y < n, `forward(${x}) = ${y} outside [0, ${n})`);
        assert.equal(seen[y], 0, `forward(${x}) = ${y} was already hit`);
        seen[y] = 1;
        assert.equal(p.inverse(y), x, `inverse(forward(${x}))`);
      }
    }
  });
}

test('a permutation of a large domain round-trips on sampled values', () => {
  for (const n of [10_000_000, 2 ** 40 + 17]) {
    const p = new Permutation(n, 42);
    for (let k = 0; k < 2000; k++) {
      const x = Math.floor((k * 0.6180339887498949 % 1) * n);
      const y = p.forward(x);
      assert.ok(y >= 0 && y < n);
      assert.equal(p.inverse(y), x);
      assert.equal(p.forward(p.inverse(x)), x);
    }
  }
});

test('different keys give different permutations, the same key the same one', () => {
  const a = new Permutation(1000, 1);
  const b = new Permutation(1000, 2);
  const a2 = new Permutation(1000, 1);
  let differ = 0;
  for (let x = 0; x < 1000; x++) {
    if (a.forward(x) !== b.forward(x)) differ++;
    assert.equal(a.forward(x), a2.forward(x));
  }
  assert.ok(differ > 900, `only ${differ} of 1000 values differ between keys`);
});

test('a permutation scrambles: few values stay in place and neighbours spread apart', () => {
  const n = 100_000;
  const p = new Permutation(n, 7);
  let fixed = 0;
  let near = 0;
  for (let x = 0; x < n; x++) {
    if (p.forward(x) === x) fixed++;
    if (x > 0 && Math.abs(p.forward(x) - p.forward(x - 1)) < 10) near++;
  }
  assert.ok(fixed < 20, `${fixed} fixed points`);
  assert.ok(near < 100, `${near} neighbours stay within 10`);
});

test('a permutation of an invalid size is a MegagenError', () => {
  for (const n of [0, -1, 1.5, NaN, 2 ** 53]) {
    assert.throws(() => new Permutation(n, 1), (err: unknown) => err instanceof MegagenError && err.code === 'ERR_INVALID_OPTION', `size ${n}`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MegagenError, Rng, WeightedPicker, streamId, zipfWeights } from '../../lib/index.js';
import { chiSquare, chiSquareCritical001 } from '../helpers/stats.js';

const DRAWS = 300_000;

function frequencies(weights: number[], seed: number): number[] {
  const picker = new WeightedPicker(weights.map((_, i) => i), weights);
  const rng = new Rng().at(seed, streamId('test.weighted'), weights.length);
  const counts = new Array<number>(weights.length).fill(0);
  for (let i = 0; i < DRAWS; i++) counts[picker.pick(rng)]!++;
  return counts;
}

function assertFollows(weights: number[], seed: number, what: string): void {
  const counts = frequencies(weights, seed);
  const total = weights.reduce((a, b) => a + b, 0);
  const expected = weights.map((w) => (DRAWS * w) / total);
  const df = weights.filter((w) => w > 0).length - 1;
  const x = chiSquare(counts, expected);
  assert.ok(x < chiSquareCritical001(Math.max(1, df)), `${what}: chi-square ${x.toFixed(1)} (df ${df})`);
}

const cases: [string, number[]][] = [
  ['two unequal weights', [1, 3]],
  ['title weights of the teachers table', [0.2, 0.3, 0.2, 0.3]],
  ['Zipf(1) over 500 names', zipfWeights(500, 1)],
  ['Zipf(0.7) over 3000 names', zipfWeights(3000, 0.7)],
  ['a steep ramp', Array.from({ length: 50 }, (_, i) => (i + 1) ** 2)],
  ['equal weights', new Array(37).fill(2.5)],
];

for (const [name, weights] of cases) {
  test(`WeightedPicker frequencies follow the weights: ${name}`, () => assertFollows(weights, 2026, name));
}

test('a value of weight zero is never picked', () => {
  const counts = frequencies([0, 5, 0, 1, 0], 9);
  assert.equal(counts[0], 0);
  assert.equal(counts[2], 0);
  assert.equal(counts[4], 0);
  assertFollows([0, 5, 0, 1, 0], 9, 'zeros');
});

test('a single value is always picked', () => {
  assert.deepStrictEqual(frequencies([3], 1), [DRAWS]);
});

test('bad weights are a MegagenError naming the problem', () => {
  for (const [values, weights] of [[[], []], [[1, 2], [1]], [[1], [-1]], [[1], [NaN]], [[1, 2], [0, 0]], [[1], [Infinity]]] as [number[], number[]][]) {
    assert.throws(() => new WeightedPicker(values, weights), (err: unknown) => err instanceof MegagenError && err.code === 'ERR_INVALID_OPTION', JSON.stringify(weights));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CampusPlan, hashKey2 } from '../../lib/index.js';
import { hashPrefix, hashSub } from '../../lib/random/hash.js';
import { MAX_PICKS } from '../../lib/model/campus-plan.js';
import { gradePoints, scoreKey, scoreOfPick, semesterOneScore } from '../../lib/model/grades.js';
import { zeroPad } from '../../lib/model/digits.js';

// The hot loops use stepped or precomputed forms of these functions; each must
// give exactly the values of its plain definition, or generated data changes.

test('picksOf steps through the same sections as pickSection for every pick', () => {
  for (const students of [8, 1000, 123_457]) {
    const plan = new CampusPlan(7, { students });
    const out = new Int32Array(MAX_PICKS);
    for (let u = 0; u < plan.S; u += u < 2000 ? 1 : 97) {
      plan.picksOf(u, MAX_PICKS, out);
      for (let m = 0; m < MAX_PICKS; m++) assert.equal(out[m], plan.pickSection(u, m), `u=${u} m=${m} S=${students}`);
    }
  }
});

test('hashSub(hashPrefix(...)) is hashKey2, including keys above 2^32', () => {
  for (const key of [0, 1, 12_345, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 3]) {
    for (const sub of [0, 1, 4, 0xffff]) assert.equal(hashSub(hashPrefix(99, 5, key), sub), hashKey2(99, 5, key, sub));
  }
});

test('scoreOfPick from a scoreKey is semesterOneScore', () => {
  for (let u = 0; u < 3000; u++) {
    const key = scoreKey(3, u);
    for (let m = 0; m < MAX_PICKS; m++) {
      assert.equal(scoreOfPick(key, m, false), semesterOneScore(3, u, m, false));
      assert.equal(scoreOfPick(key, m, true), semesterOneScore(3, u, m, true));
    }
  }
});

test('gradePoints follows the 4.0 scale at every boundary, table or not', () => {
  const expected: [number, number][] = [[100, 4], [90, 4], [89, 3.7], [85, 3.7], [84, 3.3], [82, 3.3], [81, 3], [78, 3], [77, 2.7], [75, 2.7], [74, 2.3], [72, 2.3], [71, 2], [68, 2], [67, 1.5], [64, 1.5], [63, 1], [60, 1], [59, 0], [0, 0]];
  for (const [score, points] of expected) assert.equal(gradePoints(score), points, `score ${score}`);
  assert.equal(gradePoints(89.5), 3.7);
  assert.equal(gradePoints(120), 4);
});

test('zeroPad is String#padStart for every width 0..13 and numbers up to 10^12', () => {
  const ns = [0, 1, 9, 10, 99, 100, 9999, 10_000, 99_999, 123_456, 9_999_999, 10_000_000, 99_999_999, 1e8, 123_456_789, 1e9, 1e11, 1e12 - 1, 1e12, 3.5];
  for (let k = 1; k < 12; k++) ns.push(Math.floor(10 ** k * 0.7317));
  for (const n of ns) {
    for (let w = 0; w <= 13; w++) assert.equal(zeroPad(n, w), String(n).padStart(w, '0'), `zeroPad(${n}, ${w})`);
  }
});

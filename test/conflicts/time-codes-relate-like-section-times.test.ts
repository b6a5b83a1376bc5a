import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CampusPlan, TIME_CODES, newSectionTime, timeOfCode, type SectionTime } from '../../lib/model/campus-plan.js';
import { codeRelation, pairRelation, REL_COMPLEX, REL_DECOY_ADJACENT, REL_DECOY_WEEKS, REL_MEDIUM, REL_NONE, REL_SIMPLE } from '../../lib/conflicts/overlap.js';

const REL = { simple: REL_SIMPLE, medium: REL_MEDIUM, complex: REL_COMPLEX, 'decoy-weeks': REL_DECOY_WEEKS, 'decoy-adjacent': REL_DECOY_ADJACENT } as const;

// The injector compares section times by code through a precomputed table:
// for every two codes it must say what pairRelation says of the two times.
test('codeRelation agrees with pairRelation for every two time codes', () => {
  const a = newSectionTime();
  const b = newSectionTime();
  for (let x = 0; x < TIME_CODES; x++) {
    timeOfCode(x, a);
    for (let y = 0; y < TIME_CODES; y++) {
      timeOfCode(y, b);
      const rel = pairRelation(a, b);
      assert.equal(codeRelation(x, y), rel === null ? REL_NONE : REL[rel], `codes ${x} and ${y}`);
    }
  }
});

test('every section time is a valid time of its slot, and codes are distinct times', () => {
  const cp = new CampusPlan(5, { records: 50_000 });
  const seen = new Map<string, number>();
  for (let sem = 0; sem < 2; sem++) {
    for (let j = 0; j < cp.P; j++) {
      const code = cp.timeCode(sem, j);
      assert.ok(code >= 0 && code < TIME_CODES);
      const t: SectionTime = cp.sectionTime(sem, j, newSectionTime());
      assert.equal(t.day, ((j % 25) % 5) + 1, 'day of the slot');
      assert.ok(t.start <= t.end && t.end - t.start <= 2 && t.start >= 1 && t.end <= 12);
      assert.ok(['1-16 all', '1-8 all', '9-16 all', '1-16 odd', '1-16 even'].includes(`${t.weekStart}-${t.weekEnd} ${t.parity}`));
      const key = JSON.stringify(t);
      assert.equal(seen.get(key) ?? code, code, `one code per time (${key})`);
      seen.set(key, code);
    }
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { allFakers } from '@faker-js/faker';
import { getPools } from '../../lib/index.js';

// Golden hashes of the value pools, recorded with @faker-js/faker 10.6.0
// (re-recorded 2026-11-27: the Feistel permutation that orders the rarer
// names now uses the smallest bit width, odd widths included).
//
// A faker upgrade (or an edit of lib/pools/) that changes any pooled value
// changes every name in the generated data, so it must be a deliberate
// decision, never an accident of `npm update`. When this test fails:
//   1. look at what changed (the sample values below, `git diff package-lock.json`);
//   2. if the change is wanted, print the new hashes with
//        npx tsc -p . && node -e "import('./dist/lib/index.js').then(m => { for (const l of m.LOCALES) console.log(l, m.getPools(l).hash) })"
//      and the faker fingerprints with the same loop over fingerprint() below,
//      paste them here, regenerate the golden outputs (`npm run golden:update`)
//      and say so in the commit message and the changelog.
const GOLDEN: Record<string, { poolsHash: string; fakerFingerprint: string; lastNames: number; firstFive: string[] }> = {
  en: {
    poolsHash: 'c662ab60abbf99fd2d05fb8297e4d4d68f14e504fe7387aa83efce62b7ec1fbb',
    fakerFingerprint: 'c38f6f63008aa8f7261f1b7aef97f66ddfdf7e58bfaaf8b48b7ab765211cb427',
    lastNames: 473,
    firstFive: ['Smith', 'Johnson', 'Brown', 'Jones', 'Miller'],
  },
  zh_CN: {
    poolsHash: '03e604d25960c6206b247aa7f1b194cbbf1b13248895f9f79ea2bd32bd7607c3',
    fakerFingerprint: 'f38975ca960a6a5769801254ccb5e48131d8b3105399cff90ee816386b1bc6c6',
    lastNames: 162,
    firstFive: ['王', '李', '张', '刘', '陈'],
  },
};

/** sha256 of the raw faker person data the pools are built from (independent of lib/pools/). */
function fingerprint(locale: 'en' | 'zh_CN'): string {
  const p = allFakers[locale].definitions.person;
  return createHash('sha256').update(JSON.stringify({ first: p.first_name, last: p.last_name })).digest('hex');
}

for (const locale of ['en', 'zh_CN'] as const) {
  test(`the ${locale} pools hash equals the recorded golden hash`, () => {
    const pools = getPools(locale);
    const golden = GOLDEN[locale]!;
    // Samples first: a failure then shows what moved, not only that a hash did.
    assert.equal(pools.lastNames.values.length, golden.lastNames, `${locale} surname count`);
    assert.deepStrictEqual(pools.lastNames.values.slice(0, 5), golden.firstFive, `${locale} most common surnames`);
    assert.equal(pools.hash, golden.poolsHash, `${locale} pools hash (see the comment at the top of this file)`);
  });

  test(`faker's raw ${locale} person data equals what the golden hash was recorded with`, () => {
    assert.equal(fingerprint(locale), GOLDEN[locale]!.fakerFingerprint, `${locale} faker person data changed (see the comment at the top of this file)`);
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getPools, Rng } from '../../lib/index.js';
import { repoRoot } from '../helpers/paths.js';

function draws(locale: string): string[] {
  const pools = getPools(locale);
  const rng = new Rng().at(1, 2, 3);
  const out: string[] = [];
  for (let i = 0; i < 50; i++) out.push(`${pools.femaleFirstNames.pick(rng)}|${pools.maleFirstNames.pick(rng)}|${pools.lastNames.pick(rng)}`);
  return out;
}

test('pools are built once per process: a second getPools returns the same object', () => {
  for (const locale of ['en', 'zh_CN']) assert.strictEqual(getPools(locale), getPools(locale));
});

test('pools are identical in a fresh process: same hash, same values, same weighted picks', () => {
  const lib = join(repoRoot, 'dist', 'lib', 'index.js');
  const script = `
    const m = await import(${JSON.stringify(lib)});
    const out = {};
    for (const l of ['zh_CN', 'en']) {
      const p = m.getPools(l);
      const rng = new m.Rng().at(1, 2, 3);
      const d = [];
      for (let i = 0; i < 50; i++) d.push(p.femaleFirstNames.pick(rng) + '|' + p.maleFirstNames.pick(rng) + '|' + p.lastNames.pick(rng));
      out[l] = { hash: p.hash, last: p.lastNames.values, female: p.femaleFirstNames.values, draws: d };
    }
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const child = JSON.parse(r.stdout) as Record<string, { hash: string; last: string[]; female: string[]; draws: string[] }>;
  for (const locale of ['en', 'zh_CN']) {
    const pools = getPools(locale);
    assert.equal(child[locale]!.hash, pools.hash, `${locale} hash`);
    assert.deepStrictEqual(child[locale]!.last, pools.lastNames.values, `${locale} surnames`);
    assert.deepStrictEqual(child[locale]!.female, pools.femaleFirstNames.values, `${locale} female names`);
    assert.deepStrictEqual(child[locale]!.draws, draws(locale), `${locale} draws`);
  }
});

test('the two locales have different pools and hashes', () => {
  assert.notEqual(getPools('en').hash, getPools('zh_CN').hash);
  assert.ok(getPools('zh_CN').familyNameFirst);
  assert.ok(!getPools('en').familyNameFirst);
});

test('pooled names are non-empty and unique within each pool', () => {
  for (const locale of ['en', 'zh_CN']) {
    const p = getPools(locale);
    for (const [what, values] of [['last', p.lastNames.values], ['female', p.femaleFirstNames.values], ['male', p.maleFirstNames.values]] as const) {
      assert.ok(values.length >= 20, `${locale} ${what}: only ${values.length} names`);
      assert.equal(new Set(values).size, values.length, `${locale} ${what} has duplicates`);
      for (const v of values) assert.ok(typeof v === 'string' && v.trim().length > 0 && v === v.trim(), `${locale} ${what}: ${JSON.stringify(v)}`);
    }
  }
});

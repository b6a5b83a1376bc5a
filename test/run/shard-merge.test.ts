import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { megagen, tempDir, fileHashes, readManifestFile, listFiles } from './helpers.js';

const BASE = ['run', 'campus', '--records', '30000', '--chunk-size', '4000', '--seed', '7', '--workers', '1'];

test('shards 0/3 1/3 2/3 merged equal a one-machine run; merge refuses overlapping, missing and mismatched shards', () => {
  const root = tempDir('megagen-shard-');
  const at = (name: string) => join(root, name);
  try {
    assert.equal(megagen([...BASE, '-o', at('single')]).status, 0);
    for (const i of [0, 1, 2]) {
      const r = megagen([...BASE, '-o', at(`s${i}`), '--shard', `${i}/3`]);
      assert.equal(r.status, 0, r.stderr);
      const shard = (readManifestFile(at(`s${i}`)) as unknown as { run: { shard: { index: number; count: number; chunks: Record<string, number[]> } } }).run.shard;
      assert.equal(shard.index, i);
      for (const list of Object.values(shard.chunks)) for (const k of list) assert.equal(k % 3, i);
    }
    // Disjoint files: no file name is in two shards.
    const names = [0, 1, 2].flatMap((i) => Object.keys(fileHashes(at(`s${i}`))));
    assert.equal(new Set(names).size, names.length);

    const merged = megagen(['merge', at('merged'), at('s0'), at('s1'), at('s2')]);
    assert.equal(merged.status, 0, merged.stderr);
    const single = JSON.parse(readFileSync(join(at('single'), 'manifest.json'), 'utf8'));
    const m = JSON.parse(readFileSync(join(at('merged'), 'manifest.json'), 'utf8'));
    assert.deepEqual(m.tables, single.tables);
    assert.deepEqual(m.config, single.config);
    assert.equal(m.seed, single.seed);
    assert.deepEqual(fileHashes(at('merged')), fileHashes(at('single')));
    const data = (d: string) => listFiles(d).filter((f) => /^[a-z]+\//.test(f) && !f.startsWith('performance_reports/'));
    assert.deepEqual(data(at('merged')), data(at('single')));
    for (const f of data(at('merged'))) assert.equal(statSync(join(at('merged'), f)).size, statSync(join(at('single'), f)).size);
    // The journal lists the same chunks and parts as the one-machine run's.
    const journal = (d: string) => readFileSync(join(d, '_journal.ndjson'), 'utf8').trim().split('\n').slice(1).map((l) => { const c = JSON.parse(l); delete c.elapsedMs; return c; });
    assert.deepEqual(journal(at('merged')).sort((a, b) => (a.table + a.chunk).localeCompare(b.table + b.chunk)), journal(at('single')).sort((a, b) => (a.table + a.chunk).localeCompare(b.table + b.chunk)));

    const refuse = (args: string[], pattern: RegExp) => {
      const r = megagen(['merge', ...args]);
      assert.notEqual(r.status, 0, args.join(' '));
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, 'one line');
    };
    refuse([at('x1'), at('s0'), at('s1')], /^megagen: cannot merge: chunk \d+ of \w+ is in no shard \(missing shard 2\/3\)/);
    refuse([at('x2'), at('s0'), at('s1'), at('s1'), at('s2')], /is in both .*s1 and .*s1/);
    assert.equal(megagen([...BASE.map((a) => (a === '7' ? '8' : a)), '-o', at('other1'), '--shard', '1/3']).status, 0);
    refuse([at('x3'), at('s0'), at('other1'), at('s2')], /has seed 8 but .* has 7/);
    refuse([at('x4'), at('single'), at('s0')], /whole run, not a shard/);
    mkdirSync(at('junk'));
    writeFileSync(join(at('junk'), 'a.txt'), 'x');
    refuse([at('x5'), at('junk')], /no manifest\.json \(not a megagen output/);
    refuse([at('merged'), at('s0'), at('s1'), at('s2')], /not empty/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

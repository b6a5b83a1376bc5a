import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { presets } from '../../pipelines/index.js';
import { presetModel } from '../helpers/generate.js';

test('megagen list names every preset, its tables and every column', () => {
  const r = runCli(['list']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  for (const [name, p] of presets) {
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${name}:`) || l.startsWith(`${name} `));
    assert.ok(at >= 0, `preset ${name} listed at the start of a line`);
    // the preset's block: its indented lines up to the next preset
    const end = lines.findIndex((l, i) => i > at && l.length > 0 && !/^\s/.test(l));
    const block = lines.slice(at + 1, end < 0 ? undefined : end);
    const model = presetModel(name, { records: 10_000 });
    for (const table of p.tables) {
      const line = block.find((l) => l.trimStart().startsWith(`${table}:`));
      assert.ok(line, `${name}: table ${table} listed`);
      for (const col of model.table(table).spec.columns) assert.match(line, new RegExp(`\\b${col.name}\\b`), `${name}.${table}.${col.name}`);
    }
  }
});

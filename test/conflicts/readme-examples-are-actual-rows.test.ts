import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseNdjson, runToBuffer } from '../helpers/generate.js';

// README's conflict examples claim to be actual rows of
// `--records 20000 --conflicts 0.03 --conflict-types TYPE --conflict-difficulty D`:
// every field they show must be the generated value (a change of generated
// values must come with new examples).

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

interface Example {
  type: string;
  difficulty: string;
  table: string;
  row: Record<string, unknown>;
}

function examples(): Example[] {
  const md = readFileSync(README, 'utf8');
  const start = md.indexOf('### Examples (actual rows, `--records 20000');
  assert.ok(start >= 0, 'README has the conflict examples');
  const lines = md.slice(start, md.indexOf('\n## ', start)).split('\n');
  const out: Example[] = [];
  let type = '';
  let difficulty = '';
  let inBlock = false;
  for (const line of lines) {
    if (line.startsWith('#### ')) type = line.slice(5).trim();
    else if (/^(simple|medium|complex)\b.*:$/.test(line)) difficulty = line.split(/[ :]/)[0]!;
    else if (line.startsWith('```')) inBlock = !inBlock;
    else if (inBlock) {
      const m = /^(\w+)\s+(\{.*\})$/.exec(line);
      if (m) out.push({ type, difficulty, table: m[1]!, row: JSON.parse(m[2]!) as Record<string, unknown> });
    }
  }
  return out;
}

test("README's conflict examples are rows the generator writes, field for field", async () => {
  const all = examples();
  assert.ok(all.length >= 40, `${all.length} example rows`);
  const runs = new Map<string, Map<string, Record<string, unknown>>>();
  for (const ex of all) {
    const key = `${ex.type}/${ex.difficulty}`;
    let rows = runs.get(key);
    if (!rows) {
      const bytes = await runToBuffer('campus', { records: 20_000, conflicts: 0.03, conflictTypes: [ex.type], conflictDifficulty: ex.difficulty });
      rows = new Map(parseNdjson(bytes).map((r) => [`${String(r._table)}#${String(r.id)}`, r]));
      runs.set(key, rows);
    }
    const actual = rows.get(`${ex.table}#${String(ex.row.id)}`);
    assert.ok(actual, `${key}: no ${ex.table} row ${String(ex.row.id)}`);
    for (const [k, v] of Object.entries(ex.row)) assert.deepEqual(actual[k], v, `${key}: ${ex.table} ${String(ex.row.id)}.${k}`);
  }
});

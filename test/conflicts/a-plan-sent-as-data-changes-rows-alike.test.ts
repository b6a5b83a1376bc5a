import { test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import assert from 'node:assert/strict';
import { buildModel, compileNdjson, parseRunOptions } from '../../lib/index.js';
import { ConflictPlan } from '../../lib/conflicts/plan.js';
import { conflictPlanOf } from '../../lib/conflicts/conflict-model.js';
import { SortedCursor } from '../../lib/model/override-cursor.js';
import { collectRows, preset } from '../helpers/generate.js';

// A cluster primary sends its plan to the workers over IPC ('advanced'
// serialisation: V8's structured clone); rows built from the received plan
// must be byte for byte those of the built one, and so must its records.
for (const difficulty of ['simple', 'medium', 'complex']) {
  test(`a ${difficulty} plan that crossed IPC gives the same bytes for every table`, () => {
    const p = preset('campus');
    const o = parseRunOptions(p, { records: 60_000, conflicts: 0.02, conflictDifficulty: difficulty });
    const built = buildModel(p, o);
    const plan = conflictPlanOf(built)!;
    assert.ok(plan.records.length > 0);
    const received = ConflictPlan.fromData(deserialize(serialize(plan.toData())));
    assert.deepEqual(received.records, plan.records);
    assert.deepEqual(received.summary, plan.summary);
    const copy = buildModel(p, o, received);
    for (const table of built.tables) {
      const line = compileNdjson(table.spec);
      const a = collectRows(table).map(line).join('');
      const b = collectRows(copy.table(table.spec.name)).map(line).join('');
      assert.ok(a === b, `${table.spec.name} differs`);
    }
  });
}

test('a worker holding only the records of one conflicts chunk writes its rows as the whole plan does', () => {
  const p = preset('campus');
  const o = parseRunOptions(p, { records: 60_000, conflicts: 0.02, conflictDifficulty: 'complex' });
  const built = buildModel(p, o);
  const plan = conflictPlanOf(built)!;
  const worker = ConflictPlan.fromData(deserialize(serialize(plan.workerData())));
  assert.equal(worker.size, plan.size);
  assert.equal(worker.records.length, 0, 'a worker starts with no records');
  const copy = buildModel(p, o, worker);
  const [from, to] = [Math.floor(plan.size / 3), Math.floor((2 * plan.size) / 3)];
  worker.holdRecords(deserialize(serialize(plan.recordsIn(from, to))));
  const whole = built.table('conflicts');
  const part = copy.table('conflicts');
  assert.equal(part.rows, whole.rows);
  const line = compileNdjson(whole.spec);
  const rows = collectRows(whole, from, to).map(line).join('');
  assert.equal(collectRows(part, from, to).map(line).join(''), rows, 'rows');
  const lines = (t: typeof whole): string => {
    const write = t.createNdjsonWriter!({ tableField: false });
    const buf = Buffer.alloc(write.reserve);
    let out = '';
    for (let i = from; i < to; i++) out += buf.toString('utf8', 0, write(i, buf, 0));
    return out;
  };
  assert.equal(lines(part), lines(whole), 'lines from indices');
  assert.equal(lines(whole), rows, 'lines from indices are the rows serialised');
  assert.throws(() => part.createGenerator()(to), /record \d+ is not held/);
});

test('the cursor over changed rows answers like a set, in order, backwards and by jumps', () => {
  const keys = [3, 4, 10, 11, 12, 40, 41, 99];
  const set = new Set(keys);
  const cursor = new SortedCursor(Float64Array.from(keys));
  const visits = [...Array(120).keys(), ...[50, 3, 99, 0, 41, 41, 12, 100, 11, 4]];
  for (const i of visits) assert.equal(cursor.hit(i), set.has(i), `row ${i}`);
  assert.equal(new SortedCursor(new Float64Array(0)).hit(0), false);
});

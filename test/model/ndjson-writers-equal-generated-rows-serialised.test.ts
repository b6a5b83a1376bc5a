import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCampusModel } from '../../lib/model/campus.js';
import { compileNdjsonBytes } from '../../lib/formats/ndjson-bytes.js';
import { buildConflictPlan } from '../../lib/conflicts/plan.js';
import { withConflicts } from '../../lib/conflicts/conflict-model.js';

// A table's createNdjsonWriter is a fast path that must write exactly the
// bytes of generate -> resolve relations -> serialise (trusted). Checked for
// every table that has one, both locales, with and without the table field.

for (const locale of ['en', 'zh_CN']) {
  for (const seed of [1, 424_242]) {
    const model = createCampusModel({ seed, target: { records: 300_000 }, locale });
    for (const table of model.tables) {
      if (!table.createNdjsonWriter) continue;
      for (const tableField of [false, true]) {
        test(`${table.spec.name} (${locale}, seed ${seed}, tableField ${tableField}): the index writer's lines equal the serialised rows`, () => {
          const generate = table.createGenerator();
          const resolve = table.createResolver();
          const serialise = compileNdjsonBytes(table.spec, { tableField, trusted: true });
          const direct = table.createNdjsonWriter!({ tableField });
          const a = Buffer.alloc(1 << 16);
          const b = Buffer.alloc(1 << 16);
          const step = Math.max(1, Math.floor(table.rows / 20_000));
          let checked = 0;
          for (let i = 0; i < table.rows; i += i < 3000 ? 1 : step) {
            const row = generate(i);
            resolve?.(row, i);
            const n = serialise(row, a, 0);
            const m = direct(i, b, 0);
            assert.ok(m <= direct.reserve, `row ${i}: ${m} bytes, more than the reserve ${direct.reserve}`);
            if (n !== m || a.compare(b, 0, m, 0, n) !== 0) assert.equal(b.toString('utf8', 0, m), a.toString('utf8', 0, n), `row ${i}`);
            checked++;
          }
          assert.ok(checked > 3000);
        });
      }
    }
  }
}

// With conflicts injected, a table's index writer serialises the changed rows
// through the row path: every row is checked, and the changed ones counted.
for (const difficulty of ['simple', 'complex'] as const) {
  test(`injected tables (${difficulty}): the index writer's lines equal the changed and unchanged rows serialised`, () => {
    const base = createCampusModel({ seed: 5, target: { records: 60_000 }, locale: 'en' });
    const plan = buildConflictPlan(base.plan, { rate: 0.02, difficulty });
    const model = withConflicts(base, plan);
    let tables = 0;
    for (const name of ['students', 'enrollments'] as const) {
      const table = model.table(name);
      const changed = new Set(plan.changedRows(name));
      if (changed.size === 0) continue;
      assert.ok(table.createNdjsonWriter, `${name} keeps an index writer when injected`);
      tables++;
      const generate = table.createGenerator();
      const resolve = table.createResolver()!;
      const serialise = compileNdjsonBytes(table.spec, { trusted: true });
      const direct = table.createNdjsonWriter({ tableField: false });
      const a = Buffer.alloc(1 << 16);
      const b = Buffer.alloc(1 << 16);
      let differ = 0;
      for (let i = 0; i < table.rows; i++) {
        const row = generate(i);
        resolve(row, i);
        const n = serialise(row, a, 0);
        const m = direct(i, b, 0);
        if (n !== m || a.compare(b, 0, m, 0, n) !== 0) assert.equal(b.toString('utf8', 0, m), a.toString('utf8', 0, n), `${name} row ${i} (changed: ${changed.has(i)})`);
        if (changed.has(i)) {
          const plainRow = base.table(name).createGenerator()(i);
          base.table(name).createResolver()?.(plainRow, i);
          if (JSON.stringify(plainRow) !== JSON.stringify(row)) differ++;
        }
      }
      assert.ok(differ > 0, `${name}: some changed rows differ from the plain ones`);
    }
    assert.ok(tables > 0);
  });
}

test('the students table has an index writer (the fast path this file guards)', () => {
  const model = createCampusModel({ seed: 1, target: { records: 1000 }, locale: 'en' });
  assert.equal(typeof model.table('students').createNdjsonWriter, 'function');
});

// The conflicts table writes its lines from the plan's record columns.
for (const difficulty of ['simple', 'medium', 'complex'] as const) {
  test(`conflicts (${difficulty}): the index writer's lines equal the serialised truth rows`, () => {
    const base = createCampusModel({ seed: 9, target: { records: 80_000 }, locale: 'zh_CN' });
    const model = withConflicts(base, buildConflictPlan(base.plan, { rate: 0.03, difficulty }));
    const table = model.table('conflicts');
    assert.ok(table.rows > 100 && table.createNdjsonWriter);
    for (const tableField of [false, true]) {
      const generate = table.createGenerator();
      const serialise = compileNdjsonBytes(table.spec, { tableField, trusted: true });
      const direct = table.createNdjsonWriter!({ tableField });
      const a = Buffer.alloc(1 << 16);
      const b = Buffer.alloc(1 << 16);
      for (let i = 0; i < table.rows; i++) {
        const n = serialise(generate(i), a, 0);
        const m = direct(i, b, 0);
        assert.ok(m <= direct.reserve, `row ${i}: ${m} bytes, more than the reserve ${direct.reserve}`);
        if (n !== m || a.compare(b, 0, m, 0, n) !== 0) assert.equal(b.toString('utf8', 0, m), a.toString('utf8', 0, n), `row ${i}`);
      }
    }
  });
}

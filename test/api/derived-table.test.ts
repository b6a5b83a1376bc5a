import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { definePipeline, runPipeline, buildModel, parseRunOptions, MegagenError, type DerivedTable, type PipelineDefinition } from '../../lib/index.js';
import { Collector, parseLines, sha256 } from './helpers.js';

/** Three assessment components per enrollment: row i is component i mod 3 of enrollment floor(i / 3). */
const grades: DerivedTable = {
  spec: {
    name: 'grades',
    columns: [
      { name: 'id', type: 'int', min: 1 },
      { name: 'enrollment_id', type: 'int', references: 'enrollments' },
      { name: 'component', type: 'string', enum: ['homework', 'midterm', 'final'] },
      { name: 'points', type: 'int', nullable: true, min: 0, max: 100 },
    ],
  },
  from: 'enrollments',
  ratio: 3,
  row(ctx) {
    const enrollment = ctx.parent();
    return {
      id: ctx.index + 1,
      enrollment_id: ctx.parentIndex + 1,
      component: ['homework', 'midterm', 'final'][ctx.k],
      points: enrollment.score === null ? null : ctx.rng().int(0, 100),
    };
  },
};

const base = { description: 'x', sizing: 'campus' as const, defaultRecords: 3000 };
const withGrades = definePipeline({ ...base, name: 'with-grades', tables: ['grades', 'enrollments'], derivedTables: [grades] });

async function run(p: PipelineDefinition, o: { batchSize?: number } = {}): Promise<string> {
  const stdout = new Collector();
  await runPipeline(p, { records: 3000, ...o, output: '-', stdout });
  return stdout.text();
}

describe('a pipeline can add a table derived from an existing one', () => {
  it('comes after its parent, ratio rows per parent row, dense ids, keys into the parent', async () => {
    assert.deepEqual(withGrades.tables, ['enrollments', 'grades']);
    const rows = parseLines(await run(withGrades));
    const enrollments = rows.filter((r) => r._table === 'enrollments');
    const g = rows.filter((r) => r._table === 'grades');
    assert.equal(g.length, enrollments.length * 3);
    g.forEach((r, i) => {
      assert.equal(r.id, i + 1);
      assert.equal(r.enrollment_id, Math.floor(i / 3) + 1);
      assert.equal(r.component, ['homework', 'midterm', 'final'][i % 3]);
      const parent = enrollments[Math.floor(i / 3)]!;
      assert.equal(r.points === null, parent.score === null, 'reads its own parent row');
    });
  });

  it('is byte-identical for batch sizes 1 and 5000', async () => {
    assert.equal(sha256(await run(withGrades, { batchSize: 1 })), sha256(await run(withGrades, { batchSize: 5000 })));
  });

  it("ratios change a derived table's rows per parent", () => {
    const p = definePipeline({ ...base, name: 'two-grades', tables: ['grades'], derivedTables: [grades], ratios: { grades: 2 } });
    const model = buildModel(p, parseRunOptions(p, { records: 3000 }));
    assert.equal(model.table('grades').rows, model.table('enrollments').rows * 2);
    assert.throws(() => definePipeline({ ...base, name: 'x', tables: ['grades'], derivedTables: [grades], ratios: { grades: 0.5 } }), /ratio of "grades" must be a whole number/);
    assert.throws(() => definePipeline({ ...base, name: 'x', tables: ['students'], ratios: { students: 2 } }), /ratios names "students", which is not a derived table/);
  });

  it('a derived row that is not an object fails naming the pipeline and table', async () => {
    const bad = definePipeline({ ...base, name: 'bad', tables: ['grades'], file: 'bad.mjs', derivedTables: [{ ...grades, row: () => 7 as never }] });
    await assert.rejects(run(bad), (e: unknown) => e instanceof MegagenError && e.code === 'ERR_PIPELINE' && e.message === 'bad.mjs (pipeline bad): table grades made a number for row 0 (row(ctx) must return an object)');
  });

  it('definePipeline refuses bad derived tables', () => {
    assert.throws(() => definePipeline({ ...base, name: 'x', tables: ['grades'], derivedTables: [{ ...grades, from: 'nothing' }] }), /derived table "grades" comes from unknown table "nothing"/);
    assert.throws(() => definePipeline({ ...base, name: 'x', tables: ['students'], derivedTables: [{ ...grades, spec: { ...grades.spec, name: 'students' } }] }), /derived table "students" is already a table/);
    assert.throws(() => definePipeline({ ...base, name: 'x', tables: ['marks'] , derivedTables: [grades] }), /names unknown table "marks" \(choose from: .*grades\)/);
  });
});

describe('a pipeline can override column generators', () => {
  const override = definePipeline({
    ...base,
    name: 'override',
    tables: ['students', 'enrollments'],
    columns: {
      students: { email: (row) => `student${row.id as number}@example.org` },
      enrollments: { score: (row, ctx) => (row.score === null ? null : ctx.rng().int(90, 100)) },
    },
  });

  it('replaces the values, keeps the rest, and stays deterministic', async () => {
    const text = await run(override);
    const rows = parseLines(text);
    const students = rows.filter((r) => r._table === 'students');
    students.forEach((s) => assert.equal(s.email, `student${s.id as number}@example.org`));
    const scores = rows.filter((r) => r._table === 'enrollments' && r.score !== null).map((r) => r.score as number);
    assert.ok(scores.length > 0 && scores.every((x) => x >= 90 && x <= 100));
    assert.equal(sha256(text), sha256(await run(override, { batchSize: 1 })));
    const plain = parseLines(await run(definePipeline({ ...base, name: 'plain', tables: ['students'] })));
    assert.deepEqual(students.map((s) => s.name), plain.map((s) => s.name), 'other columns unchanged');
  });

  it('an override of a column the table lacks is refused', async () => {
    const p = definePipeline({ ...base, name: 'bad-col', tables: ['students'], columns: { students: { shoe_size: () => 42 } } });
    await assert.rejects(run(p), /pipeline bad-col: table students has no column "shoe_size" to override/);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { definePipeline, runPipeline, MegagenError, type PipelineDefinition, type Row } from '../../lib/index.js';
import { Collector, parseLines, sha256 } from './helpers.js';

async function run(p: PipelineDefinition, o: { records?: number; batchSize?: number; seed?: number | string; tables?: string[] } = {}): Promise<string> {
  const stdout = new Collector();
  await runPipeline(p, { records: 3000, ...o, output: '-', stdout });
  return stdout.text();
}

/** A stage that adds a random column and reads another table's row: both must be pure functions of the row. */
const withStage = definePipeline({
  name: 'with-stage',
  description: 'students and enrollments with added columns',
  tables: ['students', 'enrollments'],
  sizing: 'campus',
  defaultRecords: 3000,
  stages: [
    {
      name: 'lucky',
      at: 'after:relations',
      columns: [{ name: 'lucky_number', type: 'int', min: 1, max: 100 }],
      map(row, ctx) {
        row.lucky_number = ctx.rng().int(1, 100);
        return row;
      },
    },
    {
      name: 'student-name',
      at: 'before:serialize',
      tables: ['enrollments'],
      columns: [{ name: 'student_name', type: 'string' }, { name: 'lucky_twice', type: 'int' }],
      map(row, ctx) {
        const student = ctx.row('students', (row.student_id as number) - 1);
        return { ...row, student_name: student.name, lucky_twice: (row.lucky_number as number) * 2 };
      },
    },
  ],
});

describe('custom stages', () => {
  it('add declared columns, in stage order, at their points', async () => {
    const rows = parseLines(await run(withStage));
    const students = rows.filter((r) => r._table === 'students');
    const enrollments = rows.filter((r) => r._table === 'enrollments');
    assert.ok(students.length > 0 && enrollments.length > 0);
    assert.deepEqual(Object.keys(students[0]!).slice(-1), ['lucky_number']);
    assert.deepEqual(Object.keys(enrollments[0]!).slice(-3), ['lucky_number', 'student_name', 'lucky_twice']);
    const names = new Map(students.map((s) => [s.id, s.name]));
    for (const e of enrollments) {
      assert.equal(e.student_name, names.get(e.student_id), 'ctx.row reads the same student the file holds');
      assert.equal(e.lucky_twice, (e.lucky_number as number) * 2, 'before:serialize sees what after:relations did');
      assert.ok((e.lucky_number as number) >= 1 && (e.lucky_number as number) <= 100);
    }
    const values = new Set(students.map((s) => s.lucky_number));
    assert.ok(values.size > 50, 'the per-row source varies across rows');
  });

  it('give byte-identical output for batch sizes 1 and 5000, and change with the seed', async () => {
    const a = await run(withStage, { batchSize: 1 });
    const b = await run(withStage, { batchSize: 5000 });
    const c = await run(withStage, { batchSize: 7 });
    assert.equal(sha256(a), sha256(b));
    assert.equal(sha256(a), sha256(c));
    assert.notEqual(sha256(a), sha256(await run(withStage, { seed: 'other' })));
  });

  it('draw per row: a row range generated alone equals the same rows of a whole run', async () => {
    // The stage's random source depends on (seed, stage, table, index) only, so
    // emitting students alone (different batch boundaries) gives the same values.
    const whole = parseLines(await run(withStage)).filter((r) => r._table === 'students');
    const alone = parseLines(await run(withStage, { tables: ['students'], batchSize: 13 }));
    assert.deepEqual(alone, whole.map(({ _table, ...rest }) => rest));
  });

  const failing = (map: (row: Row) => unknown, file?: string): PipelineDefinition =>
    definePipeline({
      name: 'bad-stage',
      description: 'x',
      tables: ['departments'],
      sizing: 'campus',
      defaultRecords: 2000,
      file,
      stages: [{ name: 'broken', at: 'before:serialize', map: map as never }],
    });

  for (const [what, value, kind] of [
    ['a number', 42, 'a number'],
    ['null', null, 'null'],
    ['undefined (a map that forgot to return)', undefined, 'undefined'],
    ['an array', [1, 2], 'an array'],
    ['a string', 'row', 'a string'],
  ] as const) {
    it(`returning ${what} fails with one line naming the file, the stage and the row`, async () => {
      await assert.rejects(run(failing(() => value, 'my-pipeline.mjs')), (e: unknown) => {
        assert.ok(e instanceof MegagenError);
        assert.equal(e.code, 'ERR_PIPELINE');
        assert.equal(e.message, `my-pipeline.mjs (pipeline bad-stage): stage "broken" returned ${kind} for row 0 of departments (a stage must return the row object)`);
        return true;
      });
    });
  }

  it('a stage that throws fails naming the stage and the row', async () => {
    await assert.rejects(run(failing((row) => { if (row.id === 3) throw new Error('no third'); return row; })), { code: 'ERR_PIPELINE', message: 'pipeline bad-stage: stage "broken" failed on row 2 of departments: no third' });
  });

  it('definePipeline refuses bad stages', () => {
    const base = { name: 'p', description: 'x', tables: ['students'], sizing: 'campus' as const, defaultRecords: 1000 };
    const map = (r: Row) => r;
    assert.throws(() => definePipeline({ ...base, stages: [{ name: 's', at: 'after:nothing' as never, map }] }), /stage "s" runs at unknown point "after:nothing" \(choose from: after:relations, before:serialize\)/);
    assert.throws(() => definePipeline({ ...base, stages: [{ name: 's', at: 'after:relations', tables: ['courses'], map }] }), /stage "s" names table "courses", which the pipeline does not emit/);
    assert.throws(() => definePipeline({ ...base, stages: [{ name: 's', at: 'after:relations', map }, { name: 's', at: 'before:serialize', map }] }), /two stages are named "s"/);
    assert.throws(() => definePipeline({ ...base, stages: [{ name: 's', at: 'after:relations', map: 5 as never }] }), /stage "s" needs a map\(row, ctx\) function/);
    assert.throws(() => definePipeline({ ...base, stages: [{ name: 's', at: 'after:relations', columns: [{ name: 'x', type: 'money' as never }], map }] }), /column x has unknown type "money"/);
  });

  it('a stage that adds a column the table already has is refused', async () => {
    const p = definePipeline({ name: 'dup', description: 'x', tables: ['departments'], sizing: 'campus', defaultRecords: 2000,
      stages: [{ name: 's', at: 'after:relations', columns: [{ name: 'name', type: 'string' }], map: (r) => r }] });
    await assert.rejects(run(p), /pipeline dup: a stage adds column "name" to table departments, which already has it/);
  });
});

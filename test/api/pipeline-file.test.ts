import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadPipelineFile, MegagenError } from '../../lib/index.js';
import { megagen, parseLines, tempDir, writeFile } from './helpers.js';

const PLAIN = `export default {
  name: 'mini', description: 'departments and classrooms', tables: ['classrooms', 'departments'],
  sizing: 'campus', defaultRecords: 2000,
  stages: [{ name: 'tag', at: 'before:serialize', columns: [{ name: 'tag', type: 'string' }], map: (row, ctx) => ({ ...row, tag: ctx.table + ':' + ctx.index }) }],
};
`;

describe('megagen run ./my-pipeline.mjs runs a user pipeline file', () => {
  it('runs a file that exports a plain definition, with every run flag', () => {
    const dir = tempDir();
    writeFile(dir, 'my-pipeline.mjs', PLAIN);
    const r = megagen(['run', './my-pipeline.mjs', '--records', '3000', '--seed', '5', '-t', 'departments', '-o', '-'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const rows = parseLines(r.stdout);
    assert.ok(rows.length > 0);
    rows.forEach((row, i) => assert.equal(row.tag, `departments:${i}`));
    const files = megagen(['run', join(dir, 'my-pipeline.mjs'), '-n', '2000', '-o', join(dir, 'out')]);
    assert.equal(files.status, 0, files.stderr);
    assert.match(files.stderr, /wrote [\d,]+ records \(departments \d+, classrooms \d+\)/, 'tables in dependency order');
  });

  it('megagen list ./file.mjs shows its tables, derived ones and stage columns', () => {
    const r = megagen(['list', 'examples/attendance-table.mjs']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^campus-attendance: /);
    assert.match(r.stdout, /^ {2}attendance \(derived: 16 per enrollments row\): id:int enrollment_id:int->enrollments .* status\?:string$/m);
    const stage = megagen(['list', 'examples/add-column-stage.mjs']);
    assert.match(stage.stdout, /^ {2}students: id:int .* scholarship:string$/m);
  });

  it('a pipeline file can come from a config file, and config --print names it', () => {
    const dir = tempDir();
    writeFile(dir, 'my-pipeline.mjs', PLAIN);
    writeFile(dir, 'c.yml', 'generation:\n  preset: ./my-pipeline.mjs\n');
    const r = megagen(['config', '--config', 'c.yml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# preset mini \(\.\/my-pipeline\.mjs\)/);
    assert.match(r.stdout, /^generation\.target_records +2000 +preset mini$/m);
  });

  it('a CommonJS file and a named `pipeline` export work too', async () => {
    const dir = tempDir();
    const cjs = writeFile(dir, 'p.cjs', PLAIN.replace('export default', 'module.exports ='));
    assert.equal((await loadPipelineFile(cjs)).name, 'mini');
    const named = writeFile(dir, 'p.mjs', PLAIN.replace('export default', 'export const pipeline ='));
    assert.equal((await loadPipelineFile(named)).file, named);
  });

  const bad: [string, string, string, RegExp][] = [
    ['throws on load', 'throws.mjs', "throw new Error('boom at load');\n", /^megagen: throws\.mjs: failed to load: boom at load$/],
    ['has a syntax error', 'syntax.mjs', 'export default {\n', /^megagen: syntax\.mjs: failed to load: /],
    ['exports nothing', 'empty.mjs', 'const x = 1;\n', /^megagen: empty\.mjs: exports no pipeline \(found no exports; write `export default definePipeline\(\{ \.\.\. \}\)`\)$/],
    ['exports something else', 'other.mjs', 'export const helper = 1;\nexport default 42;\n', /^megagen: other\.mjs: exports no pipeline \(found exports default, helper; /],
    ['exports a bad definition', 'badtable.mjs', "export default { name: 'x', description: '', tables: ['pets'], sizing: 'campus', defaultRecords: 1000 };\n", /^megagen: badtable\.mjs: pipeline "x" names unknown table "pets"/],
    ['is TypeScript', 'p.ts', 'export default {};\n', /^megagen: p\.ts: compile TypeScript pipeline files first \(tsc\) and run the \.js file$/],
    ['is missing', 'missing.mjs', '', /^megagen: \.\/missing\.mjs: no such pipeline file$/],
    ['has a stage that emits non-objects', 'stage.mjs', PLAIN.replace("({ ...row, tag: ctx.table + ':' + ctx.index })", '7'), /^megagen: stage\.mjs \(pipeline mini\): stage "tag" returned a number for row 0 of departments \(a stage must return the row object\)$/],
  ];
  for (const [what, name, text, pattern] of bad) {
    it(`a file that ${what} fails with one line naming it, exit 1, nothing written`, () => {
      const dir = tempDir();
      if (text) writeFile(dir, name, text);
      const arg = name === 'missing.mjs' ? './missing.mjs' : name;
      const r = megagen(['run', arg, '-n', '2000', '-o', '-'], { cwd: dir });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr.trimEnd(), pattern);
      assert.equal(r.stderr.split('\n').length, 2, `one line: ${r.stderr}`);
      assert.equal(r.stdout, '');
    });
  }

  it('an unknown preset name mentions pipeline files', () => {
    const r = megagen(['run', 'campsu', '-o', '-']);
    assert.equal(r.status, 2);
    assert.match(r.stderr.trimEnd(), /^megagen: unknown preset "campsu" \(choose from: campus, students, timetable, conflicts, or give a pipeline file like \.\/my-pipeline\.mjs\)$/);
  });

  it('loadPipelineFile errors are MegagenErrors with code ERR_PIPELINE', async () => {
    await assert.rejects(loadPipelineFile('nope.txt'), (e: unknown) => e instanceof MegagenError && e.code === 'ERR_PIPELINE' && /must end in \.js, \.mjs or \.cjs/.test(e.message));
  });
});

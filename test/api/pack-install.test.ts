import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], cwd: string, timeout = 60_000): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const CONSUMER = `import { MegaDataGenerator, definePipeline, runPipeline, presets, MegagenError } from 'megagen';
const chunks = [];
const stdout = { write(s, cb) { chunks.push(String(s)); cb?.(); return true; } };
const pipeline = definePipeline({
  ...presets.get('timetable'), name: 'packed', tables: ['departments'],
  stages: [{ name: 'mark', at: 'after:relations', columns: [{ name: 'mark', type: 'int' }], map: (row, ctx) => ({ ...row, mark: ctx.rng().int(1, 9) }) }],
});
const summary = await runPipeline(pipeline, { records: 2000, output: '-', stdout });
const result = await new MegaDataGenerator({ preset: 'students', targetRecords: 4, outputDir: '-', stdout }).generateMegaDataset();
let rejected = '';
try { new MegaDataGenerator({ targetRecord: 5 }); } catch (e) { rejected = e instanceof MegagenError ? e.message : 'wrong class'; }
console.log(JSON.stringify({ departments: summary.tables[0].rows, students: result.records, lines: chunks.join('').trim().split('\\n').length, first: JSON.parse(chunks.join('').split('\\n')[0]), rejected }));
`;

const TYPED = `import { definePipeline, type RowContext, type MegaGenerationConfig } from 'megagen';
const config: MegaGenerationConfig = { targetRecords: 1000, batchSize: 500 };
export const p = definePipeline({ name: 't', description: '', tables: ['students'], sizing: 'students', defaultRecords: config.targetRecords!,
  stages: [{ name: 's', at: 'before:serialize', map: (row, ctx: RowContext) => ({ ...row, n: ctx.rng().int(0, 1) }) }] });
`;

describe('the packed package installs and imports as `megagen`', () => {
  it('npm pack, npm install --offline into a new project, import and run a tiny pipeline, bin and types', () => {
    const dir = tempDir('megagen-pack-');
    sh(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], repoRoot);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack made a tarball');
    const project = join(dir, 'consumer');
    sh('mkdir', ['-p', project], dir);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    // --prefer-offline: dependencies come from the npm cache where it has them. npm ci fills it with
    // tarballs but not with the registry's package documents, which resolving the tarball's
    // dependencies needs: on a fresh machine --offline failed with ENOTCACHED.
    sh(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball)], project, 120_000);
    assert.ok(!existsSync(join(project, 'node_modules', 'megagen', 'dist', 'test')), 'tests are not packed');

    writeFileSync(join(project, 'consumer.mjs'), CONSUMER);
    const out = JSON.parse(sh(process.execPath, ['consumer.mjs'], project)) as Record<string, unknown>;
    assert.equal(out.students, 4);
    assert.equal(out.lines, (out.departments as number) + 4);
    assert.ok(Number.isInteger((out.first as { mark: number }).mark));
    assert.equal(out.rejected, 'MegaDataGenerator config: unknown key targetRecord (did you mean targetRecords?)');

    const bin = sh(join(project, 'node_modules', '.bin', 'megagen'), ['run', 'students', '-n', '3', '-o', '-'], project);
    assert.equal(bin.trim().split('\n').length, 3);

    writeFileSync(join(project, 'typed.ts'), TYPED);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['typed.ts'] }));
    sh(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MegaDataGenerator, MegagenError, definePipeline, type ProgressEvent } from '../../lib/index.js';
import { Collector, parseLines, tempDir, writeFile } from './helpers.js';

describe('new MegaDataGenerator(config).generateMegaDataset()', () => {
  it("runs the seed's Python example, camelCase, and returns the run summary", async () => {
    const dir = tempDir();
    const generator = new MegaDataGenerator({ targetRecords: 5000, batchSize: 50_000, maxMemoryMb: 2048, maxWorkers: 8, outputDir: join(dir, 'mega_output') });
    const results = await generator.generateMegaDataset();
    assert.equal(results.pipeline, 'campus');
    assert.deepEqual(results.tables.map((t) => t.name), ['departments', 'teachers', 'students', 'courses', 'classrooms', 'sections', 'enrollments']);
    assert.equal(results.records, results.tables.reduce((a, t) => a + t.rows, 0));
    assert.ok(Math.abs(results.records - 5000) / 5000 < 0.2, `about 5000 records (got ${results.records})`);
    for (const t of results.tables) assert.ok(t.path && existsSync(t.path), `${t.name} written`);
    assert.ok(results.elapsedMs > 0);
    assert.deepEqual(results.config['generation.target_records'], { value: 5000, source: 'MegaDataGenerator config targetRecords' });
    assert.equal(results.config['batch_processing.max_workers']!.value, 8);
    assert.ok(!results.notes.some((n) => n.startsWith('batch_processing.max_workers')), 'max_workers is wired (issue 4): no pending note');
  });

  it('writes NDJSON to a given stdout with outputDir "-", and reports progress', async () => {
    const stdout = new Collector();
    const events: ProgressEvent[] = [];
    const r = await new MegaDataGenerator({ preset: 'students', targetRecords: 12, outputDir: '-', stdout, onProgress: (e) => events.push(e) }).generateMegaDataset();
    assert.equal(parseLines(stdout.text()).length, 12);
    assert.equal(r.tables[0]!.rows, 12);
    assert.deepEqual(events.map((e) => e.kind), ['table-start', 'rows', 'table-end']);
  });

  it('fields beat the config file, which beats the preset defaults', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'c.yml', 'generation:\n  preset: students\n  target_records: 30\n  seed: 5\n');
    const g = new MegaDataGenerator({ configFile: f, targetRecords: 8, outputDir: '-', stdout: new Collector() });
    const { config } = await g.resolveConfig();
    assert.equal(config.options.records, 8);
    assert.equal(config.options.seed, 5);
    assert.equal(config.preset, 'students');
  });

  it('takes a pipeline definition as preset', async () => {
    const stdout = new Collector();
    const mini = definePipeline({ name: 'mini', description: 'departments only', tables: ['departments'], sizing: 'campus', defaultRecords: 2000 });
    const r = await new MegaDataGenerator({ preset: mini, outputDir: '-', stdout }).generateMegaDataset();
    assert.equal(r.pipeline, 'mini');
    assert.equal(parseLines(stdout.text()).length, r.tables[0]!.rows);
  });

  it('rejects unknown keys with a suggestion and wrong types naming the key, when constructed', () => {
    const bad = (config: object, pattern: RegExp) =>
      assert.throws(() => new MegaDataGenerator(config as never), (e: unknown) => e instanceof MegagenError && e.code === 'ERR_INVALID_OPTION' && pattern.test(e.message));
    bad({ targetRecord: 5 }, /^MegaDataGenerator config: unknown key targetRecord \(did you mean targetRecords\?\)$/);
    bad({ max_workers: 5 }, /unknown key max_workers \(did you mean maxWorkers\?\)$/);
    bad({ targetRecords: 'many' }, /^MegaDataGenerator config: targetRecords must be an integer from 1 to 10,000,000,000 \(got "many"\)$/);
    bad({ enableCompression: 'yes' }, /enableCompression must be true or false/);
    bad({ preset: 42 }, /preset must be a non-empty string/);
  });

  it('takes the conflict keys camelCase (conflicts, conflictDifficulty)', async () => {
    const stdout = new Collector();
    const r = await new MegaDataGenerator({ targetRecords: 20_000, conflicts: 0.01, conflictDifficulty: 'medium', tables: ['conflicts'], outputDir: '-', stdout }).generateMegaDataset();
    const rows = parseLines(stdout.text());
    assert.ok(rows.length > 0 && rows.length === r.tables[0]!.rows);
    assert.ok(rows.every((c) => c.difficulty === 'medium'));
  });

  it('an unknown preset name is a usage error', async () => {
    await assert.rejects(new MegaDataGenerator({ preset: 'nope' }).generateMegaDataset(), (e: unknown) => e instanceof MegagenError && e.code === 'ERR_UNKNOWN_PRESET');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CONFIG_KEYS, MegaDataGenerator, type MegaDatasetResult } from '../../lib/index.js';
import { Collector, megagen, parseLines, sha256, tempDir, writeFile } from '../api/helpers.js';

/** Runs a config file's text through the library, output on a collector; small sizes. */
async function runYaml(yaml: string, base = 'generation:\n  preset: students\n  target_records: 40\n'): Promise<{ out: string; result: MegaDatasetResult }> {
  const dir = tempDir();
  const file = writeFile(dir, 'mega_scale_config.yml', `${base}${yaml}`);
  const stdout = new Collector();
  const result = await new MegaDataGenerator({ configFile: file, outputDir: '-', stdout }).generateMegaDataset();
  return { out: stdout.text(), result };
}

const baseline = runYaml('');

/** Runs a config into a fresh directory: the students table's files and the manifest. */
async function runDir(yaml: string, base = 'generation:\n  preset: students\n  target_records: 40\n') {
  const dir = tempDir();
  const file = writeFile(dir, 'mega_scale_config.yml', `${base}${yaml}`);
  const out = join(dir, 'out');
  const result = await new MegaDataGenerator({ configFile: file, outputDir: out }).generateMegaDataset();
  return {
    dir: out,
    result,
    files: readdirSync(join(out, 'students')).sort(),
    bytes: (name: string) => readFileSync(join(out, 'students', name)),
    manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { config: Record<string, unknown> },
  };
}

/** What each key must change. Every key of the table needs a case here: a new key fails the coverage test until it has one. */
const EFFECTS: Record<string, () => Promise<void>> = {
  'generation.target_records': async () => {
    const { out } = await runYaml('', 'generation:\n  preset: students\n  target_records: 37\n');
    assert.equal(parseLines(out).length, 37);
  },
  'generation.scale': async () => {
    const { out, result } = await runYaml('', 'generation:\n  preset: students\n  scale: small\n');
    assert.equal(parseLines(out).length, 10_000);
    assert.equal(result.records, 10_000);
  },
  'generation.seed': async () => {
    const { out } = await runYaml('  seed: other\n');
    assert.notEqual(sha256(out), sha256((await baseline).out));
    assert.equal(sha256(out), sha256((await runYaml('  seed: other\n')).out), 'same seed, same bytes');
  },
  'generation.locale': async () => {
    const { out } = await runYaml('  locale: zh_CN\n');
    assert.match(String(parseLines(out)[0]!.name), /[\u4e00-\u9fff]/);
  },
  'generation.preset': async () => {
    const { out } = await runYaml('', 'generation:\n  preset: timetable\n  target_records: 2000\n  tables: [departments]\n');
    assert.ok(parseLines(out).every((r) => typeof r.code === 'string' && !('student_no' in r)));
  },
  'generation.tables': async () => {
    const { result } = await runYaml('', 'generation:\n  target_records: 2000\n  tables: [departments, classrooms]\n');
    assert.deepEqual(result.tables.map((t) => t.name), ['departments', 'classrooms']);
  },
  'batch_processing.batch_size': async () => {
    const { out, result } = await runYaml('batch_processing:\n  batch_size: 3\n');
    assert.equal(result.config['batch_processing.batch_size']!.value, 3);
    assert.equal(sha256(out), sha256((await baseline).out), 'batch size never changes the output');
  },
  'optimization.enable_streaming': async () => {
    const { out, result } = await runYaml('enable_streaming: false\n');
    assert.match(result.notes.join('\n'), /enable_streaming = false .*always streams/);
    assert.equal(sha256(out), sha256((await baseline).out));
  },
  'optimization.enable_monitoring': async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'm.yml', 'enable_monitoring: true\ngeneration:\n  target_records: 2000\n');
    const r = megagen(['run', '--config', f, '-o', join(dir, 'out')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^progress 100% [\d.]+k?\/[\d.]+k? rows [\d.]+[kM]? rows\/s eta \S+ rss \d+MB$/m);
    const quiet = megagen(['run', '--config', f, '--no-monitor', '-o', join(dir, 'out2')]);
    assert.doesNotMatch(quiet.stderr, /^progress /m, '--no-monitor beats the file');
  },
  'optimization.enable_compression': async () => {
    const off = await runDir('enable_compression: false\n');
    assert.deepEqual(off.files, ['students-000000-000.ndjson']);
    assert.equal(off.manifest.config.compress, 'none');
    const on = await runDir('enable_compression: true\n');
    assert.deepEqual(on.files, ['students-000000-000.ndjson.gz']);
    assert.equal(gunzipSync(on.bytes('students-000000-000.ndjson.gz')).toString(), off.bytes('students-000000-000.ndjson').toString(), 'same rows either way');
    const brotli = await runDir('enable_compression: true\noutput:\n  compress: brotli\n');
    assert.deepEqual(brotli.files, ['students-000000-000.ndjson.br'], 'the specific key wins in one file');
  },
  'optimization.enable_checkpoints': async () => {
    const on = await runDir('enable_checkpoints: true\n');
    assert.ok(existsSync(join(on.dir, '_journal.ndjson')), 'a directory run journals its chunks');
    const off = await runDir('enable_checkpoints: false\n');
    assert.match(off.result.notes.join('\n'), /enable_checkpoints = false .*always writes its journal/);
  },
  'output.output_formats': async () => {
    const r = await runDir("output_formats: ['json', 'csv']\n");
    assert.deepEqual(r.files, ['students-000000-000.csv.gz', 'students-000000-000.json.gz']);
    assert.deepEqual(r.manifest.config.formats, ['json', 'csv']);
  },
  'output.max_file_size_mb': async () => {
    const r = await runDir('max_file_size_mb: 0.001\ncompress: none\n', 'generation:\n  preset: students\n  target_records: 400\n');
    assert.ok(r.files.length > 3, `many parts (got ${r.files.length})`);
    assert.equal(r.manifest.config.maxFileSizeMb, 0.001);
  },
  'output.compress': async () => {
    const r = await runDir('compress: none\n');
    assert.deepEqual(r.files, ['students-000000-000.ndjson']);
  },
  'output.compress_level': async () => {
    const r = await runDir('compress_level: 9\n');
    assert.equal(r.manifest.config.compressLevel, 9);
  },
  'output.sql_dialect': async () => {
    const r = await runDir("output_formats: [sql]\nsql_dialect: mysql\ncompress: none\n");
    assert.match(r.bytes(r.files[0]!).toString(), /`students`/, 'MySQL quotes names with backquotes');
    assert.equal(r.manifest.config.sqlDialect, 'mysql');
  },
  'output.chunk_size': async () => {
    const r = await runDir('chunk_size: 15\n');
    assert.deepEqual(r.files, ['students-000000-000.ndjson.gz', 'students-000001-000.ndjson.gz', 'students-000002-000.ndjson.gz']);
  },
  'conflicts.rate': async () => {
    const { out, result } = await runYaml('', 'generation:\n  target_records: 20000\n  tables: [teachers]\nconflicts:\n  rate: 0.05\n');
    assert.deepEqual(result.tables.map((t) => t.name), ['teachers', 'conflicts']);
    const truth = parseLines(out).filter((r) => r._table === 'conflicts');
    assert.ok(truth.length > 0 && truth.every((r) => r.difficulty === 'simple'));
  },
  'conflicts.types': async () => {
    const { out } = await runYaml('', 'generation:\n  target_records: 20000\n  tables: [teachers]\nconflict_rate: 0.05\nconflict_types: [teacher_overload]\n');
    const truth = parseLines(out).filter((r) => r._table === 'conflicts');
    assert.ok(truth.length > 0 && truth.every((r) => r.type === 'teacher_overload'));
  },
  'conflicts.difficulty': async () => {
    const { out } = await runYaml('', 'generation:\n  target_records: 20000\n  tables: [teachers]\nconflict_rate: 0.05\nconflict_difficulty: complex\n');
    const truth = parseLines(out).filter((r) => r._table === 'conflicts');
    assert.ok(truth.length > 0 && truth.every((r) => r.difficulty === 'complex') && truth.some((r) => r.is_decoy === true));
  },
  'batch_processing.max_workers': async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'w.yml', 'max_workers: 1\ngeneration:\n  preset: students\n  target_records: 30\n');
    const r = megagen(['run', '--config', f, '-o', join(dir, 'one')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'one', 'manifest.json'), 'utf8')).run.workers, 1);
    const two = megagen(['run', '--config', f, '--workers', '2', '-o', join(dir, 'two')]);
    assert.equal(JSON.parse(readFileSync(join(dir, 'two', 'manifest.json'), 'utf8')).run.workers, 1, 'one chunk: one worker is enough');
    assert.equal(two.status, 0, two.stderr);
  },
  'batch_processing.max_memory_mb': async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'm.yml', 'max_memory_mb: 100\nmax_workers: 2\ngeneration:\n  preset: students\n  target_records: 30\n');
    const r = megagen(['run', '--config', f, '-o', join(dir, 'out')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--memory 100 MB is too little for 2 workers/);
    const ok = megagen(['run', '--config', f, '--memory', '1024', '-o', join(dir, 'ok')]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'ok', 'manifest.json'), 'utf8')).run.memoryMb, 1024);
  },
  'output.output_dir': async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'o.yml', `output_dir: ${join(dir, 'data')}\ngeneration:\n  preset: students\n  target_records: 25\n`);
    const result = await new MegaDataGenerator({ configFile: f }).generateMegaDataset();
    assert.equal(result.tables[0]!.path, join(dir, 'data', 'students'));
    assert.equal(gunzipSync(readFileSync(join(dir, 'data', 'students', 'students-000000-000.ndjson.gz'))).toString('utf8').split('\n').length - 1, 25);
    assert.deepEqual(readdirSync(join(dir, 'data')).sort(), ['_journal.ndjson', 'manifest.json', 'megagen.log', 'performance_reports', 'students']);
  },
};

const PENDING_VALUES: Record<string, string> = {
};

describe('every config key changes what it should', () => {
  it('every key of the table has a case in this test', () => {
    for (const key of CONFIG_KEYS) {
      assert.ok(key.path in EFFECTS || (key.pending && key.path in PENDING_VALUES), `no test case for config key ${key.path}`);
    }
  });

  for (const key of CONFIG_KEYS) {
    if (key.pending) {
      it(`${key.path} (not wired yet) is accepted, recorded and reported, and changes nothing`, async () => {
        const { out, result } = await runYaml(PENDING_VALUES[key.path]!);
        const rec = result.config[key.path]!;
        assert.notEqual(rec.value, null, 'the value is kept in the resolved config');
        assert.match(rec.source, /mega_scale_config\.yml:\d+:\d+$/);
        assert.ok(result.notes.some((n) => n.startsWith(`${key.path} = `) && n.includes(key.pending!)), `a note says what ${key.path} does here`);
        assert.equal(sha256(out), sha256((await baseline).out));
      });
    } else {
      it(`${key.path}: ${key.description}`, EFFECTS[key.path]!);
    }
  }

  it("the seed's whole example config runs through the CLI, notes on stderr", () => {
    const dir = tempDir();
    const f = writeFile(dir, 'mega_scale_config.yml', 'generation:\n  target_records: 3000\n  scale: "huge"\n\nbatch_processing:\n  batch_size: 50000\n  max_workers: 8\n  max_memory_mb: 2048\n');
    const r = megagen(['run', '--config', f, '-o', join(dir, 'mega_output')]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /note: batch_processing\.max_workers/, 'max_workers is wired (issue 4)');
    assert.match(r.stderr, /^megagen: wrote [\d,]+ records/m);
    assert.ok(existsSync(join(dir, 'mega_output', 'enrollments', 'enrollments-000000-000.ndjson.gz')));
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigText, resolveConfig, layerFromApi, definePipeline } from '../../lib/index.js';
import { layerFromFlags } from '../../lib/config/config-layer.js';
import { presets } from '../../pipelines/index.js';
import { megagen, tempDir, writeFile } from '../api/helpers.js';

const campus = presets.get('campus')!;
const students = presets.get('students')!;

function setting(config: ReturnType<typeof resolveConfig>, path: string) {
  const s = config.settings.find((x) => x.key.path === path);
  assert.ok(s, `no setting ${path}`);
  return { value: s.value, source: s.source };
}

describe('precedence: flags > config file > preset defaults', () => {
  const file = parseConfigText('generation:\n  target_records: 50000\n  seed: 9\nbatch_processing:\n  batch_size: 300\n', 'm.yml');

  it('without a config or flags, values come from the preset and the defaults', () => {
    const c = resolveConfig([], campus);
    assert.deepEqual(setting(c, 'generation.target_records'), { value: 1_000_000, source: 'preset campus' });
    assert.deepEqual(setting(c, 'generation.seed'), { value: 42, source: 'default' });
    assert.deepEqual(c.options, {}, 'defaults are left to the run (and to the sink that runs it)');
  });

  it('a config file beats the preset defaults and says where each value is', () => {
    const c = resolveConfig([file], campus);
    assert.deepEqual(setting(c, 'generation.target_records'), { value: 50_000, source: 'm.yml:2:3' });
    assert.deepEqual(setting(c, 'batch_processing.batch_size'), { value: 300, source: 'm.yml:5:3' });
    assert.deepEqual(setting(c, 'generation.locale'), { value: 'en', source: 'default' });
    assert.deepEqual(c.options, { records: 50_000, seed: 9, batchSize: 300 }, 'defaults are left to the run');
  });

  it('flags beat the config file, key by key', () => {
    const flags = layerFromFlags(new Map<string, unknown>([['generation.target_records', 7000], ['generation.locale', 'zh_CN']]));
    const c = resolveConfig([file, flags], campus);
    assert.deepEqual(setting(c, 'generation.target_records'), { value: 7000, source: 'flag --records' });
    assert.deepEqual(setting(c, 'generation.locale'), { value: 'zh_CN', source: 'flag --locale' });
    assert.deepEqual(setting(c, 'generation.seed'), { value: 9, source: 'm.yml:3:3' });
  });

  it('the API layer sits between the config file and the flags', () => {
    const api = layerFromApi({ seed: 'api' }, 'MegaDataGenerator config');
    const flags = layerFromFlags(new Map<string, unknown>([['generation.seed', 'flag']]));
    assert.equal(resolveConfig([file, api], campus).options.seed, 'api');
    assert.equal(resolveConfig([file, api, flags], campus).options.seed, 'flag');
  });

  it('scale gives the record count unless target_records is given at the same or a higher level', () => {
    const scaleOnly = parseConfigText('generation:\n  scale: medium\n', 's.yml');
    assert.deepEqual(setting(resolveConfig([scaleOnly], campus), 'generation.target_records'), { value: 100_000, source: 's.yml:2:3 (scale medium)' });
    const both = parseConfigText('generation:\n  target_records: 20000\n  scale: huge\n', 'b.yml');
    assert.equal(resolveConfig([both], campus).options.records, 20_000);
    const flagScale = layerFromFlags(new Map<string, unknown>([['generation.scale', 'small']]));
    assert.equal(resolveConfig([both, flagScale], campus).options.records, 10_000, '--scale beats the file');
    const flagRecords = layerFromFlags(new Map<string, unknown>([['generation.target_records', 3000]]));
    assert.equal(resolveConfig([scaleOnly, flagScale, flagRecords], campus).options.records, 3000, '--records beats --scale');
  });

  it("tables default to the preset's own; an explicit list is kept", () => {
    const c = resolveConfig([parseConfigText('tables: [students]\n', 't.yml')], campus);
    assert.deepEqual(c.options.tables, ['students']);
    assert.equal(resolveConfig([], students).options.tables, undefined);
  });

  it('defaults follow the pipeline that is run', () => {
    const mini = definePipeline({ name: 'mini', description: 'x', tables: ['departments'], sizing: 'campus', defaultRecords: 4321 });
    assert.deepEqual(setting(resolveConfig([], mini), 'generation.target_records'), { value: 4321, source: 'preset mini' });
  });
});

describe('megagen config --print shows the resolved config and each source', () => {
  it('prints flags, file positions and defaults side by side', () => {
    const dir = tempDir();
    const f = writeFile(dir, 'mega_scale_config.yml', 'generation:\n  target_records: 1000000\n  scale: "huge"\nbatch_processing:\n  batch_size: 50000\n  max_workers: 8\n  max_memory_mb: 2048\n');
    const r = megagen(['config', '--print', '--config', f, '--seed', '7'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const line = (key: string) => r.stdout.split('\n').find((l) => l.startsWith(`${key} `)) ?? '';
    assert.match(line('generation.target_records'), /^generation\.target_records +1000000 +.*mega_scale_config\.yml:2:3$/);
    assert.match(line('generation.seed'), /^generation\.seed +7 +flag --seed$/);
    assert.match(line('batch_processing.batch_size'), /50000 +.*mega_scale_config\.yml:5:3$/);
    assert.match(line('batch_processing.max_workers'), /8 +.*mega_scale_config\.yml:6:3$/, 'a wired key has no pending note');
    assert.match(line('generation.locale'), /en +default$/);
    assert.match(line('generation.preset'), /campus +default$/);
  });

  it('--json gives every key with value and source; the preset can come from the file', () => {
    const dir = tempDir();
    const f = writeFile(dir, 'c.yml', 'preset: students\nscale: small\nenable_streaming: false\n');
    const r = megagen(['config', '--json', '--config', f, '--no-streaming']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { preset: string; config: Record<string, { value: unknown; source: string }>; notes: string[] };
    assert.equal(out.preset, 'students');
    assert.deepEqual(out.config['generation.target_records'], { value: 10_000, source: `${f}:2:1 (scale small)` });
    assert.deepEqual(out.config['optimization.enable_streaming'], { value: false, source: 'flag --no-streaming' });
    assert.equal(out.config['generation.preset']!.source, `${f}:1:1`);
    assert.match(out.notes.join('\n'), /enable_streaming = false .*changes nothing/);
    const positional = JSON.parse(megagen(['config', 'timetable', '--json', '--config', f]).stdout) as { preset: string };
    assert.equal(positional.preset, 'timetable', 'the positional preset beats the file');
  });
});

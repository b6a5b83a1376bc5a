import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfigFile, parseConfigText, MegagenError } from '../../lib/index.js';
import { megagen, tempDir, writeFile } from '../api/helpers.js';

const SEED_EXAMPLE = `generation:
  target_records: 1000000
  scale: "huge"

batch_processing:
  batch_size: 50000
  max_workers: 8
  max_memory_mb: 2048
`;

function rejects(text: string, pattern: RegExp, file = 'cfg.yml'): void {
  assert.throws(
    () => parseConfigText(text, file, file.endsWith('.json')),
    (err: unknown) => {
      assert.ok(err instanceof MegagenError, String(err));
      assert.equal(err.code, 'ERR_INVALID_OPTION');
      assert.match(err.message, pattern);
      assert.ok(!err.message.includes('\n'), `one line: ${err.message}`);
      return true;
    },
  );
}

describe('a config file is read with the seed keys as they are', () => {
  it("reads the seed's mega_scale_config.yml example, with each key's line and column", () => {
    const layer = parseConfigText(SEED_EXAMPLE, 'mega_scale_config.yml');
    const get = (p: string) => layer.entries.get(p);
    assert.equal(get('generation.target_records')?.value, 1_000_000);
    assert.equal(get('generation.target_records')?.source, 'mega_scale_config.yml:2:3');
    assert.equal(get('generation.scale')?.value, 'huge');
    assert.equal(get('batch_processing.batch_size')?.value, 50_000);
    assert.equal(get('batch_processing.max_workers')?.value, 8);
    assert.equal(get('batch_processing.max_memory_mb')?.source, 'mega_scale_config.yml:8:3');
  });

  it('accepts the flat names of the seed parameter list and our sections alike', () => {
    const flat = parseConfigText('target_records: 5\nbatch_size: 7\nmax_workers: 2\nenable_compression: false\noutput_dir: out\noutput_formats: [json, sql]\n', 'f.yml');
    assert.equal(flat.entries.get('generation.target_records')?.value, 5);
    assert.equal(flat.entries.get('batch_processing.batch_size')?.value, 7);
    assert.equal(flat.entries.get('batch_processing.max_workers')?.value, 2);
    assert.equal(flat.entries.get('optimization.enable_compression')?.value, false);
    assert.equal(flat.entries.get('output.output_dir')?.value, 'out');
    assert.deepEqual(flat.entries.get('output.output_formats')?.value, ['json', 'sql']);
    const nested = parseConfigText('output:\n  output_dir: out\n  output_formats: ndjson,csv\n', 'f.yml');
    assert.equal(nested.entries.get('output.output_dir')?.value, 'out');
    assert.deepEqual(nested.entries.get('output.output_formats')?.value, ['ndjson', 'csv']);
  });

  it('reads JSON files', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'c.json', JSON.stringify({ generation: { target_records: 12345, seed: 'abc' } }));
    const layer = await loadConfigFile(f);
    assert.equal(layer.entries.get('generation.target_records')?.value, 12345);
    assert.equal(layer.entries.get('generation.seed')?.value, 'abc');
  });

  it('an empty file or an empty section sets nothing', () => {
    assert.equal(parseConfigText('', 'e.yml').entries.size, 0);
    assert.equal(parseConfigText('generation:\n', 'e.yml').entries.size, 0);
  });
});

describe('unknown keys are rejected with their path and a suggestion', () => {
  const cases: [string, RegExp][] = [
    ['generation:\n  target_record: 5\n', /^cfg\.yml:2:3: unknown key generation\.target_record \(did you mean generation\.target_records\?\)$/],
    ['genration:\n  target_records: 5\n', /^cfg\.yml:2:3: unknown key genration\.target_records \(did you mean generation\.target_records\?\)$/],
    ['generation:\n  batch_size: 5\n', /unknown key generation\.batch_size \(did you mean batch_processing\.batch_size\?\)$/],
    ['max_worker: 4\n', /^cfg\.yml:1:1: unknown key max_worker \(did you mean max_workers\?\)$/],
    ['batch_processing:\n  max_memory: 4\n', /unknown key batch_processing\.max_memory \(did you mean batch_processing\.max_memory_mb\?\)$/],
    ['enable_compresion: true\n', /unknown key enable_compresion \(did you mean enable_compression\?\)$/],
    ['colour_scheme: dark\n', /^cfg\.yml:1:1: unknown key colour_scheme$/],
  ];
  for (const [text, pattern] of cases) {
    it(`rejects ${text.replace(/\n/g, ' ').trim()}`, () => rejects(text, pattern));
  }
});

describe('wrong types are rejected naming the file, position and key', () => {
  const cases: [string, RegExp][] = [
    ['generation:\n  target_records: "many"\n', /^cfg\.yml:2:3: generation\.target_records must be an integer from 1 to 10,000,000,000 \(got "many"\)$/],
    ['generation:\n  target_records: 2.5\n', /generation\.target_records must be an integer/],
    ['batch_size: 0\n', /^cfg\.yml:1:1: batch_size must be an integer from 1 to 1,000,000 \(got 0\)$/],
    ['enable_monitoring: "yes"\n', /enable_monitoring must be true or false \(got "yes"\)/],
    ['output_formats: [json, xml]\n', /output_formats must be a list of ndjson, json, csv, sql \(got \["json","xml"\]\)/],
    ['generation:\n  scale: giant\n', /generation\.scale must be one of small, medium, large, huge \(got "giant"\)/],
    ['locale: fr\n', /locale must be one of en, zh_CN/],
    ['generation:\n  target_records:\n', /generation\.target_records must be an integer .* \(got null\)/],
    ['max_memory_mb: 8\n', /max_memory_mb must be an integer from 16/],
    ['generation:\n  seed: 1.5\n', /generation\.seed must be an integer or a non-empty string/],
  ];
  for (const [text, pattern] of cases) {
    it(`rejects ${text.replace(/\n/g, ' ').trim()}`, () => rejects(text, pattern));
  }

  it('rejects a key given twice under two names', () => {
    rejects('target_records: 5000\ngeneration:\n  target_records: 6000\n', /^cfg\.yml:3:3: generation\.target_records repeats target_records \(cfg\.yml:1:1\): give it once$/);
  });
});

describe('text that is not YAML or JSON is rejected with file, line and column', () => {
  it('reports a malformed flow sequence at its line and column', () => {
    rejects('generation:\n  target_records: [1, 2\nfoo: 1\n', /^cfg\.yml:3:1: not valid YAML: /);
  });
  it('reports tab indentation', () => rejects('generation:\n\ttarget_records: 5\n', /^cfg\.yml:2:1: not valid YAML: Tabs/));
  it('reports a duplicate key', () => rejects('seed: 1\nseed: 2\n', /^cfg\.yml:2:1: not valid YAML: Map keys must be unique/));
  it('reports bad JSON at its line and column', () =>
    rejects('{\n  "generation": {"target_records": 5,}\n}', /^cfg\.json:2:38: not valid JSON: Expected double-quoted property name$/, 'cfg.json'));
  it('rejects a document that is a list or a sentence', () => {
    rejects('- 1\n- 2\n', /^cfg\.yml: a config file must be a mapping of keys .* got a list$/);
    rejects('hello world\n', /got a string$/);
  });
  it('rejects binary files, other extensions and missing files', async () => {
    const dir = tempDir();
    const bin = writeFile(dir, 'bin.yml', '\u0000\u0001\u0002ELF');
    await assert.rejects(loadConfigFile(bin), /bin\.yml: not a YAML or JSON text file/);
    await assert.rejects(loadConfigFile(writeFile(dir, 'c.toml', 'a = 1')), /c\.toml: a config file must end in \.yml, \.yaml or \.json \(got "\.toml"\)/);
    await assert.rejects(loadConfigFile(`${dir}/missing.yml`), /missing\.yml: cannot read config file \(no such file\)/);
  });
});

describe('the CLI turns a bad config into one line and exit status 2', () => {
  it('megagen run --config with a wrong type writes nothing and exits 2', () => {
    const dir = tempDir();
    const f = writeFile(dir, 'mega_scale_config.yml', 'generation:\n  target_records: "many"\n');
    const r = megagen(['run', 'students', '--config', f, '-o', '-']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `megagen: ${f}:2:3: generation.target_records must be an integer from 1 to 10,000,000,000 (got "many")\n`);
  });
  it('megagen config --print with malformed YAML exits 2 naming file:line:column', () => {
    const dir = tempDir();
    const f = writeFile(dir, 'bad.yaml', 'batch_processing:\n  batch_size: [1, 2\n  max_workers: 3\n');
    const r = megagen(['config', '--print', '--config', f]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`^megagen: ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid YAML: .+\\n$`));
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { formatProgressLine, parseProgressLine, humanCount, humanDuration, parseHumanDuration, MIB } from '../../lib/monitor/format.js';
import { ProgressModel } from '../../lib/monitor/progress-model.js';
import { createProgressReporter } from '../../lib/monitor/progress-reporter.js';

test('a progress line reads like the issue says and parses back', () => {
  const line = formatProgressLine({ percent: 41.7, done: 3_210_000, total: 7_800_000, rowsPerSecond: 1_100_000, etaSeconds: 4.2, rssBytes: 180 * MIB });
  assert.equal(line, 'progress 41% 3.2M/7.8M rows 1.1M rows/s eta 4s rss 180MB');
  assert.deepEqual(parseProgressLine(line), { percent: 41, done: 3_200_000, total: 7_800_000, rowsPerSecond: 1_100_000, etaSeconds: 4, rssBytes: 180 * MIB });
  assert.equal(parseProgressLine('megagen: wrote 10 records'), null);
  assert.equal(parseProgressLine('progress 41% x/y rows'), null);
});

test('counts and durations are short and reversible', () => {
  for (const [n, s] of [[0, '0'], [999, '999'], [1000, '1.0k'], [12_345, '12.3k'], [123_456_789, '123M'], [2.5e9, '2.5G']] as const) assert.equal(humanCount(n), s);
  for (const [sec, s] of [[4, '4s'], [65, '1m05s'], [7380, '2h03m']] as const) {
    assert.equal(humanDuration(sec), s);
    assert.equal(parseHumanDuration(s), sec);
  }
  assert.equal(humanDuration(NaN), '?');
  assert.ok(Number.isNaN(parseHumanDuration('?')));
});

test('the plain reporter writes parseable lines at most once per interval, and a last one', () => {
  let now = 0;
  const model = new ProgressModel(1_000_000, () => now);
  const out = new PassThrough();
  let text = '';
  out.on('data', (b: Buffer) => (text += b.toString()));
  const r = createProgressReporter(out, { tty: false, lineEveryMs: 1000 });
  model.workerStarted('w1', 123);
  model.chunkStarted('w1', 'students#0', 1_000_000);
  for (let i = 1; i <= 20; i++) {
    now = i * 250;
    model.chunkProgress('w1', i * 40_000);
    model.usage('w1', 100 * MIB, 99);
    r.update(model.snapshot());
  }
  model.chunkFinished('w1', 1_000_000);
  now = 5200;
  r.stop(model.snapshot());
  const lines = text.trimEnd().split('\n');
  assert.ok(lines.length >= 5 && lines.length <= 7, `got ${lines.length} lines`);
  const parsed = lines.map(parseProgressLine);
  for (const [i, p] of parsed.entries()) assert.ok(p, `line ${i} does not parse: ${lines[i]}`);
  const last = parsed[parsed.length - 1]!;
  assert.equal(last.percent, 100);
  assert.equal(last.done, 1_000_000);
  assert.equal(last.etaSeconds, 0);
  const mid = parsed[1]!;
  assert.ok(mid.rowsPerSecond > 100_000 && mid.rowsPerSecond < 200_000, `rate ${mid.rowsPerSecond}`);
  assert.equal(mid.rssBytes, 100 * MIB);
  assert.ok(Number.isFinite(mid.etaSeconds) && mid.etaSeconds > 0);
});

test('a dead worker’s partial chunk stops counting', () => {
  let now = 0;
  const model = new ProgressModel(100, () => now);
  model.chunkStarted('w1', 't#0', 50);
  model.chunkProgress('w1', 30);
  assert.equal(model.done(), 30);
  model.chunkAbandoned('w1');
  assert.equal(model.done(), 0);
  model.chunkStarted('w1', 't#0', 50);
  model.chunkFinished('w1', 50);
  model.skip(50);
  now = 1000;
  const s = model.snapshot();
  assert.equal(s.done, 100);
  assert.equal(s.percent, 100);
});

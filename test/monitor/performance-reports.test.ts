import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TimeSeriesRecorder, MAX_POINTS } from '../../lib/monitor/time-series.js';
import { RunMonitor } from '../../lib/monitor/run-monitor.js';
import { writePerformanceReports, REPORTS_DIR } from '../../lib/monitor/performance-reports.js';
import { CHART_HEIGHT, CHART_WIDTH, performanceSvg, niceTicks } from '../../lib/monitor/performance-chart.js';
import { MIB } from '../../lib/monitor/format.js';

const CLI = fileURLToPath(new URL('../../cli/megagen.js', import.meta.url));

function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function sampleData() {
  let now = 0;
  const m = new RunMonitor({ totalRows: 2_000_000, now: () => now });
  for (let i = 1; i <= 20; i++) {
    m.recorder.sample('w1', 11, i / 2, i * 50_000, (100 + i) * MIB, 97);
    m.recorder.sample('w2', 12, i / 2, i * 48_000, (90 + i) * MIB, 95);
    m.recorder.samplePrimary(10, i / 2, 50 * MIB, 2);
  }
  m.recorder.chunk('students', 1_000_000, 40e6, 200e6, 0, 5);
  m.recorder.chunk('enrollments', 960_000, 30e6, 150e6, 0, 5);
  now = 10_000;
  return m.performanceData({
    megagen: '0.0.0', pipeline: 'campus', seed: 7, records: 1_960_000, workers: 2, tableOrder: ['students', 'enrollments'],
    disk: { bytes: 70e6, rawBytes: 350e6, files: 4 }, events: { workerRestarts: 0, chunkRetries: 0, batchShrinks: 0, recycles: 0 },
  });
}

test('rates come from cumulative rows, and long series stay bounded', () => {
  const r = new TimeSeriesRecorder();
  r.sample('w1', 1, 1, 1000, 10, 50);
  r.sample('w1', 1, 2, 3000, 30, 60);
  r.sample('w1', 1, 3, 2000, 20, 70); // a restart lost rows: never a negative rate
  const [s] = r.series();
  assert.deepEqual(s!.points.map((p) => p.rowsPerSecond), [1000, 2000, 0]);
  assert.equal(s!.peakRssBytes, 30);
  for (let i = 0; i < 10 * MAX_POINTS; i++) r.sample('w2', 2, 4 + i, i * 10, 5, 5);
  assert.ok(r.series()[1]!.points.length < 2 * MAX_POINTS);
});

test('the reports are written: data, text with the key figures, and a PNG of the expected size', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'megagen-report-'));
  try {
    const data = sampleData();
    await writePerformanceReports(dir, data);
    const out = join(dir, REPORTS_DIR);
    const back = JSON.parse(await readFile(join(out, 'performance_data.json'), 'utf8'));
    assert.equal(back.series.length, 2);
    assert.equal(back.tables[0].name, 'students');
    const text = await readFile(join(out, 'performance_report.txt'), 'utf8');
    for (const needle of ['throughput', 'peak memory', 'disk used', 'compression       5.00x', 'students', 'enrollments', 'mean CPU']) assert.ok(text.includes(needle), needle);
    const png = await readFile(join(out, 'performance_charts.png'));
    assert.deepEqual(pngSize(png), { width: CHART_WIDTH, height: CHART_HEIGHT });
    assert.ok(png.length > 20_000, 'a chart with text and lines is not tiny');
    const svg = performanceSvg(data);
    for (const label of ['Throughput per worker', 'Resident memory', 'CPU per process', 'time since start (s)', '>w1<', '>w2<', '>primary<']) assert.ok(svg.includes(label), label);

    // `megagen report DIR` regenerates the text and the chart from the data.
    await rm(join(out, 'performance_charts.png'));
    await writeFile(join(out, 'performance_report.txt'), '');
    const r = spawnSync(process.execPath, [CLI, 'report', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(pngSize(await readFile(join(out, 'performance_charts.png'))), { width: CHART_WIDTH, height: CHART_HEIGHT });
    assert.ok((await stat(join(out, 'performance_report.txt'))).size > 500);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('megagen report refuses a directory without performance data, in one line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'megagen-report-'));
  try {
    const r = spawnSync(process.execPath, [CLI, 'report', dir], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /^megagen: .*performance_data\.json.*\n$/);
    await writeFile(join(dir, 'x'), '');
    const r2 = spawnSync(process.execPath, [CLI, 'report', join(dir, 'x')], { encoding: 'utf8' });
    assert.notEqual(r2.status, 0);
    assert.match(r2.stderr, /^megagen: .*not a directory\n$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('axis ticks are round numbers covering the data', () => {
  assert.deepEqual(niceTicks(9.3, 5), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(1_340_000, 5), [0, 500_000, 1_000_000, 1_500_000]);
  assert.deepEqual(niceTicks(0), [0, 1]);
});

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MegagenError } from '../errors.js';
import type { PerformanceData } from './performance-data.js';
import { performanceReportText } from './performance-report.js';
import { performanceSvg, renderPng } from './performance-chart.js';

export const REPORTS_DIR = 'performance_reports';
export const DATA_FILE = 'performance_data.json';
export const REPORT_FILE = 'performance_report.txt';
export const CHART_FILE = 'performance_charts.png';

async function writeAtomic(path: string, body: string | Buffer): Promise<void> {
  await writeFile(`${path}.tmp`, body);
  await rename(`${path}.tmp`, path);
}

/** Writes the data, the text report and the PNG charts under `DIR/performance_reports/`; returns their paths. */
export async function writePerformanceReports(dir: string, data: PerformanceData, o: { data?: boolean } = {}): Promise<string[]> {
  const out = join(dir, REPORTS_DIR);
  const paths = [join(out, DATA_FILE), join(out, REPORT_FILE), join(out, CHART_FILE)];
  try {
    await mkdir(out, { recursive: true });
    if (o.data !== false) await writeAtomic(paths[0]!, `${JSON.stringify(data, null, 1)}\n`);
    await writeAtomic(paths[1]!, performanceReportText(data));
    await writeAtomic(paths[2]!, renderPng(performanceSvg(data)));
  } catch (err) {
    throw new MegagenError('ERR_OUTPUT', `cannot write performance reports in ${out}: ${(err as Error).message}`, { cause: err });
  }
  return o.data === false ? paths.slice(1) : paths;
}

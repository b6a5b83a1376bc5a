import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { MegagenError } from '../../lib/errors.js';
import { readPerformanceData } from '../../lib/monitor/performance-data.js';
import { DATA_FILE, REPORTS_DIR, writePerformanceReports } from '../../lib/monitor/performance-reports.js';

export interface ReportArgs {
  dir: string;
}

/** `megagen report DIR`: regenerates performance_report.txt and performance_charts.png from performance_data.json. */
export async function reportCommand(args: ReportArgs, stderr: NodeJS.WritableStream): Promise<void> {
  const dir = args.dir;
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new MegagenError('ERR_OUTPUT', `${dir} is not a directory`);
  const dataPath = join(dir, REPORTS_DIR, DATA_FILE);
  const exists = await stat(dataPath).then(() => true, () => false);
  if (!exists) throw new MegagenError('ERR_OUTPUT', `${dir} has no ${REPORTS_DIR}/${DATA_FILE} (not a megagen output directory, or a run without monitoring data)`);
  const data = await readPerformanceData(dataPath);
  const written = await writePerformanceReports(dir, data, { data: false });
  stderr.write(`megagen: wrote ${written.join(', ')}\n`);
}

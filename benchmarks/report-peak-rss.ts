/**
 * Preloaded into a benchmarked process (`node --import .../report-peak-rss.js`):
 * on exit, writes the process's own peak RSS and CPU time, from
 * process.resourceUsage(), as JSON to the file named by MEGAGEN_BENCH_RSS_FILE.
 * Measured inside the child, so it is the generator's own peak, not the harness's.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.MEGAGEN_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}

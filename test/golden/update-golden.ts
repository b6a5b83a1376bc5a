/**
 * Regenerates the golden outputs under test/fixtures/golden/ (`npm run golden:update`).
 * Run it only when a change of generated values is deliberate, and say so in
 * the commit. Without --write (as when `node --test` loads every file under
 * dist/test/) it does nothing.
 */
import { goldenCases, readGolden, recordGolden, writeGolden } from '../helpers/golden.js';

if (process.argv.includes('--write')) {
  for (const c of goldenCases()) {
    const before = readGolden(c.file);
    const record = await recordGolden(c);
    const path = writeGolden(record);
    const state = before === null ? 'new' : before.sha256 === record.sha256 ? 'unchanged' : 'CHANGED';
    process.stdout.write(`${state.padEnd(9)} ${path} (${record.rows} rows, ${record.bytes} bytes, sha256 ${record.sha256.slice(0, 16)}…)\n`);
  }
}

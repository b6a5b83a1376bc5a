import { join } from 'node:path';
import pino from 'pino';

export const LOG_FILE = 'megagen.log';

export type RunLog = pino.Logger;

/**
 * The run's NDJSON log, `DIR/megagen.log` (appended: a resumed run adds to
 * it). The destination is synchronous, so every line is on disk when the
 * call returns and nothing is lost on process.exit or a crash. Events are
 * named by `msg`: start, config, chunk, worker-start, worker-exit,
 * worker-restart, warning, error, summary.
 */
export function createRunLog(dir: string): RunLog {
  const dest = pino.destination({ dest: join(dir, LOG_FILE), sync: true, append: true, mkdir: true });
  // A log line that cannot be written (a full disk) must not crash the run
  // with an unhandled 'error' event: the run's own writes fail on the same
  // disk and report it in one line; the log is only a record.
  dest.on('error', () => {});
  return pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, dest);
}

/** A log that writes nothing (output to stdout, or a library caller without a directory). */
export function silentRunLog(): RunLog {
  return pino({ level: 'silent' });
}

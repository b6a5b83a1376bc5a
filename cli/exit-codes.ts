import { MegagenError } from '../lib/errors.js';

/** 0 ok, 1 run failed (I/O, internal), 2 bad usage (arguments, unknown names). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function exitCodeFor(err: unknown): number {
  if (err instanceof MegagenError) {
    switch (err.code) {
      case 'ERR_INVALID_OPTION':
      case 'ERR_UNKNOWN_PRESET':
      case 'ERR_UNKNOWN_TABLE':
        return EXIT_USAGE;
      default:
        return EXIT_FAILURE;
    }
  }
  return EXIT_FAILURE;
}

/** One line for the terminal: the message, never a stack trace. */
export function errorLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return `megagen: ${msg.split('\n')[0]}`;
}

import { invalidOption } from '../lib/errors.js';

/**
 * A whole count from the command line: digits with optional `_` or `,`
 * separators, or an integer in scientific notation (`1e6`). yargs would turn
 * `abc` into NaN and lose the bad text; this names it.
 */
export function parseCount(flag: string, text: unknown, min: number, max: number): number {
  const raw = String(text).trim();
  const cleaned = raw.replace(/[_,]/g, '');
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidOption(`${flag} must be an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got "${raw}")`);
  }
  return n;
}

/** A seed: an integer stays a number, anything else is a string seed. */
export function parseSeed(text: unknown): number | string {
  const raw = String(text);
  if (/^-?\d+$/.test(raw)) {
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw invalidOption(`--seed must be a safe integer or a non-numeric string (got "${raw}")`);
    return n;
  }
  if (raw.length === 0) throw invalidOption('--seed must not be empty');
  return raw;
}

/** A comma-separated list (`a,b` or repeated flags). */
export function parseList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
}

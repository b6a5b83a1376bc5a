/**
 * Date and time formatting for generated values. Days are counted from
 * 1970-01-01 (UTC) and the strings of a day are computed once and cached, so
 * the hot loop never builds a Date. No value depends on the clock.
 */

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + i);

/** Days since the epoch of a UTC calendar date. */
export function epochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

const FIRST_YEAR = 1900;
const JAN_FIRST = Array.from({ length: 301 }, (_, i) => epochDay(FIRST_YEAR + i, 1, 1));

/** Epoch day of 1 January of `year` (1900..2200), from a table: no Date in the hot loop. */
export function yearStart(year: number): number {
  return JAN_FIRST[year - FIRST_YEAR] ?? epochDay(year, 1, 1);
}

// Strings of the days 1900..2200, filled as they are first asked for: an
// array index instead of a Map lookup (one per enrollment row).
const DAY_ZERO = JAN_FIRST[0]!;
const dayCache: (string | undefined)[] = new Array<string | undefined>(JAN_FIRST[JAN_FIRST.length - 1]! - DAY_ZERO).fill(undefined);

/** `YYYY-MM-DD` of an epoch day. */
export function dateString(day: number): string {
  const k = day - DAY_ZERO;
  if (k >= 0 && k < dayCache.length) {
    let s = dayCache[k];
    if (s === undefined) dayCache[k] = s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    return s;
  }
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

let times: string[] | null = null;

/** `THH:MM:SSZ` of every second of a day, built on first use (86,400 short strings). */
function timeOfDay(second: number): string {
  if (times === null) {
    times = new Array<string>(86_400);
    for (let s = 0; s < 86_400; s++) times[s] = `T${TWO[Math.floor(s / 3600)]}:${TWO[Math.floor(s / 60) % 60]}:${TWO[s % 60]}Z`;
  }
  return times[second]!;
}

/** `YYYY-MM-DDTHH:MM:SSZ` of an epoch day and a second of that day. */
export function dateTimeString(day: number, second: number): string {
  return dateString(day) + timeOfDay(second);
}

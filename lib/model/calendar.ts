/**
 * Date and time formatting for generated values. Days are counted from
 * 1970-01-01 (UTC) and the strings of a day are computed once and cached, so
 * the hot loop never builds a Date. No value depends on the clock.
 */

const dayCache = new Map<number, string>();
const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + i);

/** Days since the epoch of a UTC calendar date. */
export function epochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** `YYYY-MM-DD` of an epoch day. */
export function dateString(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

/** `YYYY-MM-DDTHH:MM:SSZ` of an epoch day and a second of that day. */
export function dateTimeString(day: number, second: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor(second / 60) % 60;
  return `${dateString(day)}T${TWO[h]}:${TWO[m]}:${TWO[second % 60]}Z`;
}

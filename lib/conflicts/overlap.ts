import { DAYS, SLOTS, TIME_CODES, newSectionTime, timeOfCode, type SectionTime } from '../model/campus-plan.js';

/**
 * Time relations the injector uses to choose partners (the checker has its
 * own, written independently). Callers compare sections of one semester.
 */

/** Bit w set for each week w in which the section meets (weeks 1-20). */
export function weekMask(t: SectionTime): number {
  let mask = 0;
  for (let w = t.weekStart; w <= t.weekEnd; w++) if (t.parity === 'all' || (t.parity === 'odd') === (w % 2 === 1)) mask |= 1 << w;
  return mask;
}

/**
 * How a pair of sections of one semester relates:
 * - `simple`: identical periods and weeks;
 * - `medium`: overlapping, not identical, no odd/even pattern involved;
 * - `complex`: overlapping through an odd/even week pattern;
 * - `decoy-weeks`: overlapping periods but no shared week (1-8 vs 9-16, odd vs even);
 * - `decoy-adjacent`: back-to-back periods on the same day, sharing weeks;
 * - null: unrelated.
 */
export type PairRelation = 'simple' | 'medium' | 'complex' | 'decoy-weeks' | 'decoy-adjacent' | null;

/** pairRelation as a small integer (REL_NONE: null), for time codes. */
export const REL_NONE = 0;
export const REL_SIMPLE = 1;
export const REL_MEDIUM = 2;
export const REL_COMPLEX = 3;
export const REL_DECOY_WEEKS = 4;
export const REL_DECOY_ADJACENT = 5;
const REL_NAMES: readonly PairRelation[] = [null, 'simple', 'medium', 'complex', 'decoy-weeks', 'decoy-adjacent'];

/** The rules of pairRelation, as REL_*, for two times and their week masks (weekMask). */
function relate(a: SectionTime, b: SectionTime, weeksA: number, weeksB: number): number {
  if (a.day !== b.day) return REL_NONE;
  const share = (weeksA & weeksB) !== 0;
  if (a.start <= b.end && b.start <= a.end) {
    if (!share) return REL_DECOY_WEEKS;
    if (a.start === b.start && a.end === b.end && a.weekStart === b.weekStart && a.weekEnd === b.weekEnd && a.parity === b.parity) return REL_SIMPLE;
    if (a.parity !== 'all' || b.parity !== 'all') return REL_COMPLEX;
    return REL_MEDIUM;
  }
  if ((a.end + 1 === b.start || b.end + 1 === a.start) && share) return REL_DECOY_ADJACENT;
  return REL_NONE;
}

export function pairRelation(a: SectionTime, b: SectionTime): PairRelation {
  return REL_NAMES[relate(a, b, weekMask(a), weekMask(b))]!;
}

/** Codes within one day: block * 15 + variant * 5 + weeks (a time code is slot * 15 + ..., slot = block * DAYS + day - 1). */
const IN_DAY = (SLOTS / DAYS) * 15;
let relationTable: Int8Array | undefined;

/**
 * pairRelation of every two times of one day, by their in-day codes (built
 * once: 75 x 75 relations), each time decoded and its week mask made once:
 * a build at 10^6 records runs mostly before the optimising compiler, where
 * decoding and walking weeks per pair cost 17 ms.
 */
function relations(): Int8Array {
  if (relationTable) return relationTable;
  // In-day code x on day 1: slot = block * DAYS.
  const times = Array.from({ length: IN_DAY }, (_, x) => timeOfCode(((x / 15) | 0) * DAYS * 15 + (x % 15), newSectionTime()));
  const weeks = times.map(weekMask);
  const table = new Int8Array(IN_DAY * IN_DAY);
  for (let x = 0; x < IN_DAY; x++) for (let y = 0; y < IN_DAY; y++) table[x * IN_DAY + y] = relate(times[x]!, times[y]!, weeks[x]!, weeks[y]!);
  relationTable = table;
  return table;
}

/** Weekday and in-day code of each time code (slot = block * DAYS + day - 1). */
const CODE_DAY = Uint8Array.from({ length: TIME_CODES }, (_, c) => ((c / 15) | 0) % DAYS);
const CODE_IN_DAY = Uint8Array.from({ length: TIME_CODES }, (_, c) => {
  const slot = (c / 15) | 0;
  return ((slot / DAYS) | 0) * 15 + (c - slot * 15);
});

/** pairRelation of two time codes (CampusPlan#timeCode) as a REL_* integer. */
export function codeRelation(a: number, b: number): number {
  if (CODE_DAY[a] !== CODE_DAY[b]) return REL_NONE;
  return (relationTable ?? relations())[CODE_IN_DAY[a]! * IN_DAY + CODE_IN_DAY[b]!]!;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function weeksText(t: SectionTime): string {
  return `weeks ${t.weekStart}-${t.weekEnd}${t.parity === 'all' ? '' : ` ${t.parity}`}`;
}

/** `Tue p3-5 weeks 1-16 odd`: a section's time in words. */
export function timeText(t: SectionTime): string {
  return `${DAY_NAMES[t.day - 1]} p${t.start}-${t.end} ${weeksText(t)}`;
}

/**
 * timeText of each time code (CampusPlan#timeCode). A pair's detail in the
 * truth table is two of them around PAIR_SEPARATOR:
 * `Tue p3-5 weeks 1-16 / Tue p4-5 weeks 1-16 odd`.
 */
export const CODE_TEXTS: readonly string[] = Array.from({ length: TIME_CODES }, (_, c) => timeText(timeOfCode(c, newSectionTime())));
export const PAIR_SEPARATOR = ' / ';

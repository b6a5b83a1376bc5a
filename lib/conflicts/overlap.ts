import { DAYS, SLOTS, TIME_CODES, WEEK_PATTERNS, newSectionTime, timeOfCode, type SectionTime } from '../model/campus-plan.js';

/**
 * Time relations the injector uses to choose partners (the checker has its
 * own, written independently). Callers compare sections of one semester.
 */

function active(t: SectionTime, w: number): boolean {
  return w >= t.weekStart && w <= t.weekEnd && (t.parity === 'all' || (t.parity === 'odd') === (w % 2 === 1));
}

/** Some week in which both sections meet. */
export function weeksShare(a: SectionTime, b: SectionTime): boolean {
  const hi = Math.min(a.weekEnd, b.weekEnd);
  for (let w = Math.max(a.weekStart, b.weekStart); w <= hi; w++) if (active(a, w) && active(b, w)) return true;
  return false;
}

export function periodsOverlap(a: SectionTime, b: SectionTime): boolean {
  return a.day === b.day && a.start <= b.end && b.start <= a.end;
}

/** Same day, overlapping periods, at least one shared week. */
export function timesOverlap(a: SectionTime, b: SectionTime): boolean {
  return periodsOverlap(a, b) && weeksShare(a, b);
}

export function sameWeeks(a: SectionTime, b: SectionTime): boolean {
  return a.weekStart === b.weekStart && a.weekEnd === b.weekEnd && a.parity === b.parity;
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

export function pairRelation(a: SectionTime, b: SectionTime): PairRelation {
  if (a.day !== b.day) return null;
  if (periodsOverlap(a, b)) {
    if (!weeksShare(a, b)) return 'decoy-weeks';
    if (a.start === b.start && a.end === b.end && sameWeeks(a, b)) return 'simple';
    if (a.parity !== 'all' || b.parity !== 'all') return 'complex';
    return 'medium';
  }
  if ((a.end + 1 === b.start || b.end + 1 === a.start) && weeksShare(a, b)) return 'decoy-adjacent';
  return null;
}

/** pairRelation as a small integer (REL_NONE: null), for time codes. */
export const REL_NONE = 0;
export const REL_SIMPLE = 1;
export const REL_MEDIUM = 2;
export const REL_COMPLEX = 3;
export const REL_DECOY_WEEKS = 4;
export const REL_DECOY_ADJACENT = 5;

/** Codes within one day: block * 15 + variant * 5 + weeks (a time code is slot * 15 + ..., slot = block * DAYS + day - 1). */
const IN_DAY = (SLOTS / DAYS) * 15;
let relationTable: Int8Array | undefined;

/**
 * pairRelation of every two times of one day, by their in-day codes (built
 * once: 75 x 75 relations). The same rules as pairRelation, on each time's
 * periods and a bit mask of its weeks: a build at 10^6 records runs mostly
 * before the optimising compiler, where 5,625 pairRelation calls over
 * objects cost 17 ms.
 */
function relations(): Int8Array {
  if (relationTable) return relationTable;
  const t = newSectionTime();
  const start = new Int8Array(IN_DAY);
  const end = new Int8Array(IN_DAY);
  const weeks = new Int32Array(IN_DAY);
  const pattern = new Int8Array(IN_DAY);
  for (let x = 0; x < IN_DAY; x++) {
    // In-day code x on day 1: slot = block * DAYS.
    timeOfCode(((x / 15) | 0) * DAYS * 15 + (x % 15), t);
    start[x] = t.start;
    end[x] = t.end;
    pattern[x] = x % 5;
    for (let w = t.weekStart; w <= t.weekEnd; w++) if (t.parity === 'all' || (t.parity === 'odd') === (w % 2 === 1)) weeks[x]! |= 1 << w;
  }
  const odd = WEEK_PATTERNS.map(([, , parity]) => parity !== 'all');
  const table = new Int8Array(IN_DAY * IN_DAY);
  for (let x = 0; x < IN_DAY; x++) {
    for (let y = 0; y < IN_DAY; y++) {
      const share = (weeks[x]! & weeks[y]!) !== 0;
      let rel = REL_NONE;
      if (start[x]! <= end[y]! && start[y]! <= end[x]!) {
        if (!share) rel = REL_DECOY_WEEKS;
        else if (start[x] === start[y] && end[x] === end[y] && pattern[x] === pattern[y]) rel = REL_SIMPLE;
        else if (odd[pattern[x]!] || odd[pattern[y]!]) rel = REL_COMPLEX;
        else rel = REL_MEDIUM;
      } else if ((end[x]! + 1 === start[y] || end[y]! + 1 === start[x]) && share) rel = REL_DECOY_ADJACENT;
      table[x * IN_DAY + y] = rel;
    }
  }
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

/** `Tue p3-5 weeks 1-16 / p4-5 weeks 1-16 odd`: the two times of a pair, for the truth table. */
export function pairText(a: SectionTime, b: SectionTime): string {
  return `${DAY_NAMES[a.day - 1]} p${a.start}-${a.end} ${weeksText(a)} / ${DAY_NAMES[b.day - 1]} p${b.start}-${b.end} ${weeksText(b)}`;
}

import type { SectionTime } from '../model/campus-plan.js';

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

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function weeksText(t: SectionTime): string {
  return `weeks ${t.weekStart}-${t.weekEnd}${t.parity === 'all' ? '' : ` ${t.parity}`}`;
}

/** `Tue p3-5 weeks 1-16 / p4-5 weeks 1-16 odd`: the two times of a pair, for the truth table. */
export function pairText(a: SectionTime, b: SectionTime): string {
  return `${DAY_NAMES[a.day - 1]} p${a.start}-${a.end} ${weeksText(a)} / ${DAY_NAMES[b.day - 1]} p${b.start}-${b.end} ${weeksText(b)}`;
}

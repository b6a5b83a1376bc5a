import { Permutation } from '../random/permutation.js';
import { hashKey, streamId } from '../random/hash.js';
import { REL_COMPLEX, REL_DECOY_ADJACENT, REL_DECOY_WEEKS, REL_MEDIUM, REL_NONE, REL_SIMPLE } from './overlap.js';
import { CANDIDATES, newRecord, type PlanState } from './plan-state.js';
import type { Difficulty } from './options.js';

export type PairType = 'room_double_booking' | 'teacher_double_booking';

/** Decoys made for every four conflicts at difficulty complex (at least one). */
export function decoyTarget(n: number): number {
  return n === 0 ? 0 : Math.max(1, Math.round(n / 4));
}

/**
 * Room and teacher double bookings. A mover section joins a host section's
 * room (or teacher) in the same slot; its time is never changed, so its
 * students and teacher keep their clash-free week, and the partner is chosen
 * among the same-slot sections whose times already relate as the difficulty
 * asks. A room move is oriented so the mover's enrollment fits the new room.
 * Every placement is checked against the effective room or teacher
 * timetable: it must overlap exactly the sections the truth names.
 */
export function injectPairs(st: PlanState, type: PairType, n: number, difficulty: Difficulty): number {
  const rooms = type === 'room_double_booking';
  const total = 2 * st.P;
  const order = new Permutation(total, hashKey(st.seed, streamId(`conflicts.order.${type}`), 0));
  const wantDecoys = difficulty === 'complex' ? decoyTarget(n) : 0;
  const far = difficulty === 'complex';
  const want = wantedRelation(difficulty);
  const cands = new Int32Array(CANDIDATES);
  const ends = new Int32Array(CANDIDATES);
  let made = 0;
  let decoys = 0;

  const fits = (mover: number, host: number, expect: readonly number[]): boolean => {
    const sem = st.semOf(mover);
    if (rooms) {
      const dest = st.room(host);
      if (st.roomCapacity.has(dest) || !st.hasSeats(mover, dest, 0)) return false;
      return st.roomOverlapsExactly(mover, dest, expect);
    }
    return st.overlapsExactly(mover, st.teacherSections(sem, st.teacher(host)), expect);
  };
  const place = (mover: number, host: number): void => {
    if (rooms) st.moveToRoom(mover, st.room(host));
    else st.assignTeacher(mover, st.teacher(host));
  };
  const record = (x: number, y: number, decoy: boolean, group: number): void => {
    const r = newRecord(type, difficulty, decoy, group);
    const [a, b] = x < y ? [x, y] : [y, x];
    r.section = a;
    r.otherSection = b;
    r.semester = st.semOf(a);
    r.day = st.day(a);
    if (rooms) r.classroom = st.room(a);
    else r.teacher = st.teacher(a);
    st.records.push(r);
  };
  /** Places mover into host's room (or teacher) when it overlaps exactly `expect` there; rooms try both ways. */
  const placePair = (a: number, b: number, expect: 'host' | 'none'): boolean => {
    if (fits(b, a, expect === 'host' ? [a] : [])) {
      place(b, a);
      st.claim(a);
      return true;
    }
    if (rooms && fits(a, b, expect === 'host' ? [b] : [])) {
      place(a, b);
      st.claim(b);
      return true;
    }
    return false;
  };

  /** Places the first unclaimed candidate of cands[0..k) whose time relates to a's as `rel`, and records the pair. */
  const placeFirst = (a: number, k: number, rel: number, decoy: boolean): boolean => {
    for (let q = 0; q < k; q++) {
      const b = cands[q]!;
      if (st.claimed(b) || st.relation(a, b) !== rel) continue;
      if (placePair(a, b, decoy ? 'none' : 'host')) {
        record(a, b, decoy, st.records.length);
        return true;
      }
    }
    return false;
  };

  /** One conflicting pair: the host stays, the mover joins it. */
  const tryPair = (a: number): boolean => placeFirst(a, st.sameSlot(a, far, cands), want, false);

  /** A chain a - b - c: b overlaps both, a and c share no week (a decoy pair). */
  const tryChain = (a: number): boolean => {
    let k = 0;
    let e = 0;
    const all = st.sameSlot(a, true, cands);
    for (let q = 0; q < all; q++) {
      const x = cands[q]!;
      if (st.claimed(x)) continue;
      cands[k++] = x;
      if (st.relation(a, x) === REL_DECOY_WEEKS) ends[e++] = x;
    }
    if (e === 0) return false;
    for (let q = 0; q < k; q++) {
      const b = cands[q]!;
      const ab = st.relation(a, b);
      if (ab === REL_NONE || ab === REL_DECOY_WEEKS) continue;
      let placed = false;
      for (let z = 0; z < e; z++) {
        const c = ends[z]!;
        if (c === b || st.relation(b, c) === REL_DECOY_WEEKS) continue;
        if (!placed) {
          // fits(b, a, [a]) once per b that has any end c.
          if (!fits(b, a, [a])) break;
        }
        place(b, a);
        placed = true;
        if (!fits(c, a, [b])) {
          undo(b);
          continue;
        }
        place(c, a);
        st.claim(a);
        const group = st.records.length;
        record(a, b, false, group);
        record(b, c, false, group);
        record(a, c, true, group);
        return true;
      }
    }
    return false;
  };

  const undo = (mover: number): void => st.unmove(mover, rooms);

  /** A near miss: same slot without a shared week, or (teachers) back-to-back periods. */
  const tryDecoy = (a: number): boolean => {
    const adjacent = !rooms && decoys % 2 === 1;
    return adjacent
      ? placeFirst(a, st.adjacentSlot(a, true, cands), REL_DECOY_ADJACENT, true)
      : placeFirst(a, st.sameSlot(a, true, cands), REL_DECOY_WEEKS, true);
  };

  for (let k = 0; k < total && (made < n || decoys < wantDecoys); k++) {
    const a = order.forward(k);
    if (st.claimed(a)) continue;
    if (made < n) {
      if (difficulty === 'complex' && n - made >= 2 && made % 3 === 0 && tryChain(a)) made += 2;
      else if (tryPair(a)) made += 1;
    } else if (tryDecoy(a)) {
      decoys++;
    }
  }
  return made;
}

/** The relation (REL_*) a pair of a difficulty has. */
export function wantedRelation(difficulty: Difficulty): number {
  return difficulty === 'simple' ? REL_SIMPLE : difficulty === 'medium' ? REL_MEDIUM : REL_COMPLEX;
}

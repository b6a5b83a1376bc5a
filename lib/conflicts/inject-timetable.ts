import { Permutation } from '../random/permutation.js';
import { hashKey, streamId } from '../random/hash.js';
import { pairRelation, pairText, type PairRelation } from './overlap.js';
import { newRecord, type PlanState } from './plan-state.js';
import type { Difficulty } from './options.js';

export type PairType = 'room_double_booking' | 'teacher_double_booking';

/** Decoys made for every four conflicts at difficulty complex (at least one). */
export function decoyTarget(n: number): number {
  return n === 0 ? 0 : Math.max(1, Math.round(n / 4));
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
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
  let made = 0;
  let decoys = 0;

  const fits = (mover: number, host: number, expect: readonly number[]): boolean => {
    const sem = st.semOf(mover);
    if (rooms) {
      const dest = st.room(host);
      if (st.roomCapacity.has(dest) || st.count(mover) > st.roomCap(dest)) return false;
      return sameSet(st.overlapping(mover, st.roomSections(sem, dest)), expect);
    }
    return sameSet(st.overlapping(mover, st.teacherSections(sem, st.teacher(host))), expect);
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
    r.day = st.time(a).day;
    if (rooms) r.classroom = st.room(a);
    else r.teacher = st.teacher(a);
    r.detail = pairText(st.time(a), st.time(b));
    st.records.push(r);
  };
  const wanted = (rel: PairRelation): boolean =>
    difficulty === 'simple' ? rel === 'simple' : difficulty === 'medium' ? rel === 'medium' : rel === 'complex';

  /** One conflicting pair: the host stays, the mover joins it. */
  const tryPair = (a: number): boolean => {
    for (const b of st.sameSlot(a, far)) {
      if (st.claimed.has(b) || !wanted(pairRelation(st.time(a), st.time(b)))) continue;
      for (const [mover, host] of rooms ? [[b, a], [a, b]] : [[b, a]]) {
        if (fits(mover!, host!, [host!])) {
          place(mover!, host!);
          st.claimed.add(host!);
          record(a, b, false, st.records.length);
          return true;
        }
      }
    }
    return false;
  };

  /** A chain a - b - c: b overlaps both, a and c share no week (a decoy pair). */
  const tryChain = (a: number): boolean => {
    const cands = [...st.sameSlot(a, true)].filter((x) => !st.claimed.has(x));
    const ends = cands.filter((c) => pairRelation(st.time(a), st.time(c)) === 'decoy-weeks');
    if (ends.length === 0) return false;
    for (const b of cands) {
      const ab = pairRelation(st.time(a), st.time(b));
      if (ab === null || ab === 'decoy-weeks') continue;
      const cs = ends.filter((c) => c !== b && pairRelation(st.time(b), st.time(c)) !== 'decoy-weeks');
      if (cs.length === 0 || !fits(b, a, [a])) continue;
      for (const c of cs) {
        place(b, a);
        if (!fits(c, a, [b])) {
          undo(b);
          continue;
        }
        place(c, a);
        st.claimed.add(a);
        const group = st.records.length;
        record(a, b, false, group);
        record(b, c, false, group);
        record(a, c, true, group);
        return true;
      }
    }
    return false;
  };

  const undo = (mover: number): void => {
    const m = st.sectionMods.get(mover)!;
    if (rooms) delete m.room;
    else delete m.teacher;
    st.claimed.delete(mover);
  };

  /** A near miss: same slot without a shared week, or (teachers) back-to-back periods. */
  const tryDecoy = (a: number): boolean => {
    const adjacent = !rooms && decoys % 2 === 1;
    const cands = adjacent ? st.adjacentSlot(a, true) : st.sameSlot(a, true);
    for (const b of cands) {
      if (st.claimed.has(b)) continue;
      const rel = pairRelation(st.time(a), st.time(b));
      if (rel !== (adjacent ? 'decoy-adjacent' : 'decoy-weeks')) continue;
      for (const [mover, host] of rooms ? [[b, a], [a, b]] : [[b, a]]) {
        if (fits(mover!, host!, [])) {
          place(mover!, host!);
          st.claimed.add(host!);
          record(a, b, true, st.records.length);
          return true;
        }
      }
    }
    return false;
  };

  for (let k = 0; k < total && (made < n || decoys < wantDecoys); k++) {
    const a = order.forward(k);
    if (st.claimed.has(a)) continue;
    if (made < n) {
      if (difficulty === 'complex' && n - made >= 2 && made % 3 === 0 && tryChain(a)) made += 2;
      else if (tryPair(a)) made += 1;
    } else if (tryDecoy(a)) {
      decoys++;
    }
  }
  return made;
}

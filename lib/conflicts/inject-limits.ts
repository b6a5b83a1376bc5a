import { Permutation } from '../random/permutation.js';
import { hashKey, streamId } from '../random/hash.js';
import { SLOTS } from '../model/campus-plan.js';
import { newRecord, type PlanState } from './plan-state.js';
import { decoyTarget } from './inject-timetable.js';
import type { Difficulty } from './options.js';

/**
 * Capacity overflows: a section's capacity is set below its (effective)
 * enrollment count — by a clear margin (simple), by one seat (medium) — or,
 * at complex, its room's capacity drops to one seat below the largest
 * section the room holds (when that one is the only largest; otherwise one
 * below the count of a section, as at medium). Decoys: capacity exactly
 * equal to the count. Only sections whose count no other change touched.
 */
export function injectCapacityOverflows(st: PlanState, n: number, difficulty: Difficulty): number {
  const total = 2 * st.P;
  const order = new Permutation(total, hashKey(st.seed, streamId('conflicts.order.capacity_overflow'), 0));
  const wantDecoys = difficulty === 'complex' ? decoyTarget(n) : 0;
  let made = 0;
  let decoys = 0;
  const free = (i: number) => !st.claimed(i) && !st.countTouched(i);
  for (let k = 0; k < total && (made < n || decoys < wantDecoys); k++) {
    const i = order.forward(k);
    if (!free(i)) continue;
    const count = st.count(i);
    const room = st.room(i);
    const r = newRecord('capacity_overflow', difficulty, made >= n, st.records.length);
    r.section = i;
    r.semester = st.semOf(i);
    r.classroom = room;
    if (made >= n) {
      if (count < 1) continue;
      st.setCapacity(i, count);
      r.amount = 0;
      r.detail = `enrolled ${count} = capacity ${count} (full, not over)`;
      decoys++;
    } else {
      if (count < 2) continue;
      if (difficulty === 'complex' && st.roomsTouched[room] === 0 && !st.roomCapacity.has(room) && made % 2 === 0) {
        const inRoom = [...st.roomSections(0, room), ...st.roomSections(1, room)];
        if (inRoom.length === 2 * SLOTS && inRoom.every(free)) {
          let best = -1;
          let top = -1;
          let second = -1;
          for (const s of inRoom) {
            const c = st.count(s);
            if (c > top) {
              second = top;
              top = c;
              best = s;
            } else if (c > second) second = c;
          }
          if (best === i && top >= 2 && second < top) {
            st.roomCapacity.set(room, top - 1);
            st.roomsTouched[room] = 1;
            st.claim(i);
            r.amount = 1;
            r.detail = `enrolled ${top} > room capacity ${top - 1} (within the section's own capacity)`;
            st.records.push(r);
            made++;
            continue;
          }
        }
      }
      const excess = difficulty === 'simple' ? Math.max(1, Math.ceil(count * 0.2)) : 1;
      st.setCapacity(i, count - excess);
      r.amount = excess;
      r.detail = `enrolled ${count} > capacity ${count - excess}`;
      made++;
    }
    st.claim(i);
    st.records.push(r);
  }
  return made;
}

/**
 * Teacher overloads: max_weekly_periods drops below the teacher's peak week
 * (the most periods taught in any one week of a semester, week patterns
 * considered) — by a clear margin (simple), by one (medium), or by one for a
 * teacher whose load varies across weeks, so only the peak weeks are over
 * (complex). Decoys: max equal to the peak while the plain sum of periods is
 * higher (sections in disjoint weeks). Only teachers no other change touched.
 */
export function injectTeacherOverloads(st: PlanState, n: number, difficulty: Difficulty): number {
  const T = st.cp.T;
  const order = new Permutation(T, hashKey(st.seed, streamId('conflicts.order.teacher_overload'), 0));
  const wantDecoys = difficulty === 'complex' ? decoyTarget(n) : 0;
  let made = 0;
  let decoys = 0;
  for (let k = 0; k < T && (made < n || decoys < wantDecoys); k++) {
    const t = order.forward(k);
    if (st.teachersTouched[t] === 1) continue;
    const load = st.teacherLoad(t);
    const r = newRecord('teacher_overload', difficulty, made >= n, st.records.length);
    r.teacher = t;
    r.semester = load.peakSem;
    if (made >= n) {
      if (load.sum <= load.peak) continue;
      st.teacherMax.set(t, load.peak);
      r.amount = 0;
      r.detail = `peak week ${load.peak} periods = max ${load.peak}; plain sum ${load.sum} is not a week`;
      decoys++;
    } else {
      let max: number;
      if (difficulty === 'simple') max = load.peak - Math.max(2, Math.round(load.peak * 0.25));
      else max = load.peak - 1;
      if (difficulty === 'complex' && load.low >= load.peak) continue;
      if (max < 1) continue;
      st.teacherMax.set(t, max);
      r.amount = load.peak - max;
      r.detail = difficulty === 'complex'
        ? `peak week ${load.peak} periods > max ${max}; quietest week ${load.low}`
        : `peak week ${load.peak} periods > max ${max}`;
      made++;
    }
    st.teachersTouched[t] = 1;
    st.records.push(r);
  }
  return made;
}

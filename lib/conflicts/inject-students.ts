import { Permutation } from '../random/permutation.js';
import { hashKey, hashKey2, streamId } from '../random/hash.js';
import { semesterOneScore } from '../model/grades.js';
import { REL_COMPLEX, REL_DECOY_ADJACENT, REL_DECOY_WEEKS, REL_MEDIUM } from './overlap.js';
import { CANDIDATES, newRecord, type PlanState } from './plan-state.js';
import { decoyTarget, wantedRelation } from './inject-timetable.js';
import type { Difficulty } from './options.js';

const S_PICK = streamId('conflicts.student-pick');

/**
 * Whether the overlapping pairs among a list of sections of one semester
 * are exactly `want` (0, 1 or 2) pairs, each {a1, b1} or {a2, b2} (either
 * order; -1 names no pair). Counted in place: the build asks this of
 * tens of thousands of candidate moves. (PlanState#overlapsExactly asks
 * the other question: which sections of a list overlap one section.)
 */
function onlyOverlaps(st: PlanState, list: readonly number[], want: number, a1 = -1, b1 = -1, a2 = -1, b2 = -1): boolean {
  let found = 0;
  for (let a = 0; a < list.length; a++)
    for (let b = a + 1; b < list.length; b++) {
      const p = list[a]!;
      const q = list[b]!;
      if (!st.overlap(p, q)) continue;
      if (!((p === a1 && q === b1) || (p === b1 && q === a1) || (p === a2 && q === b2) || (p === b2 && q === a2))) return false;
      found++;
    }
  return found === want;
}

/** onlyOverlaps of `list` with position m set to section y (then put back): the student's sections after a move. */
function onlyOverlapsWith(st: PlanState, list: number[], m: number, y: number, want: number, a1 = -1, b1 = -1): boolean {
  const x = list[m]!;
  list[m] = y;
  const only = onlyOverlaps(st, list, want, a1, b1);
  list[m] = x;
  return only;
}

/** Moves enrollment e of u from section `from` into y, which becomes a claimed gain target (see canGain). */
function moveInto(st: PlanState, u: number, e: number, y: number, from: number): void {
  st.moveEnrollment(u, e, y, from);
  st.claimGainTarget(y);
}

/** Moves enrollment e of u from `from` into the first of `candidates[0..k)` that `ok` accepts; returns it, or -1 when none does. */
function moveToFirst(st: PlanState, u: number, e: number, from: number, candidates: Int32Array, k: number, ok: (y: number) => boolean): number {
  for (let q = 0; q < k; q++) {
    const y = candidates[q]!;
    if (!ok(y)) continue;
    moveInto(st, u, e, y, from);
    return y;
  }
  return -1;
}

/** Whether a section of `list`, other than at positions skip and skip2, is of course c. */
function hasCourse(st: PlanState, list: readonly number[], c: number, skip = -1, skip2 = -1): boolean {
  for (let i = 0; i < list.length; i++) if (i !== skip && i !== skip2 && st.course(list[i]!) === c) return true;
  return false;
}

/**
 * A target section y can take one more student: unchanged room, seats left
 * in it, a course new to the student (among the sections of `list` other
 * than those at positions skip and skip2, which the student leaves).
 */
function canGain(st: PlanState, y: number, list: readonly number[], skip: number, skip2 = -1): boolean {
  if (st.claimed(y) && !st.gainTarget(y)) return false;
  const r = st.room(y);
  if (st.roomCapacity.has(r) || !st.hasSeats(y, r, 1)) return false;
  return !hasCourse(st, list, st.course(y), skip, skip2);
}

/**
 * Student time clashes: a student's semester-1 enrollment that no semester-2
 * course builds on (a "free" pick, so no prerequisite depends on it) moves to
 * a section in the same slot as another of the student's sections, of a new
 * course (the student's gpa is recomputed with its credits). The source
 * section loses one enrollment and the target gains one; the target is a
 * section no other change touches, with a seat left in its room.
 */
export function injectStudentClashes(st: PlanState, n: number, difficulty: Difficulty): number {
  const cp = st.cp;
  const order = new Permutation(cp.S, hashKey(st.seed, streamId('conflicts.order.student_time_clash'), 0));
  const wantDecoys = difficulty === 'complex' ? decoyTarget(n) : 0;
  const far = difficulty === 'complex';
  const want = wantedRelation(difficulty);
  const scratch = new Int32Array(CANDIDATES);
  const chain = new Int32Array(CANDIDATES);
  let made = 0;
  let decoys = 0;

  const record = (u: number, x: number, ex: number, y: number, ey: number, decoy: boolean, group: number): void => {
    const r = newRecord('student_time_clash', difficulty, decoy, group);
    r.student = cp.studentOf(u);
    const swap = x > y;
    r.section = swap ? y : x;
    r.otherSection = swap ? x : y;
    r.enrollment = swap ? ey : ex;
    r.otherEnrollment = swap ? ex : ey;
    r.semester = 0;
    r.day = st.day(x);
    st.records.push(r);
  };

  /**
   * Moves free pick m of u (of sections `list`) next to pick m2 (section z),
   * if a target relating to z as `rel` exists whose only overlap among the
   * student's sections is with z (a decoy: none at all).
   */
  const tryMove = (u: number, list: number[], m: number, m2: number, rel: number, decoy: boolean, adjacent = false): number => {
    const z = list[m2]!;
    const x = list[m]!;
    const k = adjacent ? st.adjacentSlot(z, far, scratch) : st.sameSlot(z, far, scratch);
    for (let q = 0; q < k; q++) {
      const y = scratch[q]!;
      if (st.relation(z, y) !== rel) continue;
      if (!canGain(st, y, list, m)) continue;
      if (!(decoy ? onlyOverlapsWith(st, list, m, y, 0) : onlyOverlapsWith(st, list, m, y, 1, z, y))) continue;
      moveInto(st, u, st.enrollmentIndex(u, 0, m), y, x);
      return y;
    }
    return -1;
  };

  /** Free picks m and mb of u both join pick mz's slot: z overlaps each, the two share no week. */
  const tryChain = (u: number, list: number[], m: number, mb: number, mz: number): boolean => {
    const z = list[mz]!;
    const all = st.sameSlot(z, far, scratch);
    let n = 0;
    for (let q = 0; q < all; q++) {
      const y = scratch[q]!;
      const rel = st.relation(z, y);
      if ((rel === REL_COMPLEX || rel === REL_MEDIUM) && (!st.claimed(y) || st.gainTarget(y))) chain[n++] = y;
    }
    const x1 = list[m]!;
    const x2 = list[mb]!;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const y1 = chain[a]!;
        const y2 = chain[b]!;
        if (st.relation(y1, y2) !== REL_DECOY_WEEKS || st.course(y1) === st.course(y2)) continue;
        if (!canGain(st, y1, list, m, mb) || !canGain(st, y2, list, m, mb)) continue;
        list[m] = y1;
        list[mb] = y2;
        const ok = onlyOverlaps(st, list, 2, z, y1, z, y2);
        list[m] = x1;
        list[mb] = x2;
        if (!ok) continue;
        const e = (mm: number) => st.enrollmentIndex(u, 0, mm);
        moveInto(st, u, e(m), y1, x1);
        moveInto(st, u, e(mb), y2, x2);
        st.claimStudent(u);
        const group = st.records.length;
        record(u, z, e(mz), y1, e(m), false, group);
        record(u, z, e(mz), y2, e(mb), false, group);
        record(u, y1, e(m), y2, e(mb), true, group);
        return true;
      }
    }
    return false;
  };

  for (let k = 0; k < cp.S && (made < n || decoys < wantDecoys); k++) {
    const u = order.forward(k);
    if (st.studentClaimed(u)) continue;
    const k1 = st.load1(u);
    const k2 = st.load2(u);
    if (k1 - k2 < 1 || k1 < 2) continue;
    const h = hashKey(st.seed, S_PICK, u);
    const m = k2 + (h % (k1 - k2));
    // The ((h >>> 8) % (k1 - 1))-th of the other picks, in order.
    const q2 = (h >>> 8) % (k1 - 1);
    const m2 = q2 < m ? q2 : q2 + 1;
    const e = (mm: number) => st.enrollmentIndex(u, 0, mm);
    const list = st.studentSections(u, 0);
    if (made < n) {
      // A chain: two free picks join a third section, which overlaps both; the two share no week.
      if (difficulty === 'complex' && n - made >= 2 && made % 3 === 0 && k1 - k2 >= 2 && k1 >= 3) {
        const mb = m === k1 - 1 ? m - 1 : m + 1;
        let mz = 0; // the first other pick that is not mb
        while (mz === m || mz === mb) mz++;
        if (tryChain(u, list, m, mb, mz)) {
          made += 2;
          continue;
        }
      }
      const y = tryMove(u, list, m, m2, want, false);
      if (y >= 0) {
        st.claimStudent(u);
        record(u, list[m2]!, e(m2), y, e(m), false, st.records.length);
        made++;
      }
    } else {
      const adjacent = decoys % 2 === 1;
      const y = tryMove(u, list, m, m2, adjacent ? REL_DECOY_ADJACENT : REL_DECOY_WEEKS, true, adjacent);
      if (y >= 0) {
        st.claimStudent(u);
        record(u, list[m2]!, e(m2), y, e(m), true, st.records.length);
        decoys++;
      }
    }
  }
  return made;
}


/**
 * Prerequisite violations. simple: a semester-2 enrollment moves to a
 * same-slot section of a level-2 course whose prerequisite the student never
 * took; medium: the prerequisite was taken but failed (score 40-59, gpa
 * recomputed); complex: the prerequisite's semester-1 enrollment moved to
 * another course in the same slot, so the successor lacks it; decoys: the
 * prerequisite passed with exactly 60.
 */
export function injectPrerequisiteViolations(st: PlanState, n: number, difficulty: Difficulty): number {
  const cp = st.cp;
  const order = new Permutation(cp.S, hashKey(st.seed, streamId('conflicts.order.prerequisite_violation'), 0));
  const wantDecoys = difficulty === 'complex' ? decoyTarget(n) : 0;
  const scratch = new Int32Array(CANDIDATES);
  let made = 0;
  let decoys = 0;
  for (let k = 0; k < cp.S && (made < n || decoys < wantDecoys); k++) {
    const u = order.forward(k);
    if (st.studentClaimed(u)) continue;
    const k2 = st.load2(u);
    if (k2 < 1) continue;
    const h = hashKey(st.seed, S_PICK, u);
    const m = h % k2;
    const e1 = st.enrollmentIndex(u, 0, m);
    const e2 = st.enrollmentIndex(u, 1, m);
    const sem1 = st.studentSections(u, 0);
    const sem2 = st.studentSections(u, 1);
    const v = sem2[m]!;
    const x = sem1[m]!;
    const r = newRecord('prerequisite_violation', difficulty, made >= n, st.records.length);
    r.student = cp.studentOf(u);
    r.semester = 1;
    if (made >= n) {
      // Decoy: the prerequisite passed at exactly 60.
      if (semesterOneScore(st.seed, u, m, true) === 60) continue;
      st.setScore(u, e1, 60);
      r.enrollment = e2;
      r.otherEnrollment = e1;
      r.section = v;
      r.course = st.course(v);
      r.detail = `prerequisite course ${st.course(x) + 1} passed with exactly 60`;
      decoys++;
    } else if (difficulty === 'simple') {
      const done = moveToFirst(st, u, e2, v, scratch, st.sameSlot(v, false, scratch), (y) => {
        const c = st.course(y);
        if (c === st.course(v) || hasCourse(st, sem1, c - cp.C1) || !canGain(st, y, sem2, m)) return false;
        return onlyOverlapsWith(st, sem2, m, y, 0);
      });
      if (done < 0) continue;
      r.enrollment = e2;
      r.section = done;
      r.course = st.course(done);
      r.detail = `requires course ${st.course(done) - cp.C1 + 1}, never taken`;
      made++;
    } else if (difficulty === 'medium') {
      const score = 40 + (hashKey2(st.seed, S_PICK, u, 1) % 20);
      st.setScore(u, e1, score);
      r.enrollment = e2;
      r.otherEnrollment = e1;
      r.section = v;
      r.course = st.course(v);
      r.detail = `prerequisite course ${st.course(x) + 1} failed with ${score}`;
      made++;
    } else {
      const done = moveToFirst(st, u, e1, x, scratch, st.sameSlot(x, true, scratch), (y) => {
        if (st.course(y) === st.course(x) || !canGain(st, y, sem1, m)) return false;
        return onlyOverlapsWith(st, sem1, m, y, 0);
      });
      if (done < 0) continue;
      r.enrollment = e2;
      r.otherEnrollment = e1;
      r.section = v;
      r.course = st.course(v);
      r.detail = `prerequisite course ${st.course(x) + 1}: enrollment ${e1 + 1} is in section ${done + 1} of course ${st.course(done) + 1} instead`;
      made++;
    }
    st.claimStudent(u);
    st.records.push(r);
  }
  return made;
}

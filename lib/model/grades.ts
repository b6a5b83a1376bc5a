import { hashKey, hashPrefix, hashSub, streamId } from '../random/hash.js';

const S_SCORE = streamId('grades.score');
const S_CREDITS = streamId('courses.credits');

/** The part of a student's score hashes shared by all its picks (see scoreOfPick). */
export function scoreKey(seed: number, u: number): number {
  return hashPrefix(seed, S_SCORE, u);
}

/**
 * Score of pick m from a student's scoreKey: one mix and one finalisation,
 * for loops over a student's picks (GPA). Equal to semesterOneScore.
 */
export function scoreOfPick(key: number, m: number, mustPass: boolean): number {
  const h = hashSub(key, m);
  // Sum of three uniform draws: a bell-shaped score around 79.
  let score = 52 + (h & 31) % 19 + ((h >>> 5) & 31) % 19 + ((h >>> 10) & 31) % 19;
  if (score > 100) score = 100;
  if (mustPass && score < 60) score = 60 + ((h >>> 16) % 30);
  return score;
}

/**
 * Final score (0-100) of pick m of spread position u in semester 1. Scores of
 * picks that continue into semester 2 are passing (>= 60), since the
 * successor course requires the prerequisite passed.
 */
export function semesterOneScore(seed: number, u: number, m: number, mustPass: boolean): number {
  return scoreOfPick(scoreKey(seed, u), m, mustPass);
}

/** Credits of course c (0-based): 2, 3 or 4, mostly 3. */
export function courseCredits(seed: number, c: number): number {
  const x = hashKey(seed, S_CREDITS, c) % 10;
  return x < 2 ? 2 : x < 8 ? 3 : 4;
}

function pointsOfScore(score: number): number {
  if (score >= 90) return 4;
  if (score >= 85) return 3.7;
  if (score >= 82) return 3.3;
  if (score >= 78) return 3;
  if (score >= 75) return 2.7;
  if (score >= 72) return 2.3;
  if (score >= 68) return 2;
  if (score >= 64) return 1.5;
  if (score >= 60) return 1;
  return 0;
}

/** Grade points of the integer scores 0..100, looked up instead of a chain of comparisons. */
const GRADE_POINTS = Float64Array.from({ length: 101 }, (_, s) => pointsOfScore(s));

/** Grade points on the 4.0 scale used by Chinese universities. */
export function gradePoints(score: number): number {
  return score >= 0 && score <= 100 && score === (score | 0) ? GRADE_POINTS[score]! : pointsOfScore(score);
}

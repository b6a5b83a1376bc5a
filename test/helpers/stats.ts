/**
 * Small statistics for tests: Pearson's chi-square and its critical value at
 * p = 0.001. Tests draw with fixed seeds, so a statistic is a fixed number and
 * the test is deterministic: it fails only when the code changes.
 */

/** Pearson's chi-square of observed counts against expected counts. */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (observed.length !== expected.length) throw new Error('observed and expected differ in length');
  let x = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expected[i]!;
    if (e <= 0) {
      if (observed[i]! > 0) return Infinity;
      continue;
    }
    const d = observed[i]! - e;
    x += (d * d) / e;
  }
  return x;
}

/** Exact upper 0.1% points for small degrees of freedom (standard tables). */
const CRITICAL_001 = [NaN, 10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877, 29.588];
const Z_999 = 3.090232;

/** The value a chi-square with `df` degrees of freedom exceeds with probability 0.001 (Wilson-Hilferty above 10 df). */
export function chiSquareCritical001(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new Error(`degrees of freedom must be a positive integer (got ${df})`);
  if (df < CRITICAL_001.length) return CRITICAL_001[df]!;
  const a = 2 / (9 * df);
  return df * Math.pow(1 - a + Z_999 * Math.sqrt(a), 3);
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Coefficient of variation: standard deviation over mean (population). */
export function coefficientOfVariation(xs: readonly number[]): number {
  const m = mean(xs);
  let v = 0;
  for (const x of xs) v += (x - m) * (x - m);
  return Math.sqrt(v / xs.length) / m;
}

/**
 * Zero-padded decimal strings without number-to-string conversion in the hot
 * loop: every group of up to four digits comes from a table built once.
 * (Number to string was ~10% of a student row's generation time.)
 */
const PADDED = [1, 10, 100, 1000, 10_000].map((size, w) => Array.from({ length: size }, (_, i) => String(i).padStart(w, '0')));
const FOUR = PADDED[4]!;

const POW10 = Array.from({ length: 13 }, (_, i) => 10 ** i);

/**
 * n (an integer, 0 <= n < 10^12) in exactly `width` digits (1..12),
 * zero-padded on the left; wider numbers keep all their digits. One
 * concatenation up to 8 digits, two up to 12.
 */
export function zeroPad(n: number, width: number): string {
  if (width > 12 || !(n >= 0 && n < 1e12) || n % 1 !== 0) return String(n).padStart(width, '0');
  let w = width < 1 ? 1 : width;
  while (n >= POW10[w]!) w++;
  if (w <= 4) return PADDED[w]![n]!;
  const lo = n % 10_000;
  const rest = (n - lo) / 10_000;
  if (w <= 8) return PADDED[w - 4]![rest]! + FOUR[lo]!;
  const mid = rest % 10_000;
  return PADDED[w - 8]![(rest - mid) / 10_000]! + FOUR[mid]! + FOUR[lo]!;
}

/** Four digits, `0000`..`9999`. */
export function fourDigits(n: number): string {
  return FOUR[n]!;
}

/**
 * Zero-padded decimal strings without number-to-string conversion in the hot
 * loop: every 4-digit group comes from a table built once. (Number to string
 * was ~10% of a student row's generation time.)
 */
const FOUR = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));

/** n (0 <= n < 10^12) in exactly `width` digits (1..12), zero-padded on the left; wider numbers keep all their digits. */
export function zeroPad(n: number, width: number): string {
  if (n >= 1e12 || width > 12) return String(n).padStart(width, '0');
  const lo = n % 10_000;
  const mid = Math.floor(n / 10_000) % 10_000;
  const hi = Math.floor(n / 100_000_000);
  let s: string;
  if (hi > 0 || width > 8) s = FOUR[hi]! + FOUR[mid]! + FOUR[lo]!;
  else if (mid > 0 || width > 4) s = FOUR[mid]! + FOUR[lo]!;
  else s = FOUR[lo]!;
  // The table gives 4, 8 or 12 digits: drop leading zeros beyond the wanted width.
  let start = 0;
  while (s.length - start > width && s.charCodeAt(start) === 48) start++;
  return start === 0 ? s : s.slice(start);
}

/** Four digits, `0000`..`9999`. */
export function fourDigits(n: number): string {
  return FOUR[n]!;
}

/**
 * Encoders that write text straight into a Buffer, for the byte serialisers:
 * no intermediate string, no native call for the common case. Callers check
 * the space first (3 bytes per UTF-16 unit at most, 10 per uint32).
 */

/**
 * Writes s as UTF-8 at `off`; returns the offset after it. ASCII is copied
 * char by char (short strings: much cheaper than a call into Buffer#write);
 * at the first non-ASCII char the whole string goes through Buffer#write.
 */
export function writeAscii(buf: Buffer, off: number, s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return off + buf.write(s, off, 'utf8');
    buf[off + i] = c;
  }
  return off + n;
}

/** Writes an integer 0 <= n < 2^32 in decimal at `off`; returns the offset after it. */
export function writeUint(buf: Buffer, off: number, n: number): number {
  if (n < 10) {
    buf[off] = 48 + n;
    return off + 1;
  }
  const len =
    n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
  let at = off + len;
  while (n >= 10) {
    const q = Math.floor(n / 10);
    buf[--at] = 48 + (n - q * 10);
    n = q;
  }
  buf[--at] = 48 + n;
  return off + len;
}

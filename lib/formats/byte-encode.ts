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

/** ASCII digits of 00..99, two per entry. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));

/** Writes an integer 0 <= n < 2^32 in decimal at `off`; returns the offset after it. Two digits per step. */
export function writeUint(buf: Buffer, off: number, n: number): number {
  if (n < 10) {
    buf[off] = 48 + n;
    return off + 1;
  }
  const len =
    n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
  let at = off + len;
  while (n >= 100) {
    const q = (n / 100) >>> 0;
    const r = (n - q * 100) << 1;
    buf[--at] = PAIRS[r + 1]!;
    buf[--at] = PAIRS[r]!;
    n = q;
  }
  if (n >= 10) {
    buf[--at] = PAIRS[(n << 1) + 1]!;
    buf[--at] = PAIRS[n << 1]!;
  } else {
    buf[--at] = 48 + n;
  }
  return off + len;
}

/** Writes a constant run of bytes at `o`; returns the offset after it. See compileConstant. */
export type ConstantWriter = (v: DataView, o: number) => number;

/**
 * Source of unrolled stores of `bytes` at offset `o`, four at a time through
 * a DataView `v`. `exact`: the last 1-3 bytes are stored one by one into `b`
 * (a Buffer over the same memory); otherwise they go in one last word, which
 * writes up to 3 bytes past the end. The offset is not moved.
 */
export function wordStoreCode(bytes: Uint8Array, exact: boolean): string {
  const words = exact ? bytes.length & ~3 : (bytes.length + 3) & ~3;
  const padded = new Uint8Array(Math.max(words, bytes.length));
  padded.set(bytes);
  const le = new DataView(padded.buffer);
  const at = (i: number): string => `o${i === 0 ? '' : ` + ${i}`}`;
  let code = '';
  for (let i = 0; i < words; i += 4) code += `v.setUint32(${at(i)}, ${le.getUint32(i, true)}, true); `;
  for (let i = words; i < bytes.length; i++) code += `b[${at(i)}] = ${bytes[i]}; `;
  return code;
}

/**
 * A writer of constant bytes as unrolled 32-bit stores (about 2.5 times the
 * speed of a byte loop for a 16-byte key). The last store may write up to 3
 * bytes past the constant's end: callers keep that much room after it (a
 * byte writer's reserve) and write what follows over it.
 */
export function compileConstant(bytes: Uint8Array): ConstantWriter {
  return new Function('v', 'o', `${wordStoreCode(bytes, false)}return o + ${bytes.length};`) as ConstantWriter;
}

/** Writes exactly `width` digits of an integer 0 <= n < 10^width (width <= 10), zero-padded; returns the offset after them. */
export function writeDigits(buf: Buffer, off: number, n: number, width: number): number {
  let at = off + width;
  while (at - off >= 2) {
    const q = (n / 100) >>> 0;
    const r = (n - q * 100) << 1;
    buf[--at] = PAIRS[r + 1]!;
    buf[--at] = PAIRS[r]!;
    n = q;
  }
  if (at > off) buf[--at] = 48 + (n % 10);
  return off + width;
}

/** Writes a whole number n >= 0 in decimal: two digits a step below 2^32, through String() above. */
export function writeWhole(buf: Buffer, off: number, n: number): number {
  return n <= 0xffffffff ? writeUint(buf, off, n) : writeAscii(buf, off, String(n));
}

/**
 * A DataView over the Buffer it was last given, made again only when the
 * Buffer changes (a byte writer is handed the same block for many lines).
 */
export function dataViewCache(): (buf: Buffer) => DataView {
  let last: Buffer | null = null;
  let view: DataView = new DataView(new ArrayBuffer(0));
  return (buf) => {
    if (buf !== last) {
      last = buf;
      view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    }
    return view;
  };
}

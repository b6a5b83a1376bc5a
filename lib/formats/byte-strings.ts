import { needsEscape } from './json-string.js';

/**
 * A fixed list of strings kept as the UTF-8 bytes of their JSON string
 * contents (escaped where JSON needs it), each padded to whole 32-bit words:
 * a writer puts string i into a Buffer with a few word stores, no encoding
 * and no escape check. For values drawn from pools in the hot loop of a byte
 * writer. Like compileConstant, a put may write up to 3 bytes past the
 * string's end (what follows is written over them).
 */
export class ByteStrings {
  private readonly words: Uint32Array;
  /** Entry i: words [start[i], start[i + 1]), of which the first bytes[i] bytes are the string. */
  private readonly start: Int32Array;
  private readonly bytes: Int32Array;
  /** Bytes of the longest entry. */
  readonly maxBytes: number;
  readonly length: number;

  constructor(values: readonly string[]) {
    const n = values.length;
    // JSON string contents: escaped only where JSON needs it (pool values never do).
    const texts = values.map((v) => (needsEscape(v) ? JSON.stringify(v).slice(1, -1) : v));
    this.length = n;
    this.start = new Int32Array(n + 1);
    this.bytes = new Int32Array(n);
    let words = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const len = Buffer.byteLength(texts[i]!, 'utf8');
      this.start[i] = words;
      this.bytes[i] = len;
      words += (len + 3) >> 2;
      if (len > max) max = len;
    }
    this.start[n] = words;
    this.maxBytes = max;
    this.words = new Uint32Array(words);
    const view = Buffer.from(this.words.buffer);
    for (let i = 0; i < n; i++) view.write(texts[i]!, 4 * this.start[i]!, 'utf8');
    // Words as written by setUint32(..., true): little-endian whatever the platform.
    if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
      const le = new DataView(this.words.buffer);
      for (let k = 0; k < words; k++) this.words[k] = le.getUint32(4 * k, true);
    }
  }

  /** Writes entry i at `off` through `v` (a DataView of the target); returns the offset after it. */
  put(v: DataView, off: number, i: number): number {
    const words = this.words;
    const end = this.start[i + 1]!;
    for (let k = this.start[i]!, o = off; k < end; k++, o += 4) v.setUint32(o, words[k]!, true);
    return off + this.bytes[i]!;
  }
}

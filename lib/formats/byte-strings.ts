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
    const encoded = values.map((v) => Buffer.from(JSON.stringify(v).slice(1, -1), 'utf8'));
    this.length = values.length;
    this.start = new Int32Array(values.length + 1);
    this.bytes = new Int32Array(values.length);
    let words = 0;
    let max = 0;
    encoded.forEach((b, i) => {
      this.start[i] = words;
      this.bytes[i] = b.length;
      words += (b.length + 3) >> 2;
      if (b.length > max) max = b.length;
    });
    this.start[values.length] = words;
    this.maxBytes = max;
    this.words = new Uint32Array(words);
    const view = new Uint8Array(this.words.buffer);
    encoded.forEach((b, i) => view.set(b, 4 * this.start[i]!));
    // Words as written by setUint32(..., true): little-endian whatever the platform.
    const le = new DataView(this.words.buffer);
    for (let k = 0; k < words; k++) this.words[k] = le.getUint32(4 * k, true);
  }

  /** Writes entry i at `off` through `v` (a DataView of the target); returns the offset after it. */
  put(v: DataView, off: number, i: number): number {
    const words = this.words;
    const end = this.start[i + 1]!;
    for (let k = this.start[i]!, o = off; k < end; k++, o += 4) v.setUint32(o, words[k]!, true);
    return off + this.bytes[i]!;
  }
}

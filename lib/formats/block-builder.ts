import type { IndexLineWriter, Row } from '../model/schema.js';
import type { BlockFormat, RowBytesWriter } from './block-format.js';

/** Serialised rows: whole records, ready to compress and write. */
export interface RawBlock {
  readonly buf: Buffer;
  readonly rows: number;
  /** Hands the block's memory back for reuse: call once its bytes are written (or compressed). */
  release?(): void;
}

/**
 * Cuts a chunk's rows into blocks of about `targetBytes`. Where a block ends
 * depends only on the rows (it is checked every `group` rows counted from the
 * chunk's first row), never on how the rows arrived in batches: block
 * boundaries decide the bytes of a gzip part, so they must not move with
 * --batch-size. Rows are joined into ~64-row strings written into a Buffer,
 * much cheaper than a Buffer.from per row (DESIGN §6).
 */
export class BlockBuilder {
  private buf: Buffer;
  private off = 0;
  private blockRows = 0;
  private acc = '';
  private accRows = 0;
  /** Rows written by addBytes since the last check for a full block. */
  private sinceCheck = 0;
  private readonly group: number;
  private readonly capacity: number;
  /** Block buffers handed back by the sink: reused, so 1 MB blocks do not churn the GC. */
  private readonly free: Buffer[] = [];

  constructor(
    private readonly format: BlockFormat,
    private readonly targetBytes: number,
  ) {
    // Small blocks (small --max-file-size) are checked after every row.
    this.group = targetBytes >= 1 << 18 ? 64 : 1;
    this.capacity = targetBytes + (targetBytes >> 2) + 4096;
    this.buf = Buffer.allocUnsafeSlow(this.capacity);
  }

  /** Serialises rows; appends every block they complete to `out`. */
  add(rows: readonly Row[], out: RawBlock[]): void {
    const f = this.format;
    if (f.rowBytes) return this.addBytes(f.rowBytes, rows, out);
    for (let i = 0; i < rows.length; i++) {
      this.acc += f.row(rows[i]!, this.blockRows + this.accRows);
      if (++this.accRows === this.group) {
        this.commit();
        if (this.off >= this.targetBytes) this.cut(out);
      }
    }
  }

  /** add, for formats that write bytes: the same rows per block, no line strings. */
  private addBytes(write: RowBytesWriter, rows: readonly Row[], out: RawBlock[]): void {
    for (let i = 0; i < rows.length; i++) {
      if (this.buf.length - this.off < write.reserve) this.grow(this.off + write.reserve);
      let end = write(rows[i]!, this.buf, this.off, this.blockRows);
      while (end < 0) {
        this.grow(this.buf.length * 2);
        end = write(rows[i]!, this.buf, this.off, this.blockRows);
      }
      this.off = end;
      this.blockRows++;
      if (++this.sinceCheck === this.group) {
        this.sinceCheck = 0;
        if (this.off >= this.targetBytes) this.cut(out);
      }
    }
  }

  /**
   * add, for lines written from their row indices (TableModel.createNdjsonWriter,
   * which stands for an NDJSON format): the same bytes and the same blocks as
   * adding the rows those indices generate.
   */
  addIndices(write: IndexLineWriter, start: number, end: number, out: RawBlock[]): void {
    const reserve = write.reserve;
    for (let i = start; i < end; i++) {
      if (this.buf.length - this.off < reserve) this.grow(this.off + reserve);
      this.off = write(i, this.buf, this.off);
      this.blockRows++;
      if (++this.sinceCheck === this.group) {
        this.sinceCheck = 0;
        if (this.off >= this.targetBytes) this.cut(out);
      }
    }
  }

  /** Ends the chunk: the last, possibly short, block. */
  finish(out: RawBlock[]): void {
    this.commit();
    if (this.blockRows > 0) this.cut(out);
  }

  private write(s: string): void {
    // A UTF-16 code unit is at most 3 UTF-8 bytes.
    const need = this.off + s.length * 3;
    if (need > this.buf.length) this.grow(need);
    this.off += this.buf.write(s, this.off, 'utf8');
  }

  /** Replaces the block's buffer by one of at least `need` bytes, keeping what is written. */
  private grow(need: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
    this.buf.copy(bigger, 0, 0, this.off);
    this.buf = bigger;
  }

  private commit(): void {
    if (this.accRows === 0) return;
    this.write(this.acc);
    this.blockRows += this.accRows;
    this.acc = '';
    this.accRows = 0;
  }

  private cut(out: RawBlock[]): void {
    if (this.format.blockEnd) this.write(this.format.blockEnd);
    const whole = this.buf;
    const free = this.free;
    const poolable = whole.length === this.capacity && free.length < 8;
    out.push({ buf: whole.subarray(0, this.off), rows: this.blockRows, release: poolable ? () => void free.push(whole) : undefined });
    this.buf = free.pop() ?? Buffer.allocUnsafeSlow(this.capacity);
    this.off = 0;
    this.blockRows = 0;
  }
}

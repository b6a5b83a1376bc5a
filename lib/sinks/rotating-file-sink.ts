import { join } from 'node:path';
import { unlink } from 'node:fs/promises';
import type zlib from 'node:zlib';
import type { BlockFormat } from '../formats/block-format.js';
import type { RawBlock } from '../formats/block-builder.js';
import type { BlockCodec, MemberCodec, StreamCodec } from './block-codec.js';
import { PartFile, outputError } from './part-file.js';
import { MegagenError } from '../errors.js';

/** A finished part, as the journal and manifest record it. */
export interface PartResult {
  /** Relative to the output directory, `/`-separated. */
  path: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface RotatingFileSinkOptions {
  /** The output directory. */
  root: string;
  /** Sub-directory of root (the table name). */
  dir: string;
  /** File name before `-<part>`: `students-000003`. */
  stem: string;
  format: BlockFormat;
  codec: BlockCodec;
  /** A part never passes this many bytes on disk. */
  maxBytes: number;
  /** Blocks being compressed at once (gzip). Default 2. */
  inFlight?: number;
}

interface Pending {
  data: Promise<Buffer>;
  rows: number;
  release?: () => void;
}

/**
 * Writes one chunk of one format as parts `<stem>-<part:03>.<ext>[.gz|.br]`,
 * starting a new part before a block would take the current one past
 * `maxBytes` on disk. Each part is written as `*.tmp`, fsynced and renamed.
 * Blocks arrive in order through `push` (await it: that is the
 * backpressure); gzip blocks are compressed `inFlight` at a time on the
 * thread pool while the caller generates the next one.
 */
export class RotatingFileSink {
  /** Serialised bytes pushed so far, before compression (the performance report's compression ratio). */
  rawBytes = 0;
  private readonly parts: PartResult[] = [];
  private part: PartFile | null = null;
  private blocksInPart = 0;
  /** Blocks pushed and not yet written, oldest first (each settles once its bytes are in the part). */
  private readonly queue: Promise<void>[] = [];
  /** The last placement: placements run one after another, in push order. */
  private chain: Promise<void> = Promise.resolve();
  private readonly inFlight: number;
  private readonly ext: string;
  private failed = false;
  // members codecs: constants compressed once
  private readonly header: Buffer;
  private readonly footer: Buffer;
  private readonly separator: Buffer;
  // stream codec: the current part's compressor
  private enc: zlib.BrotliCompress | zlib.Gzip | null = null;
  private readonly encOut: Buffer[] = [];

  constructor(private readonly o: RotatingFileSinkOptions) {
    this.inFlight = o.inFlight ?? 2;
    this.ext = `${o.format.ext}${o.codec.suffix}`;
    const raw = (s: string): Buffer => Buffer.from(s, 'utf8');
    const c = o.codec;
    const k = c.kind === 'members' ? (s: string) => c.constant(s) : raw;
    this.header = k(o.format.partHeader);
    this.footer = k(o.format.partFooter);
    this.separator = k(o.format.blockSeparator);
  }

  /** Path of part p relative to root. */
  partPath(p: number): string {
    return `${this.o.dir}/${this.o.stem}-${String(p).padStart(3, '0')}.${this.ext}`;
  }

  async push(block: RawBlock): Promise<void> {
    this.rawBytes += block.buf.length;
    try {
      if (this.o.codec.kind === 'members') {
        const pending: Pending = { data: this.o.codec.compress(block.buf), rows: block.rows, release: block.release };
        // A placement after a failed one never runs: its compression's error must not go unhandled.
        pending.data.catch(() => {});
        // Placing (writing) runs in order on a chain the caller does not wait
        // for: the next block is generated while this one is compressed and
        // written on the thread pool. The caller waits only when more than
        // `inFlight` blocks are outstanding.
        const placed = this.chain.then(() => this.placeMember(pending));
        placed.catch(() => {}); // observed below, in finish or in abort
        this.chain = placed;
        this.queue.push(placed);
        while (this.queue.length > this.inFlight) await this.queue.shift();
      } else {
        await this.placeStreamed(this.o.codec, block);
      }
    } catch (err) {
      this.failed = true;
      throw err;
    }
  }

  /** Writes what is pending and closes the last part. Returns the parts in order. */
  async finish(): Promise<PartResult[]> {
    try {
      // The chain's last placement settles after every earlier one (and fails with the first failure).
      this.queue.length = 0;
      await this.chain;
      await this.closePart();
    } catch (err) {
      this.failed = true;
      throw err;
    }
    return this.parts;
  }

  /** After a failure: removes the temporary file and the parts this sink finished. Never throws. */
  async abort(): Promise<void> {
    this.failed = true;
    // Let compressions and writes in flight settle before the files go.
    this.queue.length = 0;
    await this.chain.catch(() => {});
    this.enc?.destroy();
    this.enc = null;
    await this.part?.discard();
    this.part = null;
    await Promise.all(this.parts.map((p) => unlink(join(this.o.root, p.path)).catch(() => {})));
  }

  private async openPart(): Promise<PartFile> {
    const p = this.parts.length + (this.part ? 1 : 0);
    const part = await PartFile.create(join(this.o.root, this.partPath(p)));
    this.part = part;
    this.blocksInPart = 0;
    return part;
  }

  private async placeMember(pending: Pending): Promise<void> {
    const data = await pending.data;
    const { maxBytes } = this.o;
    if (this.part && this.part.bytes + this.separator.length + data.length + this.footer.length > maxBytes) await this.closePart();
    let part = this.part;
    if (!part) {
      part = await this.openPart();
      await part.write(this.header);
    }
    if (this.blocksInPart > 0) await part.write(this.separator);
    if (this.blocksInPart === 0 && part.bytes + data.length + this.footer.length > maxBytes) throw this.tooBig(data.length);
    await part.write(data);
    pending.release?.();
    part.rows += pending.rows;
    this.blocksInPart++;
  }

  private async placeStreamed(codec: StreamCodec, block: RawBlock): Promise<void> {
    const { maxBytes } = this.o;
    const sep = Buffer.byteLength(this.o.format.blockSeparator);
    const foot = Buffer.byteLength(this.o.format.partFooter);
    if (this.part && this.part.bytes + codec.bound(sep + block.buf.length) + codec.bound(foot) > maxBytes) await this.closePart();
    let part = this.part;
    if (!part) {
      part = await this.openPart();
      this.enc = codec.create();
      this.enc.on('data', (b: Buffer) => this.encOut.push(b));
      if (codec.bound(this.header.length + block.buf.length) + codec.bound(foot) > maxBytes) throw this.tooBig(block.buf.length);
      await this.streamWrite(part, this.header, false);
    }
    if (this.blocksInPart > 0) await this.streamWrite(part, this.separator, false);
    await this.streamWrite(part, block.buf, true);
    block.release?.();
    part.rows += block.rows;
    this.blocksInPart++;
  }

  /** Feeds bytes to the part's compressor; on flush or end, waits for and writes everything it produced. */
  private async streamWrite(part: PartFile, buf: Buffer, flush: boolean, end = false): Promise<void> {
    const enc = this.enc!;
    if (!flush && !end) {
      if (buf.length > 0) enc.write(buf);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => reject(outputError(part.path, err));
      enc.once('error', fail);
      const done = () => {
        enc.off('error', fail);
        resolve();
      };
      if (end) {
        enc.once('end', done);
        enc.end(buf);
      } else {
        if (buf.length > 0) enc.write(buf);
        enc.flush((this.o.codec as StreamCodec).flushKind, done);
      }
    });
    // Output pushed while the flush completed may still be on its way to 'data'.
    if (!end) await new Promise((r) => setImmediate(r));
    const out = this.encOut.splice(0);
    for (const b of out) await part.write(b);
  }

  private async closePart(): Promise<void> {
    const part = this.part;
    if (!part) return;
    if (this.enc) {
      await this.streamWrite(part, Buffer.from(this.o.format.partFooter, 'utf8'), false, true);
      this.enc = null;
    } else {
      await part.write(this.footer);
    }
    const sha256 = await part.commit();
    this.part = null;
    const p = this.parts.length;
    this.parts.push({ path: this.partPath(p), format: this.o.format.name, rows: part.rows, bytes: part.bytes, sha256 });
  }

  private tooBig(n: number): MegagenError {
    return outputError(
      join(this.o.root, this.partPath(this.parts.length)),
      new MegagenError('ERR_OUTPUT', `a block of ${n} bytes does not fit in --max-file-size (${this.o.maxBytes} bytes): raise --max-file-size`),
    );
  }

  get hasFailed(): boolean {
    return this.failed;
  }
}

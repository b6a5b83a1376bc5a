import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { alignUp, releaseAligned, takeAligned } from './aligned-buffers.js';
import { ThreadHash } from './sha256-thread.js';
import { MegagenError } from '../errors.js';

/** Wraps an fs error as a one-line ERR_OUTPUT naming the file. */
export function outputError(path: string, err: unknown): MegagenError {
  if (err instanceof MegagenError) return err;
  const e = err as NodeJS.ErrnoException;
  const what = e.code === 'ENOSPC' ? 'no space left on device (ENOSPC)' : e.message;
  return new MegagenError('ERR_OUTPUT', `cannot write ${path}: ${what}`, { cause: err });
}

/** Bytes written between two early flushes to disk (buffered mode, see PartFile#write). */
const SYNC_EVERY = 32 << 20;

/**
 * Whether parts are written with O_DIRECT. Cleared for the rest of the process
 * when a filesystem refuses it (EINVAL); `MEGAGEN_DIRECT_IO=0` turns it off.
 */
let directIo = fs.constants.O_DIRECT !== undefined && process.env.MEGAGEN_DIRECT_IO !== '0';

/**
 * Whether direct-mode parts hash on the hashing thread: only where this
 * process has a core to spare. A cluster worker shares the cores with its
 * siblings (the primary sets MEGAGEN_WORKERS); where the workers fill every
 * core, the thread only adds scheduling delay and ~15 MB (paired runs,
 * campus 10^7 on 2 cores: one process 0.90x the wall time with the thread,
 * two workers 1.04x).
 */
const hashThread = availableParallelism() > (Number(process.env.MEGAGEN_WORKERS) || 1);

export interface PartFileOptions {
  /** Write through O_DIRECT where the filesystem allows it (default: on, unless MEGAGEN_DIRECT_IO=0). */
  direct?: boolean;
}

/**
 * One output file being written: bytes go to `<path>.tmp`, counted and
 * hashed as they go; `commit` fsyncs and renames it to its final name,
 * `discard` removes it.
 *
 * Bytes are staged in a page-aligned buffer and written with O_DIRECT, in
 * whole 2 MiB stages; the last stage is padded to a page, written, and the
 * file truncated to its size. On this machine's virtual disk, buffered writes
 * and their writeback cost 3.7 s of kernel CPU per 1.5 GB (both cores share
 * it with the generator); direct writes cost 0.07 s. Where the filesystem
 * refuses O_DIRECT (tmpfs on older kernels, some network filesystems) parts
 * are written through the page cache instead. In direct mode the sha256 is
 * computed on a second thread from the same stage (sha256-thread.ts) while
 * the stage is written, where a core is spare (see hashThread).
 */
export class PartFile {
  bytes = 0;
  rows = 0;
  /** The early flushes in flight (buffered mode; errors surface in commit). */
  private syncs: Promise<void>[] = [];
  private unsynced = 0;
  /** Direct mode: the aligned stage, its filled length, and the file offset it starts at. */
  private stage: Buffer | null;
  private fill = 0;
  private written = 0;
  /** The sha256: on the hashing thread in direct mode, here otherwise. */
  private remote: ThreadHash | null;
  private readonly hash: Hash = createHash('sha256');
  private constructor(
    readonly path: string,
    private handle: FileHandle | null,
    direct: boolean,
  ) {
    this.stage = direct ? takeAligned(hashThread) : null;
    this.remote = this.stage && hashThread ? new ThreadHash(this.stage) : null;
  }

  static async create(path: string, options: PartFileOptions = {}): Promise<PartFile> {
    const tmp = `${path}.tmp`;
    try {
      if (options.direct ?? directIo) {
        const { O_WRONLY, O_CREAT, O_TRUNC, O_DIRECT } = fs.constants;
        try {
          return new PartFile(path, await open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_DIRECT!, 0o666), true);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
          if (options.direct === undefined) directIo = false;
        }
      }
      return new PartFile(path, await open(tmp, 'w'), false);
    } catch (err) {
      throw outputError(path, err);
    }
  }

  async write(buf: Buffer): Promise<void> {
    if (buf.length === 0) return;
    if (!this.remote) this.hash.update(buf);
    try {
      if (this.stage) await this.stageBytes(buf);
      else await this.writeAll(buf, 0, buf.length, null);
    } catch (err) {
      throw outputError(this.path, err);
    }
    this.bytes += buf.length;
    if (this.stage) return;
    // Start the part's writeback early, every 32 MB, without waiting for it:
    // with gigabytes of RAM the kernel would otherwise hold every dirty page
    // until commit's fsync, which then stalls the run for the whole part
    // (0.3 s per 140 MB part on this machine's disk).
    this.unsynced += buf.length;
    if (this.unsynced >= SYNC_EVERY) {
      this.unsynced = 0;
      const early = this.handle!.datasync();
      early.catch(() => {}); // awaited (and its error thrown) in commit
      this.syncs.push(early);
    }
  }

  /** fsync, close, rename to the final name. Returns the sha256 (hex). */
  async commit(): Promise<string> {
    const h = this.handle!;
    let digest: string;
    try {
      if (this.stage) {
        // The last stage padded to a page, then the padding cut off.
        if (this.fill > 0) await this.flushStage(alignUp(this.fill));
        if (this.stage) await h.truncate(this.bytes);
        this.releaseStage();
      }
      digest = this.remote ? await this.remote.digest() : this.hash.digest('hex');
      this.remote = null;
      await Promise.all(this.syncs.splice(0));
      await h.sync();
      this.handle = null;
      await h.close();
      await rename(`${this.path}.tmp`, this.path);
    } catch (err) {
      throw outputError(this.path, err);
    }
    return digest;
  }

  /** Closes and removes the temporary file; never throws. */
  async discard(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await Promise.allSettled(this.syncs.splice(0));
    if (h) await h.close().catch(() => {});
    this.remote?.close();
    this.remote = null;
    this.releaseStage();
    await unlink(`${this.path}.tmp`).catch(() => {});
  }

  private async stageBytes(buf: Buffer): Promise<void> {
    let at = 0;
    while (at < buf.length) {
      const stage = this.stage!;
      const n = Math.min(buf.length - at, stage.length - this.fill);
      buf.copy(stage, this.fill, at, at + n);
      this.fill += n;
      at += n;
      if (this.fill === stage.length) await this.flushStage(stage.length);
      if (!this.stage) {
        // Fell back to buffered writes: the rest goes straight to the file.
        if (at < buf.length) await this.writeAll(buf, at, buf.length - at, null);
        return;
      }
    }
  }

  /** Writes stage[0, length) (length a multiple of the alignment) at the stage's file offset. */
  private async flushStage(length: number): Promise<void> {
    const stage = this.stage!;
    if (length > this.fill) stage.fill(0, this.fill, length);
    // Hashed on the other thread while written; the stage is refilled only after both.
    const hashed = this.remote ? this.remote.update(0, this.fill) : Promise.resolve();
    hashed.catch(() => {}); // awaited below
    try {
      await this.writeAll(stage, 0, length, this.written);
    } catch (err) {
      await hashed.catch(() => {});
      // A filesystem that takes O_DIRECT at open but refuses the write: start
      // the file again through the page cache (nothing of it was written yet).
      if ((err as NodeJS.ErrnoException).code !== 'EINVAL' || this.written > 0) throw err;
      directIo = false;
      await this.handle!.close();
      this.handle = await open(`${this.path}.tmp`, 'w');
      await this.writeAll(stage, 0, this.fill, null);
      if (this.remote) {
        this.remote.close();
        this.remote = null;
        this.hash.update(stage.subarray(0, this.fill));
      }
      this.releaseStage();
      return;
    }
    await hashed;
    this.written += length;
    this.fill = 0;
  }

  private async writeAll(buf: Buffer, offset: number, length: number, position: number | null): Promise<void> {
    let done = 0;
    while (done < length) {
      const { bytesWritten } = await this.handle!.write(buf, offset + done, length - done, position === null ? null : position + done);
      done += bytesWritten;
    }
  }

  private releaseStage(): void {
    if (this.stage) releaseAligned(this.stage);
    this.stage = null;
    this.fill = 0;
  }
}

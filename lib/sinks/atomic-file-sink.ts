import { Writable } from 'node:stream';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { MegagenError } from '../errors.js';

/**
 * Writes a file under `${path}.tmp`, fsyncs it and renames it to `path` when
 * the stream finishes: a file under its final name is always whole. On error
 * or destroy the temporary file is removed.
 */
export function atomicFileSink(path: string): Writable {
  const tmp = `${path}.tmp`;
  let handle: FileHandle | null = null;
  const fail = (err: unknown): Error =>
    new MegagenError('ERR_OUTPUT', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
  return new Writable({
    highWaterMark: 1 << 20,
    construct(done) {
      open(tmp, 'w').then(
        (h) => {
          handle = h;
          done();
        },
        (err) => done(fail(err)),
      );
    },
    write(chunk: Buffer, _enc, done) {
      handle!.write(chunk).then(() => done(), (err) => done(fail(err)));
    },
    writev(chunks, done) {
      handle!.writev(chunks.map((c) => c.chunk as Buffer)).then(() => done(), (err) => done(fail(err)));
    },
    final(done) {
      const h = handle!;
      h.sync()
        .then(() => h.close())
        .then(() => {
          handle = null;
          return rename(tmp, path);
        })
        .then(() => done(), (err) => done(fail(err)));
    },
    destroy(err, done) {
      const h = handle;
      handle = null;
      const cleanup = h ? h.close().catch(() => {}) : Promise.resolve();
      if (err === null && this.writableFinished) return void cleanup.then(() => done(null));
      cleanup.then(() => unlink(tmp).catch(() => {})).then(() => done(err));
    },
  });
}

import { Writable } from 'node:stream';

/**
 * A sink over a process's standard output (or any Writable) that is never
 * ended by a pipeline, so several tables can follow one another on it.
 */
export function stdoutSink(out: NodeJS.WritableStream = process.stdout): Writable {
  return new Writable({
    highWaterMark: 1 << 16,
    write(chunk: Buffer, _enc, done) {
      // The write callback fires once the bytes are handed to the OS (or fail
      // with EPIPE), which is the backpressure we want and surfaces errors.
      out.write(chunk, (err) => done(err ?? null));
    },
    final(done) {
      done();
    },
  });
}

/** True for the error a closed downstream pipe gives (`| head`): a normal end, not a failure. */
export function isClosedPipe(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

import { writeFileSync } from 'node:fs';
import type { ChunkContext } from './cluster-protocol.js';

/**
 * Test-only fault injection, driven by environment variables so that a
 * forked CLI can be made to fail. Never set in normal use.
 *
 * - `MEGAGEN_TEST_FAIL_CHUNK=students#1`: that chunk throws on every attempt.
 * - `MEGAGEN_TEST_STALL_CHUNK=students#1` with `MEGAGEN_TEST_STALL_FILE=PATH`:
 *   on its first attempt, once it has reported progress, the process writes
 *   its pid to PATH (synchronously) and hangs, so a test can kill it mid-chunk.
 */
export const FAIL_ENV = 'MEGAGEN_TEST_FAIL_CHUNK';
export const STALL_ENV = 'MEGAGEN_TEST_STALL_CHUNK';
export const STALL_FILE_ENV = 'MEGAGEN_TEST_STALL_FILE';

export function shouldFail(label: string): boolean {
  return process.env[FAIL_ENV] === label;
}

/** Wraps onProgress so that the chunk hangs after its first progress report on attempt 1. */
export function withStall(label: string, ctx: ChunkContext): ChunkContext {
  const file = process.env[STALL_FILE_ENV];
  if (process.env[STALL_ENV] !== label || ctx.attempt !== 1 || !file) return ctx;
  return {
    ...ctx,
    onProgress(rows) {
      ctx.onProgress(rows);
      if (rows <= 0) return;
      writeFileSync(file, `${process.pid}\n`);
      // Block this process without burning CPU until it is killed.
      for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    },
  };
}

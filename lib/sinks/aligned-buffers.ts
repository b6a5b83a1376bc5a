/**
 * Page-aligned Buffers for direct I/O (O_DIRECT needs the memory, the file
 * offset and the length aligned to the device's block size). Node cannot
 * align a Buffer, but a WebAssembly.Memory's bytes start on a page boundary,
 * so each buffer is one small Memory. A buffer the hashing thread reads is
 * shared memory (a SharedArrayBuffer); copies into shared memory are ~2.5x
 * slower, so the others are not. Buffers are pooled: a Memory cannot be
 * freed explicitly and reserves address space until it is collected.
 */

/** Bytes of one aligned buffer: a whole number of 64 KiB WebAssembly pages. */
export const ALIGNED_BUFFER_BYTES = 2 << 20;
/** Alignment of the buffers and of alignUp (a page; device blocks are 512 or 4096 bytes). */
const ALIGNMENT = 4096;

const WASM_PAGE = 65_536;
const KEEP = 8;
const free = { shared: [] as Buffer[], own: [] as Buffer[] };

/** A page-aligned buffer of ALIGNED_BUFFER_BYTES, over shared memory or not; give it back with releaseAligned. */
export function takeAligned(shared: boolean): Buffer {
  const pages = ALIGNED_BUFFER_BYTES / WASM_PAGE;
  const pool = shared ? free.shared : free.own;
  return pool.pop() ?? Buffer.from(new WebAssembly.Memory({ initial: pages, maximum: pages, shared }).buffer);
}

/** Returns a buffer from takeAligned to the pool (a few are kept). */
export function releaseAligned(buf: Buffer): void {
  const pool = buf.buffer instanceof SharedArrayBuffer ? free.shared : free.own;
  if (pool.length < KEEP) pool.push(buf);
}

/** n rounded up to a multiple of ALIGNMENT. */
export function alignUp(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}

/**
 * Page-aligned Buffers for direct I/O (O_DIRECT needs the memory, the file
 * offset and the length aligned to the device's block size). Node cannot
 * align a Buffer, but a WebAssembly.Memory's bytes start on a page boundary,
 * so each buffer is one small Memory. The memory is shared (a
 * SharedArrayBuffer), so the hashing thread reads the bytes where they are.
 * Buffers are pooled: a Memory cannot be freed explicitly and reserves
 * address space until it is collected.
 */

/** Bytes of one aligned buffer: a whole number of 64 KiB WebAssembly pages. */
export const ALIGNED_BUFFER_BYTES = 2 << 20;
/** Alignment promised to callers (a page; device blocks are 512 or 4096 bytes). */
export const ALIGNMENT = 4096;

const WASM_PAGE = 65_536;
const KEEP = 8;
const free: Buffer[] = [];

/** A page-aligned buffer of ALIGNED_BUFFER_BYTES; give it back with releaseAligned. */
export function takeAligned(): Buffer {
  const pages = ALIGNED_BUFFER_BYTES / WASM_PAGE;
  return free.pop() ?? Buffer.from(new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true }).buffer);
}

/** Returns a buffer from takeAligned to the pool (a few are kept). */
export function releaseAligned(buf: Buffer): void {
  if (free.length < KEEP) free.push(buf);
}

/** n rounded up to a multiple of ALIGNMENT. */
export function alignUp(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}

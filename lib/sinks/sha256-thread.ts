import { Worker } from 'node:worker_threads';
import { MegagenError } from '../errors.js';

/**
 * sha256 of a part computed on a second thread, over the part's shared stage
 * buffer (no copy): the generating thread only posts ranges. One thread per
 * process, started on first use; it keeps the process alive only while a
 * request is outstanding. At campus 10^7 uncompressed in one process,
 * hashing was 45% of what the generating thread did beyond /dev/null.
 */

export type HashRequest =
  | { op: 'open'; id: number; stage: SharedArrayBuffer }
  | { op: 'update'; id: number; seq: number; start: number; end: number }
  | { op: 'digest'; id: number; seq: number }
  | { op: 'close'; id: number };

export interface HashReply {
  seq: number;
  hex?: string;
  error?: string;
}

interface Waiter {
  resolve(hex: string | undefined): void;
  reject(err: Error): void;
}

let worker: Worker | null = null;
const waiting = new Map<number, Waiter>();
let nextSeq = 0;
let nextId = 0;

function failAll(err: Error): void {
  worker = null;
  for (const w of waiting.values()) w.reject(err);
  waiting.clear();
}

function thread(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./sha256-worker.js', import.meta.url));
  w.on('message', (r: HashReply) => {
    const waiter = waiting.get(r.seq);
    if (!waiter) return;
    waiting.delete(r.seq);
    if (waiting.size === 0) w.unref();
    if (r.error) waiter.reject(new MegagenError('ERR_INTERNAL', `sha256 thread: ${r.error}`));
    else waiter.resolve(r.hex);
  });
  w.on('error', (err) => failAll(new MegagenError('ERR_INTERNAL', `sha256 thread failed: ${err.message}`, { cause: err })));
  w.on('exit', (code) => failAll(new MegagenError('ERR_INTERNAL', `sha256 thread exited (${code})`)));
  w.unref();
  worker = w;
  return w;
}

function ask(req: HashRequest & { seq: number }): Promise<string | undefined> {
  const w = thread();
  return new Promise((resolve, reject) => {
    waiting.set(req.seq, { resolve, reject });
    w.ref();
    w.postMessage(req);
  });
}

/** One sha256 over bytes of a shared stage buffer, fed by ranges, hashed on the hashing thread. */
export class ThreadHash {
  private readonly id = nextId++;
  private open = true;

  constructor(stage: Buffer) {
    const sab = stage.buffer;
    if (!(sab instanceof SharedArrayBuffer) || stage.byteOffset !== 0) throw new MegagenError('ERR_INTERNAL', 'ThreadHash needs a whole shared buffer');
    thread().postMessage({ op: 'open', id: this.id, stage: sab } satisfies HashRequest);
  }

  /** Hashes stage[start, end); resolves once done (the caller must not change those bytes before). */
  async update(start: number, end: number): Promise<void> {
    if (end > start) await ask({ op: 'update', id: this.id, seq: nextSeq++, start, end });
  }

  /** The hex digest; the hash is finished. */
  async digest(): Promise<string> {
    this.open = false;
    return (await ask({ op: 'digest', id: this.id, seq: nextSeq++ }))!;
  }

  /** Drops the hash without a digest. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    worker?.postMessage({ op: 'close', id: this.id } satisfies HashRequest);
  }
}

/**
 * The hashing thread of sha256-thread.ts: sha256 states by id, each over the
 * shared stage buffer its part writes from. Replies to `update` when the
 * range is hashed (the part may then refill it) and to `digest` with the hex.
 */
import { createHash, type Hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { HashRequest, HashReply } from './sha256-thread.js';

const states = new Map<number, { hash: Hash; stage: Uint8Array }>();
const port = parentPort!;

port.on('message', (m: HashRequest) => {
  let reply: HashReply | null = null;
  try {
    switch (m.op) {
      case 'open':
        states.set(m.id, { hash: createHash('sha256'), stage: new Uint8Array(m.stage) });
        break;
      case 'update': {
        const s = states.get(m.id)!;
        s.hash.update(s.stage.subarray(m.start, m.end));
        reply = { seq: m.seq };
        break;
      }
      case 'digest':
        reply = { seq: m.seq, hex: states.get(m.id)!.hash.digest('hex') };
        states.delete(m.id);
        break;
      case 'close':
        states.delete(m.id);
        break;
    }
  } catch (err) {
    reply = { seq: 'seq' in m ? m.seq : -1, error: (err as Error).message };
  }
  if (reply) port.postMessage(reply);
});

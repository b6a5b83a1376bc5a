import cluster from 'node:cluster';
import { loadExecutor, preloadExecutor, PROGRESS_EVERY_MS, type ChunkExecutor, type PrimaryMessage, type WorkerMessage } from './cluster-protocol.js';
import { runGuarded } from './cluster-job.js';

/**
 * A cluster worker: the primary forks this file. It loads the chunk
 * executor named in `init`, then runs the chunks it is handed, one at a
 * time, reporting progress (throttled) and the result over IPC. It writes
 * only its chunk's files; the journal and manifest are the primary's.
 */
function send(m: WorkerMessage): void {
  process.send!(m);
}

async function main(): Promise<void> {
  let exec: ChunkExecutor<unknown, unknown> | null = null;
  let queue = Promise.resolve();
  process.on('message', (m: PrimaryMessage) => {
    // One message at a time, in order.
    queue = queue.then(() => handle(m));
  });
  send({ type: 'hello' });
  if (process.env.MEGAGEN_EXECUTOR) preloadExecutor(process.env.MEGAGEN_EXECUTOR);
  async function handle(m: PrimaryMessage): Promise<void> {
    switch (m.type) {
      case 'init':
        try {
          exec = await loadExecutor(m.executor);
          send({ type: 'ready' });
        } catch (err) {
          send({ type: 'init-failed', message: (err as Error).message });
          process.exitCode = 1;
          process.disconnect();
        }
        return;
      case 'chunk': {
        const t0 = performance.now();
        let last = 0;
        const onProgress = (rows: number): void => {
          const now = performance.now();
          if (now - last < PROGRESS_EVERY_MS) return;
          last = now;
          send({ type: 'progress', seq: m.seq, rows });
        };
        try {
          const result = await runGuarded(exec!, m.task, m.label, { batchSize: m.batchSize, attempt: m.attempt, onProgress });
          send({ type: 'done', seq: m.seq, result, ms: performance.now() - t0, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
        } catch (err) {
          send({ type: 'failed', seq: m.seq, message: (err as Error).message ?? String(err) });
        }
        return;
      }
      case 'stop':
        process.disconnect();
        return;
    }
  }
}

if (cluster.isWorker) void main();

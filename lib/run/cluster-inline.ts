import { loadExecutor } from './cluster-protocol.js';
import { runGuarded, retriesExhausted, type ChunkJob, type ClusterEvents } from './cluster-job.js';

/**
 * `--workers 1`: the chunk queue run in this process, in order, with the
 * same retries, hooks and journal calls as the cluster — and the same bytes.
 */
export async function runChunksInline<T, R>(job: ChunkJob<T, R>): Promise<ClusterEvents> {
  const events: ClusterEvents = { workerRestarts: 0, chunkRetries: 0 };
  const loaded = job.localExecutor ? null : await loadExecutor<T, R>(job.executor);
  const exec = job.localExecutor ?? loaded!;
  // An executor loaded from its spec gets tasks as a worker would.
  const wire = (task: T): T => (loaded && job.wireTask ? (job.wireTask(task) as T) : task);
  const mon = job.monitor;
  const id = 'main';
  mon?.workerStarted(id, process.pid);
  for (const task of job.tasks) {
    const label = job.label(task);
    for (let attempt = 1; ; attempt++) {
      const start = mon?.seconds() ?? 0;
      const t0 = performance.now();
      mon?.model.chunkStarted(id, label, job.rows(task));
      let result: R;
      try {
        const batchSize = job.memory?.batchSize ?? job.batchSize;
        result = await runGuarded(exec, wire(task), label, { batchSize, attempt, onProgress: (rows) => mon?.model.chunkProgress(id, rows) });
      } catch (err) {
        mon?.model.chunkAbandoned(id);
        const reason = (err as Error).message ?? String(err);
        job.log.warn({ worker: id, pid: process.pid, chunk: label, attempt, err: reason }, 'chunk-failed');
        await job.cleanup(task);
        if (attempt > job.maxRetries) throw retriesExhausted(label, attempt, reason);
        events.chunkRetries++;
        continue;
      }
      mon?.model.chunkFinished(id, job.rows(task));
      // Outside the try: a journal that cannot be written ends the run, it is not a chunk to retry.
      await job.onDone(task, result, { worker: id, pid: process.pid, attempt, start, end: start + (performance.now() - t0) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
      job.memory?.reset(id);
      break;
    }
  }
  return events;
}

/**
 * A toy chunk executor for the scheduler tests: chunk k of a table writes
 * `DIR/<table>-<k>.txt` (through `*.tmp`, then renamed), one line per row,
 * a pure function of (table, row). Loaded by workers through `init`.
 */
import { open, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ChunkExecutor } from '../../lib/run/cluster-protocol.js';

export interface ToyTask {
  table: string;
  chunk: number;
  start: number;
  end: number;
}

export interface ToyResult {
  path: string;
  rows: number;
  sha256: string;
  batchSize: number;
  pid: number;
}

export function createChunkExecutor(config: unknown): ChunkExecutor<ToyTask, ToyResult> {
  const { dir, delayMs = 0 } = config as { dir: string; delayMs?: number };
  return async (task, ctx) => {
    const path = join(dir, `${task.table}-${task.chunk}.txt`);
    const h = await open(`${path}.tmp`, 'w');
    const hash = createHash('sha256');
    for (let at = task.start; at < task.end; at += ctx.batchSize) {
      let text = '';
      for (let i = at; i < Math.min(task.end, at + ctx.batchSize); i++) text += `${task.table} ${i} ${(i * 2654435761) >>> 0}\n`;
      hash.update(text);
      await h.write(text);
      ctx.onProgress(Math.min(task.end, at + ctx.batchSize) - task.start);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    }
    await h.close();
    await rename(`${path}.tmp`, path);
    return { path, rows: task.end - task.start, sha256: hash.digest('hex'), batchSize: ctx.batchSize, pid: process.pid };
  };
}

import type { ChunkTask } from './chunk-plan.js';

export interface Shard {
  index: number;
  count: number;
}

/** What a shard's manifest records under `run.shard`, for `megagen merge`. */
export interface ShardInfo extends Shard {
  /** The chunk numbers this shard wrote (all of them, resumed ones included), by table. */
  chunks: Record<string, number[]>;
}

/** Chunk k of every table belongs to shard k mod N: each machine writes disjoint files. */
export function inShard(task: Pick<ChunkTask, 'chunk'>, shard: Shard): boolean {
  return task.chunk % shard.count === shard.index;
}

export function shardInfo(shard: Shard, tasks: readonly ChunkTask[]): ShardInfo {
  const chunks: Record<string, number[]> = {};
  for (const t of tasks) (chunks[t.table] ??= []).push(t.chunk);
  for (const list of Object.values(chunks)) list.sort((a, b) => a - b);
  return { index: shard.index, count: shard.count, chunks };
}

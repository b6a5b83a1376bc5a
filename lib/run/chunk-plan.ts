import type { TableModel } from '../model/schema.js';

/** One unit of work: rows [start, end) of a table, written as chunk `chunk`. Plain data: it crosses IPC. */
export interface ChunkTask {
  table: string;
  chunk: number;
  start: number;
  end: number;
}

/** Number of chunks of a table of `rows` rows. */
export function chunkCount(rows: number, chunkSize: number): number {
  return Math.ceil(rows / chunkSize);
}

/** Chunk k of a table: rows [k·chunkSize, min((k+1)·chunkSize, rows)). */
export function chunkTask(table: string, rows: number, chunkSize: number, chunk: number): ChunkTask {
  const start = chunk * chunkSize;
  return { table, chunk, start, end: Math.min(rows, start + chunkSize) };
}

/** Every chunk of the given tables, tables in the order given (dependency order), chunks in order. */
export function planChunks(tables: readonly TableModel[], chunkSize: number): ChunkTask[] {
  const tasks: ChunkTask[] = [];
  for (const t of tables) {
    const n = chunkCount(t.rows, chunkSize);
    for (let k = 0; k < n; k++) tasks.push(chunkTask(t.spec.name, t.rows, chunkSize, k));
  }
  return tasks;
}

/** File stem of a chunk: `students-000003`. */
export function chunkStem(table: string, chunk: number): string {
  return `${table}-${String(chunk).padStart(6, '0')}`;
}

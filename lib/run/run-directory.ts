import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PipelineDefinition } from '../pipeline.js';
import type { CampusModel } from '../model/campus.js';
import { schemaSql } from '../formats/sql-schema.js';
import { MegagenError } from '../errors.js';
import type { ResolvedRunOptions } from './run-options.js';
import { runConfig, configDifferences, type RunConfig } from './run-config.js';
import { planChunks, type ChunkTask } from './chunk-plan.js';
import { runChunk, type ChunkContext, type ChunkResult } from './run-chunk.js';
import { Journal, readJournal, type JournalChunk } from './journal.js';
import { buildManifest, writeFileAtomic, writeManifest, MANIFEST_FILE, type Manifest, type ManifestFileRef } from './manifest.js';
import { prepareOutputDir, removeStrays, SCHEMA_FILE } from './output-dir.js';
import { megagenVersion } from './version.js';
import { conflictPlanOf } from '../conflicts/conflict-model.js';
import { createHash } from 'node:crypto';
import type { BlockCodec } from '../sinks/block-codec.js';

/**
 * Runs the chunks left to do and calls `done` for each finished one, in any
 * order. The default runs them one after another in this process; a cluster
 * primary (issue 4) hands them to workers that call `runChunk`.
 */
export type ChunkExecutor = (tasks: readonly ChunkTask[], ctx: ChunkContext, done: (r: ChunkResult) => Promise<void>) => Promise<void>;

export const sequentialExecutor: ChunkExecutor = async (tasks, ctx, done) => {
  for (const t of tasks) await done(await runChunk(ctx, t));
};

export interface DirectoryRunResult {
  manifest: Manifest;
  /** Chunks already finished by an earlier, interrupted run (--resume). */
  skippedChunks: number;
  /** Chunks this run wrote. */
  writtenChunks: number;
}

export interface DirectoryRunHooks {
  executor?: ChunkExecutor;
  /** Overrides the codec (benchmarks). */
  codec?: BlockCodec;
  /** Called after each chunk is journaled. */
  onChunk?: (r: ChunkResult) => void;
  /** Keeps only some chunks of the plan (`--shard i/N`). */
  select?: (t: ChunkTask) => boolean;
  /** More to record under the manifest's `run` (workers, peak RSS, shard), asked once the chunks are done. */
  runInfo?: () => Record<string, unknown>;
}

function mismatch(root: string, a: RunConfig, b: RunConfig, keys: string[]): MegagenError {
  const k = keys[0]!;
  const show = (c: RunConfig) => JSON.stringify((c as unknown as Record<string, unknown>)[k]);
  return new MegagenError(
    'ERR_INVALID_OPTION',
    `cannot --resume ${root}: it was started with ${k} ${show(a)}, not ${show(b)}${keys.length > 1 ? ` (also differs: ${keys.slice(1).join(', ')})` : ''}`,
  );
}

/** A journaled chunk whose files are all still there at their recorded sizes. */
async function chunkIntact(root: string, c: JournalChunk): Promise<boolean> {
  for (const p of c.parts) {
    try {
      if ((await stat(join(root, p.path))).size !== p.bytes) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Writes a pipeline's tables into an output directory as chunks: plans the
 * chunks, skips those a resumed journal holds, runs the rest (journaling
 * each), then writes manifest.json last.
 */
export async function runToDirectory(pipeline: PipelineDefinition, o: ResolvedRunOptions, model: CampusModel, hooks: DirectoryRunHooks = {}): Promise<DirectoryRunResult> {
  const startedAt = new Date();
  const began = performance.now();
  const root = o.output;
  const config = runConfig(pipeline, o, model.poolsHash);
  const state = await prepareOutputDir(root, o.out);
  const tables = o.tables.map((t) => model.table(t));

  let journal: Journal;
  const finished = new Map<string, JournalChunk>();
  const key = (table: string, chunk: number) => `${table}/${chunk}`;
  if (state === 'existing' && o.out.resume) {
    const contents = await readJournal(root);
    const diff = configDifferences(contents.header.config as unknown as Record<string, unknown>, config as unknown as Record<string, unknown>);
    if (diff.length > 0) throw mismatch(root, contents.header.config, config, diff);
    for (const c of contents.chunks) if (await chunkIntact(root, c)) finished.set(key(c.table, c.chunk), c);
    const keep = new Set([...finished.values()].flatMap((c) => c.parts.map((p) => p.path)));
    await removeStrays(root, config.tables, keep);
    journal = await Journal.reopen(root, contents);
  } else {
    journal = await Journal.create(root, { type: 'header', version: 1, megagen: megagenVersion(), config });
  }

  try {
    let schema: ManifestFileRef | undefined;
    if (config.formats.includes('sql')) {
      const text = schemaSql(tables.map((t) => t.spec), { dialect: config.sqlDialect ?? 'postgres' });
      await writeFileAtomic(join(root, SCHEMA_FILE), text);
      const buf = Buffer.from(text, 'utf8');
      schema = { path: SCHEMA_FILE, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
    }
    const all = planChunks(tables, config.chunkSize).filter(hooks.select ?? (() => true));
    const todo = all.filter((t) => !finished.has(key(t.table, t.chunk)));
    const skippedChunks = all.length - todo.length;
    const executor = hooks.executor ?? sequentialExecutor;
    // Tables start with their first chunk to do and end with their last one.
    const left = new Map<string, number>();
    for (const t of todo) left.set(t.table, (left.get(t.table) ?? 0) + 1);
    const tableStarted = new Map<string, number>();
    const startTable = (name: string) => {
      if (tableStarted.has(name)) return;
      tableStarted.set(name, performance.now());
      o.onProgress?.({ kind: 'table-start', table: name, rows: model.table(name).rows });
    };
    const ctx: ChunkContext = {
      root,
      pipeline,
      model,
      config,
      batchSize: o.batchSize,
      codec: hooks.codec,
      onProgress: o.onProgress ? (e) => (startTable(e.table), o.onProgress!(e)) : undefined,
    };
    await executor(
      todo,
      ctx,
      async (r) => {
        await journal.append(r);
        finished.set(key(r.table, r.chunk), { type: 'chunk', table: r.table, chunk: r.chunk, rows: r.rows, elapsedMs: Math.round(r.elapsedMs), parts: r.parts });
        hooks.onChunk?.(r);
        const n = left.get(r.table)! - 1;
        left.set(r.table, n);
        if (n === 0 && o.onProgress) {
          startTable(r.table);
          const rows = model.table(r.table).rows;
          o.onProgress({ kind: 'table-end', table: r.table, rows, elapsedMs: performance.now() - tableStarted.get(r.table)!, path: r.table });
        }
      },
    );
    const missing = all.find((t) => !finished.has(key(t.table, t.chunk)));
    if (missing) throw new MegagenError('ERR_INTERNAL', `chunk ${missing.chunk} of ${missing.table} was not written`);
    const manifest = buildManifest({
      megagen: megagenVersion(),
      config,
      specs: tables.map((t) => t.spec),
      rowsOf: (t) => model.table(t).rows,
      chunks: [...finished.values()],
      run: {
        batchSize: o.batchSize,
        resumed: state === 'existing' && o.out.resume,
        skippedChunks,
        ...(conflictPlanOf(model) ? { conflicts: conflictPlanOf(model)!.summary } : {}),
        ...hooks.runInfo?.(),
      },
      startedAt,
      finishedAt: new Date(),
      elapsedMs: performance.now() - began,
      schema,
    });
    await writeManifest(root, manifest);
    return { manifest, skippedChunks, writtenChunks: todo.length };
  } finally {
    await journal.close();
  }
}

export { MANIFEST_FILE };

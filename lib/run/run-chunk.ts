import { Writable } from 'node:stream';
import { pipeline as pipe } from 'node:stream/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CampusModel } from '../model/campus.js';
import type { PipelineDefinition } from '../pipeline.js';
import { ndjsonWriterFor, userCodeTouches } from '../model/pipeline-model.js';
import { customStagesAt } from '../stages/custom-stage.js';
import { progressStage, type ProgressListener } from './progress-events.js';
import type { Batch, IndexBatch } from '../sources/batch.js';
import type { IndexLineWriter } from '../model/schema.js';
import { indexSource, tableSource } from '../sources/table-source.js';
import { relationsStage } from '../stages/relations.js';
import { blockFormat } from '../formats/block-formats.js';
import { BlockBuilder, type RawBlock } from '../formats/block-builder.js';
import { blockCodec, type BlockCodec } from '../sinks/block-codec.js';
import { RotatingFileSink, type PartResult } from '../sinks/rotating-file-sink.js';
import { outputError } from '../sinks/part-file.js';
import { MB, type ResolvedOutputConfig } from './output-options.js';
import { chunkStem, type ChunkTask } from './chunk-plan.js';

/** What a chunk needs besides its task: where, how, and the model to generate from. */
export interface ChunkContext {
  /** The output directory. */
  root: string;
  /** The pipeline: its custom stages run in every chunk. */
  pipeline: PipelineDefinition;
  model: CampusModel;
  config: ResolvedOutputConfig;
  batchSize: number;
  /** Overrides the codec of config.compress (benchmarks compare codecs with it). */
  codec?: BlockCodec;
  /** 'rows' events as batches pass (done counts from the table's first row). */
  onProgress?: ProgressListener;
}

/** A finished chunk: its parts (every format, in format then part order) are renamed and fsynced. Plain data. */
export interface ChunkResult {
  table: string;
  chunk: number;
  rows: number;
  parts: PartResult[];
  elapsedMs: number;
  /** Serialised bytes before compression, all formats (not journaled: the performance report's ratio). */
  rawBytes?: number;
}

/**
 * Serialises each batch into every format's blocks and hands them to that
 * format's rotating sink. Index batches (one NDJSON format, `fromIndex` its
 * index writer) are written from their row indices.
 */
function chunkWriter(builders: BlockBuilder[], sinks: RotatingFileSink[], fromIndex?: IndexLineWriter): Writable {
  const blocks: RawBlock[] = [];
  const flushBlocks = async (f: number) => {
    for (const b of blocks.splice(0)) await sinks[f]!.push(b);
  };
  return new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(batch: Batch | IndexBatch, _enc, done) {
      (async () => {
        for (let f = 0; f < builders.length; f++) {
          if (batch.rows) builders[f]!.add(batch.rows, blocks);
          else if (fromIndex) builders[f]!.addIndices(fromIndex, batch.start, batch.end, blocks);
          else throw new TypeError(`an index batch of ${batch.table} reached a chunk writer without an index writer`);
          await flushBlocks(f);
        }
      })().then(() => done(), done);
    },
    final(done) {
      (async () => {
        for (let f = 0; f < builders.length; f++) {
          builders[f]!.finish(blocks);
          await flushBlocks(f);
        }
      })().then(() => done(), done);
    },
  });
}

/** Progress of a chunk as progress of its table: rows before the chunk count as done. */
function chunkProgress(offset: number, listener: ProgressListener): ProgressListener {
  return (e) => listener(e.kind === 'rows' ? { ...e, done: offset + e.done } : e);
}

/**
 * Generates and writes one chunk, from (seed, table, row range) alone: no
 * state from other chunks, no journal, no manifest. Any process can run any
 * chunk; the same task always gives the same bytes. On failure the chunk's
 * temporary and finished files are removed and the error is rethrown.
 */
export async function runChunk(ctx: ChunkContext, task: ChunkTask): Promise<ChunkResult> {
  const began = performance.now();
  const table = ctx.model.table(task.table);
  const { config } = ctx;
  const dir = join(ctx.root, task.table);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw outputError(dir, err);
  }
  const stem = chunkStem(task.table, task.chunk);
  const maxBytes = Math.floor(config.maxFileSizeMb * MB);
  const codec = ctx.codec ?? blockCodec(config.compress, config.compressLevel);
  const trusted = !userCodeTouches(ctx.pipeline, task.table);
  const formats = config.formats.map((f) => blockFormat(f, table.spec, { trusted, sqlDialect: config.sqlDialect }));
  const builders = formats.map((f) => new BlockBuilder(f, config.blockBytes));
  const sinks = formats.map((format) => new RotatingFileSink({ root: ctx.root, dir: task.table, stem, format, codec, maxBytes }));
  const parts: PartResult[] = [];
  // One NDJSON format and nothing reading the rows: lines straight from row indices.
  const fromIndex = config.formats.length === 1 && config.formats[0] === 'ndjson' ? ndjsonWriterFor(ctx.pipeline, table, { tableField: false }) : undefined;
  const range = { start: task.start, end: task.end, batchSize: ctx.batchSize };
  const progress = ctx.onProgress ? [progressStage(task.table, table.rows, chunkProgress(task.start, ctx.onProgress))] : [];
  try {
    await pipe(
      fromIndex
        ? [indexSource(table, range), ...progress, chunkWriter(builders, sinks, fromIndex)]
        : [
            tableSource(table, range),
            relationsStage(table),
            ...customStagesAt(ctx.pipeline, ctx.model, task.table, 'after:relations'),
            ...customStagesAt(ctx.pipeline, ctx.model, task.table, 'before:serialize'),
            ...progress,
            chunkWriter(builders, sinks),
          ],
    );
    for (const s of sinks) parts.push(...(await s.finish()));
  } catch (err) {
    await Promise.all(sinks.map((s) => s.abort()));
    throw err;
  }
  const rawBytes = sinks.reduce((sum, s) => sum + s.rawBytes, 0);
  return { table: task.table, chunk: task.chunk, rows: task.end - task.start, parts, elapsedMs: performance.now() - began, rawBytes };
}

import { createHash } from 'node:crypto';
import type { Transform } from 'node:stream';
import type pg from 'pg';
import { customStagesAt } from '../stages/custom-stage.js';
import type { PipelineDefinition } from '../pipeline.js';
import type { TableModel } from '../model/schema.js';
import { tableSource } from '../sources/table-source.js';
import { relationsStage } from '../stages/relations.js';
import { copyBatches } from '../sinks/postgres-sink.js';
import { MegagenError, invalidOption } from '../errors.js';
import { buildModel } from './run-pipeline.js';
import { parseRunOptions, type RunOptions } from './run-options.js';
import { connectPostgres, databaseError, parsePostgresTarget, type ConnectedClient, type PostgresTarget } from './postgres-target.js';
import { CHUNKS_TABLE, createChunksTableSql, createTableSql, foreignKeyIndexSql, foreignKeySql, quoteIdent } from './postgres-ddl.js';

/** Options of a run into PostgreSQL (`--sink postgres://…`). */
export interface PostgresRunOptions extends RunOptions {
  /** postgres://user[:password]@host:port/database */
  sink: string;
  /** Rows per chunk: the unit of transaction and resume. Default 1,000,000. */
  chunkSize?: number;
  /** Skip the chunks the target's megagen_chunks table records as loaded. */
  resume?: boolean;
  /** Empty the tables (and their chunk records) first. */
  truncate?: boolean;
  /** Create missing tables: default true (an empty database gets the schema); false refuses missing tables. */
  createSchema?: boolean;
  /** Concurrent COPY connections (chunks of one table in parallel). Default 1. */
  jobs?: number;
  /** Create the foreign-key indexes after the load. Default true. */
  indexes?: boolean;
  /** Called after each chunk commits (for progress). */
  onChunk?: (event: ChunkEvent) => void;
}

export interface ChunkEvent {
  table: string;
  chunk: number;
  rows: number;
  /** True when --resume found the chunk already loaded. */
  skipped: boolean;
}

export interface PostgresTableSummary {
  name: string;
  rows: number;
  chunks: number;
  /** Chunks (and their rows) already loaded by an earlier run, skipped by --resume. */
  skippedChunks: number;
  skippedRows: number;
  elapsedMs: number;
}

export interface PostgresRunSummary {
  pipeline: string;
  /** The target without its password. */
  target: string;
  seed: number | string;
  records: number;
  /** Rows COPYed by this run (records minus skipped). */
  loadedRows: number;
  configHash: string;
  tables: PostgresTableSummary[];
  /** Adding the foreign keys and their indexes, and ANALYZE, after the load. */
  finishMs: number;
  elapsedMs: number;
}

export const DEFAULT_PG_CHUNK_SIZE = 1_000_000;

interface ResolvedPgOptions {
  target: PostgresTarget;
  chunkSize: number;
  resume: boolean;
  truncate: boolean;
  createSchema: boolean;
  jobs: number;
  indexes: boolean;
}

function parsePgOptions(o: PostgresRunOptions): ResolvedPgOptions {
  if (typeof o.sink !== 'string' || o.sink.length === 0) throw invalidOption('--sink needs a postgres:// URL');
  const target = parsePostgresTarget(o.sink);
  const chunkSize = o.chunkSize ?? DEFAULT_PG_CHUNK_SIZE;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw invalidOption(`--chunk-size must be an integer >= 1 (got ${chunkSize})`);
  const jobs = o.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw invalidOption(`--jobs must be an integer from 1 to 64 (got ${jobs})`);
  if (o.resume && o.truncate) throw invalidOption('--resume and --truncate cannot be used together (--truncate starts over)');
  return {
    target,
    chunkSize,
    resume: o.resume === true,
    truncate: o.truncate === true,
    createSchema: o.createSchema !== false,
    jobs,
    indexes: o.indexes !== false,
  };
}

/** What identifies the data: two runs with the same hash load the same rows into the same chunks. */
export function pgConfigHash(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

interface TargetState {
  existing: Set<string>;
  nonEmpty: Set<string>;
  ledger: boolean;
}

async function inspect(client: pg.Client, tables: readonly string[]): Promise<TargetState> {
  const res = await client.query<{ name: string; present: boolean }>(
    'SELECT n AS name, to_regclass(quote_ident(n)) IS NOT NULL AS present FROM unnest($1::text[]) AS n',
    [[...tables, CHUNKS_TABLE]],
  );
  const existing = new Set(res.rows.filter((r) => r.present).map((r) => r.name));
  const nonEmpty = new Set<string>();
  for (const t of tables) {
    if (!existing.has(t)) continue;
    const r = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t)}) AS any`);
    if (r.rows[0].any) nonEmpty.add(t);
  }
  return { existing, nonEmpty, ledger: existing.has(CHUNKS_TABLE) };
}

async function inTransaction<T>(client: pg.Client, body: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const out = await body();
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/**
 * Prepares the target and returns the chunks already loaded (table -> chunk
 * numbers). Creates missing tables, truncates, or refuses tables that hold
 * rows, all in one transaction: a refusal or failure leaves nothing behind.
 */
async function prepareTarget(
  client: pg.Client,
  model: { table(name: string): TableModel },
  tables: readonly string[],
  p: ResolvedPgOptions,
  hash: string,
): Promise<Map<string, Set<number>>> {
  const state = await inspect(client, tables);
  const missing = tables.filter((t) => !state.existing.has(t));
  if (missing.length > 0 && !p.createSchema)
    throw new MegagenError('ERR_DATABASE', `table "${missing[0]}" does not exist in ${p.target.display} (drop --no-create-schema to create the schema)`);
  const done = new Map<string, Set<number>>(tables.map((t) => [t, new Set<number>()]));
  if (!p.truncate) {
    let ledgerRows: { table_name: string; chunk: number; config_hash: string }[] = [];
    if (state.ledger) {
      const r = await client.query(`SELECT table_name, chunk, config_hash FROM ${quoteIdent(CHUNKS_TABLE)} WHERE table_name = ANY($1)`, [tables]);
      ledgerRows = r.rows;
    }
    if (p.resume) {
      const other = ledgerRows.find((r) => r.config_hash !== hash);
      if (other)
        throw invalidOption(
          `--resume: table "${other.table_name}" in ${p.target.display} was loaded with a different seed or config (hash ${other.config_hash}, this run ${hash}); use --truncate to start over`,
        );
      for (const r of ledgerRows) done.get(r.table_name)!.add(r.chunk);
      const stray = tables.find((t) => state.nonEmpty.has(t) && done.get(t)!.size === 0);
      if (stray)
        throw new MegagenError('ERR_DATABASE', `--resume: table "${stray}" in ${p.target.display} holds rows that megagen did not record; use --truncate to start over`);
    } else {
      const full = tables.find((t) => state.nonEmpty.has(t));
      if (full)
        throw new MegagenError(
          'ERR_DATABASE',
          `table "${full}" in ${p.target.display} already holds rows; pass --truncate to empty it or --resume to finish an unfinished load`,
        );
    }
  }
  await inTransaction(client, async () => {
    // Foreign keys are added after the load (finishTarget): see foreignKeySql.
    for (const t of missing) await client.query(createTableSql(model.table(t).spec, { foreignKeys: false }));
    await client.query(createChunksTableSql());
    const present = tables.filter((t) => state.existing.has(t));
    if (p.truncate && present.length > 0) await client.query(`TRUNCATE ${present.map(quoteIdent).join(', ')}`);
    // Empty tables load without megagen's own foreign keys (finishTarget adds
    // them back after the load, checking every row): see foreignKeySql.
    if (!p.resume) {
      for (const t of present) {
        const names = [...foreignKeySql(model.table(t).spec).keys()].map((col) => `${t}_${col}_fkey`);
        for (const n of names) await client.query(`ALTER TABLE ${quoteIdent(t)} DROP CONSTRAINT IF EXISTS ${quoteIdent(n)}`);
      }
    }
    if (!p.resume) await client.query(`DELETE FROM ${quoteIdent(CHUNKS_TABLE)} WHERE table_name = ANY($1)`, [tables]);
  });
  return done;
}

/** Of the error a chunk failed with and the one its connection reported, the one with a SQLSTATE (e.g. 57P01 "terminating connection"). */
function mostTelling(err: unknown, connection: Error | null): unknown {
  const hasCode = (e: unknown): boolean => typeof (e as { code?: unknown } | null)?.code === 'string';
  if (hasCode(err) || connection === null) return err;
  return hasCode(connection) ? connection : err;
}

/** Foreign-key columns of a table that already have a foreign key (megagen's or the user's own). */
async function constrainedColumns(client: pg.Client, table: string): Promise<Set<string>> {
  const r = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f' AND c.conrelid = to_regclass(quote_ident($1))`,
    [table],
  );
  return new Set(r.rows.map((x) => x.attname));
}

/**
 * After every chunk is loaded: adds the foreign keys a table lacks (each
 * checks all rows: a broken reference fails here, naming the constraint),
 * then the foreign-key indexes, then ANALYZE.
 */
async function finishTarget(client: pg.Client, model: { table(name: string): TableModel }, tables: readonly string[], p: ResolvedPgOptions): Promise<void> {
  let step = 'cannot add the foreign keys in';
  try {
    await inTransaction(client, async () => {
      for (const name of tables) {
        const have = await constrainedColumns(client, name);
        for (const [col, sql] of foreignKeySql(model.table(name).spec)) if (!have.has(col)) await client.query(sql);
      }
    });
    if (p.indexes) {
      step = 'cannot create the foreign-key indexes in';
      for (const name of tables) for (const sql of foreignKeyIndexSql(model.table(name).spec)) await client.query(sql);
    }
    step = 'cannot analyze the tables in';
    await client.query(`ANALYZE ${tables.map(quoteIdent).join(', ')}`);
  } catch (err) {
    throw databaseError(p.target, step, err);
  }
}

/** Loads chunk k of a table in one transaction with its ledger line. */
async function loadChunk(client: pg.Client, table: TableModel, stages: () => Transform[], k: number, chunkSize: number, batchSize: number, hash: string): Promise<number> {
  const start = k * chunkSize;
  const end = Math.min(table.rows, start + chunkSize);
  return inTransaction(client, async () => {
    const source = tableSource(table, { start, end, batchSize });
    const n = await copyBatches(client, table.spec, source, [relationsStage(table), ...stages()]);
    if (n !== end - start) throw new Error(`the server counted ${n} rows, expected ${end - start}`);
    await client.query(`INSERT INTO ${quoteIdent(CHUNKS_TABLE)} (table_name, chunk, rows, config_hash) VALUES ($1, $2, $3, $4)`, [
      table.spec.name,
      k,
      n,
      hash,
    ]);
    return n;
  });
}

/**
 * Runs a pipeline into PostgreSQL: tables in dependency order, each cut into
 * chunks of chunkSize rows, each chunk generated alone and COPYed in its own
 * transaction together with its line in megagen_chunks, so --resume skips
 * exactly the loaded chunks and never loads one twice.
 */
export async function runToPostgres(pipeline: PipelineDefinition, options: PostgresRunOptions): Promise<PostgresRunSummary> {
  const o = parseRunOptions(pipeline, options);
  const p = parsePgOptions(options);
  const began = performance.now();
  const model = buildModel(pipeline, o);
  const hash = pgConfigHash({
    pipeline: pipeline.name,
    seed: o.seed,
    locale: o.locale,
    records: o.records,
    chunkSize: p.chunkSize,
    poolsHash: model.poolsHash,
    rows: o.tables.map((t) => [t, model.table(t).rows]),
  });
  const summary: PostgresRunSummary = {
    pipeline: pipeline.name,
    target: p.target.display,
    seed: o.seed,
    records: 0,
    loadedRows: 0,
    configHash: hash,
    tables: [],
    finishMs: 0,
    elapsedMs: 0,
  };
  const clients: ConnectedClient[] = [await connectPostgres(p.target)];
  try {
    let done: Map<string, Set<number>>;
    try {
      done = await prepareTarget(clients[0]!.client, model, o.tables, p, hash);
    } catch (err) {
      if (err instanceof MegagenError) throw err;
      throw databaseError(p.target, 'cannot prepare', err);
    }
    for (const name of o.tables) {
      const table = model.table(name);
      const t0 = performance.now();
      const chunks = Math.ceil(table.rows / p.chunkSize);
      const ts: PostgresTableSummary = { name, rows: table.rows, chunks, skippedChunks: 0, skippedRows: 0, elapsedMs: 0 };
      const queue: number[] = [];
      for (let k = 0; k < chunks; k++) {
        if (done.get(name)!.has(k)) {
          const rows = Math.min(table.rows, (k + 1) * p.chunkSize) - k * p.chunkSize;
          ts.skippedChunks++;
          ts.skippedRows += rows;
          options.onChunk?.({ table: name, chunk: k, rows, skipped: true });
        } else queue.push(k);
      }
      while (clients.length < Math.min(p.jobs, queue.length)) clients.push(await connectPostgres(p.target));
      let failure: unknown = null;
      // The pipeline's own stages (pipeline files), as runPipeline applies them.
      const stages = (): Transform[] => [
        ...customStagesAt(pipeline, model, name, 'after:relations'),
        ...customStagesAt(pipeline, model, name, 'before:serialize'),
      ];
      const worker = async (c: ConnectedClient): Promise<void> => {
        while (failure === null && queue.length > 0) {
          const k = queue.shift()!;
          try {
            const rows = await loadChunk(c.client, table, stages, k, p.chunkSize, o.batchSize, hash);
            summary.loadedRows += rows;
            options.onChunk?.({ table: name, chunk: k, rows, skipped: false });
          } catch (err) {
            failure ??= databaseError(p.target, `loading ${name} chunk ${k} into`, mostTelling(err, c.failure()));
          }
        }
      };
      await Promise.all(clients.slice(0, Math.max(1, Math.min(p.jobs, queue.length))).map(worker));
      if (failure !== null) throw failure;
      ts.elapsedMs = performance.now() - t0;
      summary.tables.push(ts);
      summary.records += table.rows;
    }
    const f0 = performance.now();
    await finishTarget(clients[0]!.client, model, o.tables, p);
    summary.finishMs = performance.now() - f0;
  } finally {
    await Promise.all(clients.map((c) => c.client.end().catch(() => {})));
  }
  summary.elapsedMs = performance.now() - began;
  return summary;
}

import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import type pg from 'pg';
import { MegagenError, invalidOption } from '../errors.js';
import { connectPostgres, databaseError, parsePostgresTarget, type PostgresTarget } from './postgres-target.js';
import { quoteIdent } from './postgres-ddl.js';

/**
 * `megagen load DIR --db URL`: loads a finished `--format sql` output
 * directory (its manifest.json) into PostgreSQL: schema.sql first, then each
 * table's SQL parts in dependency order through psql (`-v ON_ERROR_STOP=1
 * --single-transaction`: a part loads whole or not at all), up to `jobs`
 * parts of one table at a time, with the foreign keys dropped during the
 * load and added back after (each checks every row then); then an index on
 * every foreign-key column that has none, and ANALYZE. The tables start
 * empty, and a load that fails empties them again: nothing half-loaded.
 */
export interface LoadOptions {
  /** The output directory (holds manifest.json). */
  dir: string;
  /** postgres://user[:password]@host:port/database */
  db: string;
  /** Parallel psql processes per table. Default 1. */
  jobs?: number;
  /** Empty the tables first when they already hold rows. */
  truncate?: boolean;
  /** The psql binary. Default `psql` on PATH (or MEGAGEN_PSQL). */
  psql?: string;
  onPart?: (event: { table: string; path: string; rows: number }) => void;
}

export interface LoadSummary {
  target: string;
  rows: number;
  tables: { name: string; rows: number; parts: number; elapsedMs: number }[];
  schemaCreated: boolean;
  elapsedMs: number;
}

/** The parts of manifest.json that loading reads (written by the chunked-output run). */
interface LoadManifest {
  config?: { sqlDialect?: string };
  schema?: { path: string };
  tables: Record<string, { rows: number; files: { path: string; rows: number; format?: string }[] }>;
}

const SQL_PART = /\.sql(\.gz|\.br)?$/;

async function readLoadManifest(dir: string): Promise<LoadManifest> {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MegagenError(
      'ERR_OUTPUT',
      `cannot read ${path}: ${code === 'ENOENT' ? 'no manifest.json (not a finished megagen output directory)' : (err as Error).message}`,
      { cause: err },
    );
  }
  let m: LoadManifest;
  try {
    m = JSON.parse(text) as LoadManifest;
  } catch (err) {
    throw new MegagenError('ERR_OUTPUT', `${path}: not a megagen manifest (${(err as Error).message})`, { cause: err });
  }
  if (typeof m?.tables !== 'object' || m.tables === null) throw new MegagenError('ERR_OUTPUT', `${path}: not a megagen manifest (no tables)`);
  return m;
}

function decompressor(path: string): Transform | null {
  if (path.endsWith('.gz')) return createGunzip();
  if (path.endsWith('.br')) return createBrotliDecompress();
  return null;
}

/** psql's environment: the password travels in PGPASSWORD, never on the command line. */
function psqlConnection(target: PostgresTarget): { dbArg: string; env: NodeJS.ProcessEnv } {
  const u = new URL(target.url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: 'megagen-load', PGCLIENTENCODING: 'UTF8' };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbArg: u.href, env };
}

/** Streams one SQL part (decompressed) into `psql -v ON_ERROR_STOP=1 --single-transaction`. */
async function psqlPart(psql: string, target: PostgresTarget, file: string): Promise<void> {
  const { dbArg, env } = psqlConnection(target);
  const child = spawn(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', dbArg, '-f', '-'], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (err) => reject(err));
    child.on('close', (code) => resolve(code ?? 1));
  });
  const streams: (Readable | Transform | NodeJS.WritableStream)[] = [createReadStream(file)];
  const dec = decompressor(file);
  if (dec) streams.push(dec);
  streams.push(child.stdin);
  const fed = pipe(streams as [Readable, ...Transform[], NodeJS.WritableStream]).catch((err: NodeJS.ErrnoException) => {
    // psql stopping on an error closes its stdin: its exit status says why.
    if (err.code !== 'EPIPE') throw err;
  });
  let code: number;
  try {
    [code] = await Promise.all([exited, fed]);
  } catch (err) {
    child.kill();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' && e.syscall?.startsWith('spawn')) throw invalidOption(`psql not found (${psql}): install postgresql-client or set MEGAGEN_PSQL`);
    throw new MegagenError('ERR_DATABASE', `loading ${file} into ${target.display}: ${e.message}`, { cause: err });
  }
  if (code !== 0) {
    const line = stderr.split('\n').find((l) => /ERROR|FATAL|error/.test(l)) ?? stderr.split('\n')[0] ?? `psql exited ${code}`;
    throw new MegagenError('ERR_DATABASE', `loading ${file} into ${target.display}: ${line.replace(/^psql:[^ ]*: /, '').trim()}`);
  }
}

interface ForeignKey {
  table: string;
  name: string;
  def: string;
}

/** The foreign keys declared on these tables, with their definitions (to drop and add back). */
async function foreignKeysOf(client: pg.Client, tables: readonly string[]): Promise<ForeignKey[]> {
  const r = await client.query<ForeignKey>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($1::text[]) n)
      ORDER BY c.conrelid, c.conname`,
    [tables],
  );
  return r.rows;
}

/**
 * Adds foreign keys back in one transaction: each ALTER checks every row with
 * one join, several times faster than the per-row trigger during the inserts
 * (pg_restore loads the same way).
 */
async function addForeignKeys(client: pg.Client, fks: readonly ForeignKey[]): Promise<void> {
  await client.query('BEGIN');
  try {
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** Indexes every foreign-key column (of these tables) that is not the first column of an index. */
async function indexForeignKeys(client: pg.Client, tables: readonly string[]): Promise<void> {
  const r = await client.query<{ t: string; col: string }>(
    `SELECT c.conrelid::regclass::text AS t, a.attname AS col
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.conrelid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($1::text[]) n)
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`,
    [tables],
  );
  for (const { t, col } of r.rows) {
    const table = t.replace(/^"|"$/g, '');
    await client.query(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${table}_${col}_idx`)} ON ${quoteIdent(table)} (${quoteIdent(col)})`);
  }
}

export async function loadDirectory(o: LoadOptions): Promise<LoadSummary> {
  const target = parsePostgresTarget(o.db, '--db');
  const jobs = o.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw invalidOption(`--jobs must be an integer from 1 to 64 (got ${jobs})`);
  const psql = o.psql ?? process.env.MEGAGEN_PSQL ?? 'psql';
  const began = performance.now();
  const m = await readLoadManifest(o.dir);
  const dialect = m.config?.sqlDialect ?? 'postgres';
  if (dialect !== 'postgres')
    throw invalidOption(`${o.dir} holds ${dialect} SQL (--sql-dialect ${dialect}); megagen load loads PostgreSQL SQL (regenerate without --sql-dialect)`);
  const tables = Object.keys(m.tables);
  const parts = new Map(tables.map((t) => [t, m.tables[t]!.files.filter((f) => SQL_PART.test(f.path))]));
  const bare = tables.find((t) => parts.get(t)!.length === 0 && m.tables[t]!.rows > 0);
  if (bare) throw invalidOption(`${o.dir} holds no SQL parts for table "${bare}" (generate it with --format sql)`);
  if (!m.schema) throw invalidOption(`${o.dir} has no schema.sql in its manifest (generate it with --format sql)`);
  const summary: LoadSummary = { target: target.display, rows: 0, tables: [], schemaCreated: false, elapsedMs: 0 };
  const { client } = await connectPostgres(target);
  try {
    const present = await client.query<{ n: string; here: boolean }>(
      'SELECT n, to_regclass(quote_ident(n)) IS NOT NULL AS here FROM unnest($1::text[]) n',
      [tables],
    );
    const existing = present.rows.filter((r) => r.here).map((r) => r.n);
    if (existing.length > 0 && existing.length < tables.length)
      throw new MegagenError('ERR_DATABASE', `${target.display} holds some of the tables (${existing.join(', ')}) but not all: drop them or load into an empty database`);
    if (existing.length === 0) {
      try {
        await client.query('BEGIN');
        await client.query(await readFile(join(o.dir, m.schema.path), 'utf8'));
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw databaseError(target, `cannot create the schema (${m.schema.path}) in`, err);
      }
      summary.schemaCreated = true;
    } else {
      for (const t of tables) {
        const r = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t)}) AS any`);
        if (!r.rows[0].any) continue;
        if (!o.truncate)
          throw new MegagenError('ERR_DATABASE', `table "${t}" in ${target.display} already holds rows; pass --truncate to empty it`);
      }
      if (o.truncate) await client.query(`TRUNCATE ${tables.map(quoteIdent).join(', ')}`);
    }
    // The tables are empty here: load them without their foreign keys and add
    // those back after (checked then, on every row), as pg_restore does.
    const fks = await foreignKeysOf(client, tables);
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    try {
      await loadTables(o, target, psql, jobs, m, tables, parts, client, summary);
      try {
        await addForeignKeys(client, fks);
      } catch (err) {
        throw databaseError(target, 'the loaded rows break a foreign key in', err);
      }
    } catch (err) {
      // All or nothing: the tables were empty, so empty them again and put
      // their keys back: a failed load leaves no half-loaded table.
      await client.query(`TRUNCATE ${tables.map(quoteIdent).join(', ')}`).catch(() => {});
      await addForeignKeys(client, fks).catch(() => {});
      throw err;
    }
    try {
      await indexForeignKeys(client, tables);
      await client.query(`ANALYZE ${tables.map(quoteIdent).join(', ')}`);
    } catch (err) {
      throw databaseError(target, 'cannot create the foreign-key indexes in', err);
    }
  } finally {
    await client.end().catch(() => {});
  }
  summary.elapsedMs = performance.now() - began;
  return summary;
}

async function loadTables(
  o: LoadOptions,
  target: PostgresTarget,
  psql: string,
  jobs: number,
  m: LoadManifest,
  tables: readonly string[],
  parts: Map<string, LoadManifest['tables'][string]['files']>,
  client: pg.Client,
  summary: LoadSummary,
): Promise<void> {
  for (const t of tables) {
    const t0 = performance.now();
    const queue = [...parts.get(t)!];
    let failure: unknown = null;
    const worker = async (): Promise<void> => {
      while (failure === null && queue.length > 0) {
        const f = queue.shift()!;
        try {
          await psqlPart(psql, target, join(o.dir, f.path));
          summary.rows += f.rows;
          o.onPart?.({ table: t, path: f.path, rows: f.rows });
        } catch (err) {
          failure ??= err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, queue.length)) }, worker));
    if (failure !== null) throw failure;
    const rows = m.tables[t]!.rows;
    const r = await client.query(`SELECT count(*)::bigint AS n FROM ${quoteIdent(t)}`);
    if (Number(r.rows[0].n) !== rows)
      throw new MegagenError('ERR_DATABASE', `table "${t}" in ${target.display} holds ${r.rows[0].n} rows after the load, the manifest says ${rows}`);
    summary.tables.push({ name: t, rows, parts: parts.get(t)!.length, elapsedMs: performance.now() - t0 });
  }
}

import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableSpec } from '../model/schema.js';
import type { PartResult } from '../sinks/rotating-file-sink.js';
import type { RunConfig } from './run-config.js';
import type { JournalChunk } from './journal.js';
import { outputError } from '../sinks/part-file.js';
import { MegagenError } from '../errors.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

export interface ManifestTable {
  rows: number;
  chunks: number;
  /** The table's columns and checks, so readers (cat, verify) need no model. */
  spec: TableSpec;
  /** Relative to the directory, in chunk order, then format (in config order), then part. */
  files: PartResult[];
}

export interface ManifestFileRef {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  manifestVersion: number;
  megagen: string;
  seed: number | string;
  config: RunConfig;
  poolsHash: string;
  /** batch size and the like: how this run went, not what it wrote. */
  run: Record<string, unknown>;
  timings: { startedAt: string; finishedAt: string; elapsedMs: number; chunkMs: Record<string, number> };
  /** schema.sql, when the formats include sql. */
  schema?: ManifestFileRef;
  /** In dependency order. */
  tables: Record<string, ManifestTable>;
}

export interface ManifestInput {
  megagen: string;
  config: RunConfig;
  specs: readonly TableSpec[];
  rowsOf: (table: string) => number;
  chunks: readonly JournalChunk[];
  run: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date;
  elapsedMs: number;
  schema?: ManifestFileRef;
}

/** The manifest of a finished run, from its journal's chunks (in any order). */
export function buildManifest(m: ManifestInput): Manifest {
  const tables: Record<string, ManifestTable> = {};
  const chunkMs: Record<string, number> = {};
  for (const spec of m.specs) {
    const mine = m.chunks.filter((c) => c.table === spec.name).sort((a, b) => a.chunk - b.chunk);
    const order = new Map(m.config.formats.map((f, i) => [f as string, i]));
    const files = mine.flatMap((c) => [...c.parts].sort((a, b) => (order.get(a.format) ?? 0) - (order.get(b.format) ?? 0)));
    tables[spec.name] = { rows: m.rowsOf(spec.name), chunks: mine.length, spec, files };
    chunkMs[spec.name] = mine.reduce((s, c) => s + (c.elapsedMs ?? 0), 0);
  }
  return {
    manifestVersion: MANIFEST_VERSION,
    megagen: m.megagen,
    seed: m.config.seed,
    config: m.config,
    poolsHash: m.config.poolsHash,
    run: m.run,
    timings: { startedAt: m.startedAt.toISOString(), finishedAt: m.finishedAt.toISOString(), elapsedMs: Math.round(m.elapsedMs), chunkMs },
    ...(m.schema ? { schema: m.schema } : {}),
    tables,
  };
}

/** Writes a file atomically: `*.tmp`, fsync, rename. */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.tmp`;
  try {
    const h = await open(tmp, 'w');
    try {
      await h.writeFile(data);
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw outputError(path, err);
  }
}

/** Written last: its presence marks a finished run. */
export async function writeManifest(root: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(root, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

export async function readManifest(root: string): Promise<Manifest> {
  const path = join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no manifest.json (not a megagen output, or an unfinished run: megagen run --resume)' : (err as Error).message;
    throw new MegagenError('ERR_OUTPUT', `cannot read ${path}: ${why}`, { cause: err });
  }
  try {
    const m = JSON.parse(text) as Manifest;
    if (typeof m !== 'object' || m === null || typeof m.tables !== 'object') throw new Error('no tables');
    return m;
  } catch (err) {
    throw new MegagenError('ERR_OUTPUT', `${path}: not a megagen manifest (${(err as Error).message})`, { cause: err });
  }
}

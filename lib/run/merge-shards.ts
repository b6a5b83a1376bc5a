import { copyFile, link, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MegagenError, invalidOption } from '../errors.js';
import { readManifest, buildManifest, writeManifest, MANIFEST_FILE, type Manifest } from './manifest.js';
import { configDifferences } from './run-config.js';
import { chunkCount } from './chunk-plan.js';
import { Journal, type JournalChunk } from './journal.js';
import { prepareOutputDir, SCHEMA_FILE } from './output-dir.js';
import type { PartResult } from '../sinks/rotating-file-sink.js';
import type { ShardInfo } from './shard.js';
import { megagenVersion } from './version.js';

export const MERGE_MODES = ['link', 'copy', 'move'] as const;
export type MergeMode = (typeof MERGE_MODES)[number];

export interface MergeOptions {
  /** link (default: hard links, copies across file systems), copy, or move (the shards lose their files). */
  mode?: MergeMode;
}

export interface MergeResult {
  manifest: Manifest;
  files: number;
  bytes: number;
  /** Files copied because a hard link was impossible (another file system). */
  copiedInsteadOfLinked: number;
}

interface Shard {
  dir: string;
  manifest: Manifest;
  info: ShardInfo;
}

const PART_PATH = /^([a-z][a-z0-9_]*)\/[a-z][a-z0-9_]*-(\d{6})-\d{3}\.[a-z]+(\.gz|\.br)?$/;

function mergeError(message: string): MegagenError {
  return new MegagenError('ERR_OUTPUT', message);
}

async function readShard(dir: string): Promise<Shard> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw mergeError(`cannot merge ${dir}: not a directory`);
  const manifest = await readManifest(dir);
  const info = (manifest.run as { shard?: ShardInfo } | undefined)?.shard;
  if (!info || typeof info.index !== 'number' || typeof info.count !== 'number' || typeof info.chunks !== 'object')
    throw mergeError(`cannot merge ${dir}: it is a whole run, not a shard (no run.shard in its manifest; write shards with --shard i/N)`);
  return { dir, manifest, info };
}

/** The chunk number of a part's path (`students/students-000003-001.ndjson.gz` -> 3). */
function chunkOfPath(path: string): { table: string; chunk: number } {
  const m = PART_PATH.exec(path);
  if (!m) throw mergeError(`unexpected file name in a manifest: ${path}`);
  return { table: m[1]!, chunk: Number(m[2]) };
}

/**
 * Checks the shards of one run and joins them (pure: no file is touched).
 * Refuses shards of different seeds or configs, of different shard counts,
 * a chunk held by two shards, and a chunk held by none.
 */
export function checkShards(shards: readonly Shard[]): void {
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    const diff = configDifferences(first.manifest.config as unknown as Record<string, unknown>, s.manifest.config as unknown as Record<string, unknown>);
    if (diff.length > 0) {
      const k = diff[0]!;
      const show = (m: Manifest) => JSON.stringify((m.config as unknown as Record<string, unknown>)[k]);
      throw mergeError(`cannot merge: ${s.dir} has ${k} ${show(s.manifest)} but ${first.dir} has ${show(first.manifest)} (shards of different runs)`);
    }
    if (s.info.count !== first.info.count) throw mergeError(`cannot merge: ${s.dir} is shard ${s.info.index}/${s.info.count} but ${first.dir} is shard ${first.info.index}/${first.info.count}`);
    if (s.manifest.megagen !== first.manifest.megagen)
      throw mergeError(`cannot merge: ${s.dir} was written by megagen ${s.manifest.megagen}, ${first.dir} by ${first.manifest.megagen}`);
  }
  const owner = new Map<string, string>();
  for (const s of shards) {
    for (const [table, list] of Object.entries(s.info.chunks)) {
      for (const k of list) {
        const key = `${table}#${k}`;
        const other = owner.get(key);
        if (other) throw mergeError(`cannot merge: chunk ${k} of ${table} is in both ${other} and ${s.dir} (overlapping shards: the same shard given twice?)`);
        owner.set(key, s.dir);
      }
    }
  }
  const config = first.manifest.config;
  const have = new Set(shards.map((s) => s.info.index));
  for (const table of config.tables) {
    const rows = first.manifest.tables[table]?.rows;
    if (rows === undefined) throw mergeError(`cannot merge: ${first.dir}/manifest.json has no table ${table}`);
    const n = chunkCount(rows, config.chunkSize);
    for (let k = 0; k < n; k++) {
      if (!owner.has(`${table}#${k}`)) {
        const want = k % first.info.count;
        throw mergeError(`cannot merge: chunk ${k} of ${table} is in no shard (missing shard ${want}/${first.info.count}${have.has(want) ? ', or that shard is unfinished' : ''})`);
      }
    }
  }
}

async function place(from: string, to: string, mode: MergeMode): Promise<boolean> {
  if (mode === 'move') {
    try {
      await rename(from, to);
      return false;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    }
  } else if (mode === 'link') {
    try {
      await link(from, to);
      return false;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw err;
    }
  }
  await copyFile(from, to);
  return mode !== 'copy';
}

/**
 * `megagen merge OUT DIR…`: joins the directories of `--shard i/N` runs into
 * OUT, whose manifest lists the same tables, files, sizes and checksums as a
 * one-machine run of the same seed and config (timings and `run` aside).
 */
export async function mergeShards(out: string, dirs: readonly string[], o: MergeOptions = {}): Promise<MergeResult> {
  const began = performance.now();
  const startedAt = new Date();
  const mode = o.mode ?? 'link';
  if (!(MERGE_MODES as readonly string[]).includes(mode)) throw invalidOption(`--mode must be one of ${MERGE_MODES.join(', ')} (got "${mode}")`);
  if (dirs.length === 0) throw invalidOption('megagen merge needs at least one shard directory');
  const shards: Shard[] = [];
  for (const d of dirs) shards.push(await readShard(d));
  checkShards(shards);
  const first = shards[0]!;
  const config = first.manifest.config;
  await prepareOutputDir(out, { resume: false, force: false });

  const chunks: JournalChunk[] = [];
  let files = 0;
  let bytes = 0;
  let copied = 0;
  for (const table of config.tables) await mkdir(join(out, table), { recursive: true });
  for (const s of shards) {
    const byChunk = new Map<string, JournalChunk>();
    for (const table of config.tables) {
      for (const part of s.manifest.tables[table]?.files ?? []) {
        const where = chunkOfPath(part.path);
        const src = join(s.dir, part.path);
        const st = await stat(src).catch(() => null);
        if (!st || st.size !== part.bytes) throw mergeError(`cannot merge: ${src} is ${st ? `${st.size} bytes, its manifest says ${part.bytes}` : 'missing'}`);
        if (await place(src, join(out, part.path), mode)) copied++;
        files++;
        bytes += part.bytes;
        const key = `${where.table}#${where.chunk}`;
        let c = byChunk.get(key);
        if (!c) {
          c = { type: 'chunk', table: where.table, chunk: where.chunk, rows: 0, elapsedMs: 0, parts: [] };
          byChunk.set(key, c);
          chunks.push(c);
        }
        c.parts.push(part as PartResult);
        if (part.format === config.formats[0]) c.rows += part.rows;
      }
    }
  }
  if (first.manifest.schema) {
    const from = join(first.dir, SCHEMA_FILE);
    await place(from, join(out, SCHEMA_FILE), mode === 'move' ? 'copy' : mode);
  }
  // A journal as a one-machine run leaves it, chunks in plan order.
  chunks.sort((a, b) => config.tables.indexOf(a.table) - config.tables.indexOf(b.table) || a.chunk - b.chunk);
  const journal = await Journal.create(out, { type: 'header', version: 1, megagen: first.manifest.megagen, config });
  try {
    for (const c of chunks) await journal.append({ table: c.table, chunk: c.chunk, rows: c.rows, parts: c.parts, elapsedMs: 0 });
  } finally {
    await journal.close();
  }
  const manifest = buildManifest({
    megagen: first.manifest.megagen,
    config,
    specs: config.tables.map((t) => first.manifest.tables[t]!.spec),
    rowsOf: (t) => first.manifest.tables[t]!.rows,
    chunks,
    run: { merged: { by: megagenVersion(), mode, shards: shards.map((s) => ({ dir: s.dir, index: s.info.index, count: s.info.count, processes: s.manifest.run.processes })) } },
    startedAt,
    finishedAt: new Date(),
    elapsedMs: performance.now() - began,
    ...(first.manifest.schema ? { schema: first.manifest.schema } : {}),
  });
  await writeManifest(out, manifest);
  return { manifest, files, bytes, copiedInsteadOfLinked: copied };
}

export { MANIFEST_FILE };

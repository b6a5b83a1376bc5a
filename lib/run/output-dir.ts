import { access, constants, mkdir, readdir, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { MegagenError } from '../errors.js';
import { JOURNAL_FILE } from './journal.js';
import { MANIFEST_FILE } from './manifest.js';

export const SCHEMA_FILE = 'schema.sql';

/** A part's file name: `<table>-<chunk:06>-<part:03>.<format>[.gz|.br]`, optionally `.tmp`. */
const PART_NAME = /^([a-z][a-z0-9_]*)-\d{6}-\d{3}\.(ndjson|json|csv|sql)(\.gz|\.br)?(\.tmp)?$/;

export function isPartName(name: string, table?: string): boolean {
  const m = PART_NAME.exec(name);
  return m !== null && (table === undefined || m[1] === table);
}

function outputDirError(message: string, cause?: unknown): MegagenError {
  return new MegagenError('ERR_OUTPUT', message, { cause });
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on device (ENOSPC)';
  return (err as Error).message;
}

/** What the directory held when the run started. */
export type OutputDirState = 'created' | 'empty' | 'existing';

/**
 * Makes sure DIR exists, is a writable directory, and may be written:
 * created (its parent must exist), empty, or — with resume or force —
 * holding earlier output. A non-empty directory without either is refused.
 */
export async function prepareOutputDir(root: string, o: { resume: boolean; force: boolean }): Promise<OutputDirState> {
  let st;
  try {
    st = await stat(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw outputDirError(`cannot use output directory ${root}: ${reason(err)}`, err);
    const parent = dirname(resolve(root));
    try {
      await mkdir(root);
    } catch (err2) {
      if ((err2 as NodeJS.ErrnoException).code === 'ENOENT') throw outputDirError(`cannot create output directory ${root}: parent directory ${parent} does not exist`, err2);
      throw outputDirError(`cannot create output directory ${root}: ${reason(err2)}`, err2);
    }
    return 'created';
  }
  if (!st.isDirectory()) throw outputDirError(`--output ${root} is a file, not a directory`);
  try {
    await access(root, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw outputDirError(`cannot write to output directory ${root}: ${reason(err)}`, err);
  }
  const entries = await readdir(root);
  if (entries.length === 0) return 'empty';
  if (o.resume) {
    if (!entries.includes(JOURNAL_FILE))
      throw outputDirError(`cannot --resume ${root}: it holds no ${JOURNAL_FILE} (not a megagen output directory)`);
    return 'existing';
  }
  if (o.force) {
    await removeMegagenFiles(root, entries);
    return 'existing';
  }
  throw outputDirError(`output directory ${root} is not empty: add --resume to finish an unfinished run or --force to replace its megagen files`);
}

/** What else a run writes into DIR (the run log and the performance reports, issue 4). */
const RUN_FILES = new Set(['megagen.log']);
const RUN_DIRS = new Set(['performance_reports']);

/** --force: removes what megagen writes (manifest, journal, schema, log, reports, table parts); leaves any other file alone. */
async function removeMegagenFiles(root: string, entries: string[]): Promise<void> {
  try {
    for (const name of entries) {
      const path = join(root, name);
      if (name === MANIFEST_FILE || name === JOURNAL_FILE || name === SCHEMA_FILE || RUN_FILES.has(name) || name.endsWith('.tmp')) {
        await unlink(path);
        continue;
      }
      if (RUN_DIRS.has(name)) {
        await rm(path, { recursive: true, force: true });
        continue;
      }
      const st = await stat(path);
      if (!st.isDirectory()) continue;
      const inner = await readdir(path);
      for (const f of inner) if (isPartName(f, name)) await unlink(join(path, f));
      if (inner.every((f) => isPartName(f, name))) await rmdir(path);
    }
  } catch (err) {
    throw outputDirError(`cannot clear output directory ${root} (--force): ${reason(err)}`, err);
  }
}

/**
 * --resume: deletes stray `*.tmp` files and every part that no finished
 * chunk owns (a chunk cut off mid-way), in the given table directories.
 */
export async function removeStrays(root: string, tables: readonly string[], keep: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  try {
    for (const name of await readdir(root)) if (name.endsWith('.tmp')) await unlink(join(root, name)), removed++;
    for (const t of tables) {
      let inner: string[];
      try {
        inner = await readdir(join(root, t));
      } catch {
        continue;
      }
      for (const f of inner) {
        if (!isPartName(f, t)) continue;
        if (f.endsWith('.tmp') || !keep.has(`${t}/${f}`)) await unlink(join(root, t, f)), removed++;
      }
    }
  } catch (err) {
    throw outputDirError(`cannot clean output directory ${root} for --resume: ${reason(err)}`, err);
  }
  return removed;
}

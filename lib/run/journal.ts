import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunConfig } from './run-config.js';
import type { ChunkResult } from './run-chunk.js';
import { outputError } from '../sinks/part-file.js';
import { MegagenError } from '../errors.js';

export const JOURNAL_FILE = '_journal.ndjson';

export interface JournalHeader {
  type: 'header';
  version: 1;
  megagen: string;
  config: RunConfig;
}

/** A finished chunk, as its journal line holds it. */
export interface JournalChunk {
  type: 'chunk';
  table: string;
  chunk: number;
  rows: number;
  elapsedMs: number;
  parts: ChunkResult['parts'];
}

export interface JournalContents {
  header: JournalHeader;
  chunks: JournalChunk[];
  /** Bytes of whole lines: a torn last line (a crash mid-append) starts here. */
  validBytes: number;
  totalBytes: number;
}

/** Reads a journal; a last line cut short by a crash is ignored. */
export async function readJournal(root: string): Promise<JournalContents> {
  const path = join(root, JOURNAL_FILE);
  let text: Buffer;
  try {
    text = await readFile(path);
  } catch (err) {
    throw new MegagenError('ERR_OUTPUT', `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  const lines: unknown[] = [];
  let at = 0;
  let lineNo = 0;
  while (at < text.length) {
    const nl = text.indexOf(10, at);
    if (nl < 0) break; // torn last line
    lineNo++;
    try {
      lines.push(JSON.parse(text.subarray(at, nl).toString('utf8')));
    } catch {
      throw new MegagenError('ERR_OUTPUT', `${path}:${lineNo}: not a journal line (corrupt journal)`);
    }
    at = nl + 1;
  }
  const header = lines[0] as JournalHeader | undefined;
  if (!header || header.type !== 'header' || typeof header.config !== 'object')
    throw new MegagenError('ERR_OUTPUT', `${path}:1: not a megagen journal (no header line)`);
  const chunks = lines.slice(1).filter((l): l is JournalChunk => (l as JournalChunk).type === 'chunk');
  return { header, chunks, validBytes: at, totalBytes: text.length };
}

/** The append-only journal of a run: one fsynced line per finished chunk. */
export class Journal {
  private constructor(
    private handle: FileHandle,
    readonly path: string,
  ) {}

  /** Starts a new journal whose first line is the run's config. */
  static async create(root: string, header: JournalHeader): Promise<Journal> {
    const path = join(root, JOURNAL_FILE);
    try {
      const h = await open(path, 'w');
      const j = new Journal(h, path);
      await j.line(header);
      return j;
    } catch (err) {
      throw outputError(path, err);
    }
  }

  /** Reopens a journal for appending, cutting off a torn last line first. */
  static async reopen(root: string, contents: JournalContents): Promise<Journal> {
    const path = join(root, JOURNAL_FILE);
    try {
      if (contents.validBytes < contents.totalBytes) await truncate(path, contents.validBytes);
      return new Journal(await open(path, 'a'), path);
    } catch (err) {
      throw outputError(path, err);
    }
  }

  async append(r: ChunkResult): Promise<void> {
    const line: JournalChunk = { type: 'chunk', table: r.table, chunk: r.chunk, rows: r.rows, elapsedMs: Math.round(r.elapsedMs), parts: r.parts };
    await this.line(line);
  }

  /** Appends run one after another, whoever calls (a cluster primary may finish chunks at once). */
  private tail: Promise<void> = Promise.resolve();

  private line(obj: unknown): Promise<void> {
    const text = JSON.stringify(obj) + '\n';
    const next = this.tail.then(async () => {
      try {
        await this.handle.write(text);
        await this.handle.sync();
      } catch (err) {
        throw outputError(this.path, err);
      }
    });
    this.tail = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

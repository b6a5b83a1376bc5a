import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { TableSpec } from '../model/schema.js';
import { readManifest, type Manifest } from '../run/manifest.js';
import { readPart } from './read-part.js';
import { RecordError } from './record-error.js';
import { compileRowChecks } from './row-checks.js';

export type ProblemKind =
  | 'missing file'
  | 'size'
  | 'checksum'
  | 'decompression'
  | 'record'
  | 'row count'
  | 'primary key'
  | 'foreign key'
  | 'column value'
  | 'unlisted file'
  | (string & {});

/** All problems of one kind: how many, and the first few, each `file[:line]: what`. */
export interface ProblemClass {
  kind: ProblemKind;
  count: number;
  examples: string[];
}

export interface VerifyReport {
  ok: boolean;
  tables: { name: string; rows: number; files: number; bytes: number }[];
  files: number;
  rows: number;
  bytes: number;
  /** In the order they were first met. */
  problems: ProblemClass[];
  elapsedMs: number;
}

/**
 * A check that reads a table's rows as verify streams them (the first
 * format's files only): conflict re-detection plugs in here.
 */
export interface VerifyPlugin {
  readonly name: string;
  /** A row callback for this table, or undefined to skip it. `where()` gives `file:line`. */
  forTable?(table: string, spec: TableSpec, manifest: Manifest): ((values: readonly unknown[], rowIndex: number, where: () => string) => void) | undefined;
  /** After every file: report what is wrong. */
  finish?(report: (kind: ProblemKind, message: string) => void): void | Promise<void>;
}

export interface VerifyOptions {
  plugins?: readonly VerifyPlugin[];
  /** Examples kept per kind. Default 5. */
  maxExamples?: number;
  /** Called as each file is checked (progress). */
  onFile?: (path: string) => void;
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipe(
    createReadStream(path),
    new Writable({
      write(c: Buffer, _e, done) {
        h.update(c);
        done();
      },
    }),
  );
  return h.digest('hex');
}

const PART_FILE = /\.(ndjson|json|csv|sql)(\.gz|\.br)?(\.tmp)?$/;

/**
 * Checks an output directory against its manifest: every file exists with
 * its size and sha256, decompresses completely, parses record by record
 * (with file and line), holds its row count; ids are 1..N in order (so
 * unique), every foreign key is in range and every value fits its column.
 * One streaming pass per file: memory stays bounded whatever the size.
 */
export async function verifyOutput(root: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const began = performance.now();
  const maxExamples = options.maxExamples ?? 5;
  const classes = new Map<string, ProblemClass>();
  const problem = (kind: ProblemKind, message: string) => {
    let c = classes.get(kind);
    if (!c) classes.set(kind, (c = { kind, count: 0, examples: [] }));
    c.count++;
    if (c.examples.length < maxExamples) c.examples.push(message);
  };
  const m = await readManifest(root);
  const report: VerifyReport = { ok: false, tables: [], files: 0, rows: 0, bytes: 0, problems: [], elapsedMs: 0 };
  const rowsOf = (t: string) => m.tables[t]?.rows;
  const formats = m.config.formats;

  if (m.schema) {
    const path = join(root, m.schema.path);
    try {
      const buf = await readFile(path);
      if (buf.length !== m.schema.bytes) problem('size', `${m.schema.path}: ${buf.length} bytes, manifest says ${m.schema.bytes}`);
      else if (createHash('sha256').update(buf).digest('hex') !== m.schema.sha256) problem('checksum', `${m.schema.path}: sha256 differs from the manifest`);
    } catch {
      problem('missing file', `${m.schema.path}: missing`);
    }
  }

  for (const [table, t] of Object.entries(m.tables)) {
    const spec = t.spec;
    const check = compileRowChecks(spec, rowsOf);
    const listed = new Set(t.files.map((f) => f.path));
    const entry = { name: table, rows: t.rows, files: t.files.length, bytes: 0 };
    report.tables.push(entry);
    try {
      for (const name of await readdir(join(root, table))) {
        const rel = `${table}/${name}`;
        if (PART_FILE.test(name) && !listed.has(rel)) problem('unlisted file', `${rel}: not in the manifest${name.endsWith('.tmp') ? ' (a temporary file left by an interrupted write)' : ''}`);
      }
    } catch {
      // the table's directory is missing: each file will say so
    }
    for (const format of formats) {
      const files = t.files.filter((f) => f.format === format);
      const plugins = format === formats[0] ? (options.plugins ?? []).map((p) => p.forTable?.(table, spec, m)).filter((f) => f !== undefined) : [];
      const formatRows = files.reduce((s, f) => s + f.rows, 0);
      if (formatRows !== t.rows) problem('row count', `${table}: the ${format} files hold ${formatRows} rows, the table ${t.rows}`);
      let firstRow = 0;
      // The next row's index: carried from file to file (so one missing row is
      // one problem), or taken from the manifest after a file that could not be read.
      let carry: number | null = 0;
      for (const f of files) {
        const path = join(root, f.path);
        options.onFile?.(f.path);
        report.files++;
        const start = firstRow;
        firstRow += f.rows;
        let size: number;
        try {
          size = (await stat(path)).size;
        } catch {
          problem('missing file', `${f.path}: missing`);
          carry = null;
          continue;
        }
        entry.bytes += size;
        report.bytes += size;
        if (size !== f.bytes) problem('size', `${f.path}: ${size} bytes, manifest says ${f.bytes} (truncated or appended to)`);
        const hash = createHash('sha256');
        let rows = 0;
        let expected: number = carry ?? start;
        let line = 0;
        const where = () => `${f.path}:${line}`;
        let readOk = true;
        try {
          await readPart(
            path,
            spec,
            (values, at) => {
              line = at;
              rows++;
              const p = check(values, expected);
              if (p) {
                problem(p.kind, `${f.path}:${at}: ${p.message}`);
                // Resynchronise on the id found, so one missing row is one problem.
                const id = values[spec.columns.findIndex((c) => c.name === 'id')];
                if (p.kind === 'primary key' && Number.isSafeInteger(id)) expected = (id as number) - 1;
              }
              for (const cb of plugins) cb(values, expected, where);
              expected++;
            },
            { onRaw: (b) => hash.update(b), sqlDialect: m.config.sqlDialect },
          );
        } catch (err) {
          readOk = false;
          const code = String((err as NodeJS.ErrnoException).code ?? '');
          if (err instanceof RecordError) problem('record', `${f.path}:${err.line}: ${err.message}`);
          else if (code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE') problem('decompression', `${f.path}: does not decompress (${(err as Error).message}) after ${rows} rows`);
          else problem('record', `${f.path}:${line + 1}: ${(err as Error).message}`);
        }
        carry = readOk ? expected : null;
        const sha = readOk ? hash.digest('hex') : await sha256File(path).catch(() => '');
        if (sha !== f.sha256) problem('checksum', `${f.path}: sha256 ${sha.slice(0, 16)}… differs from the manifest's ${f.sha256.slice(0, 16)}…`);
        if (readOk && rows !== f.rows) problem('row count', `${f.path}: ${rows} rows, manifest says ${f.rows}`);
        if (format === formats[0]) report.rows += rows;
      }
    }
  }
  for (const p of options.plugins ?? []) await p.finish?.(problem);
  report.problems = [...classes.values()];
  report.ok = report.problems.length === 0;
  report.elapsedMs = performance.now() - began;
  return report;
}

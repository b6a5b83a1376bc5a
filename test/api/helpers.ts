import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';

/** The repository root (compiled helpers live in dist/test/api/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliPath = join(repoRoot, 'dist', 'cli', 'megagen.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `megagen ARGS` in a fresh process, as a user would. */
export function megagen(args: readonly string[], o: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: o.cwd ?? repoRoot,
    input: o.input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 << 20,
    env: { ...process.env, ...o.env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'megagen-api-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a file into a directory and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** A Writable that keeps what it is given (a stand-in for stdout). */
export class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parsed NDJSON lines. */
export function parseLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
}

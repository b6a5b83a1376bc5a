import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../cli/megagen.js', import.meta.url));

export function tempDir(prefix = 'megagen-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the CLI synchronously. */
export function megagen(args: string[], opts: { cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: opts.cwd, maxBuffer: 1 << 28 });
}

/** A Writable that keeps what it is given. */
export function collector(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(c: Buffer, _e, done) {
      chunks.push(Buffer.from(c));
      done();
    },
  }) as Writable & { bytes(): Buffer };
  w.bytes = () => Buffer.concat(chunks);
  return w;
}

export function decompress(path: string): Buffer {
  const raw = readFileSync(path);
  if (path.endsWith('.gz')) return gunzipSync(raw);
  if (path.endsWith('.br')) return brotliDecompressSync(raw);
  return raw;
}

export interface ManifestLike {
  config: Record<string, unknown>;
  tables: Record<string, { rows: number; files: { path: string; format: string; rows: number; bytes: number; sha256: string }[] }>;
}

export function readManifestFile(dir: string): ManifestLike {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestLike;
}

/** path -> sha256 of every file of a manifest. */
export function fileHashes(dir: string): Record<string, string> {
  const m = readManifestFile(dir);
  const out: Record<string, string> = {};
  for (const t of Object.values(m.tables)) for (const f of t.files) out[f.path] = f.sha256;
  return out;
}

/** Every file under dir (relative paths), sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), rel + e.name + '/');
      else out.push(rel + e.name);
    }
  };
  walk(dir, '');
  return out.sort();
}

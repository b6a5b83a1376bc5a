import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, pgSkipReason, tableDigests } from './pg-test-db.js';
import { expectedRows, megagen } from './cli-helpers.js';

const skip = pgSkipReason();
const RECORDS = '100000';
// Every table of the preset, in dependency order: the conflicts table too, once the preset has one.
const expected = expectedRows('campus', Number(RECORDS));
const TABLES = [...expected.keys()];

let dir = '';
const dbs: Awaited<ReturnType<typeof createTestDatabase>>[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'megagen-both-'));
  if (skip) return;
  for (const label of ['copy', 'load', 'psql']) dbs.push(await createTestDatabase(`both_${label}`));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const d of dbs) await d.drop();
});

/** `psql -v ON_ERROR_STOP=1 -f -` with a file on stdin: the user's own way, every constraint enforced as rows arrive. */
function psqlFile(url: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql ${file}: ${stderr}`))));
    createReadStream(file).pipe(child.stdin);
  });
}

test('campus at 10^5 records loads the same rows through COPY, megagen load and plain psql, as the manifest counts', { skip }, async () => {
  const [copyDb, loadDb, psqlDb] = dbs;
  const out = join(dir, 'sql');
  const gen = await megagen(['run', 'campus', '--records', RECORDS, '--format', 'sql', '--compress', 'none', '-o', out]);
  assert.equal(gen.code, 0, gen.stderr);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    schema: { path: string };
    tables: Record<string, { rows: number; files: { path: string }[] }>;
  };
  assert.deepEqual(Object.keys(manifest.tables), TABLES);

  const [copy, load] = await Promise.all([
    megagen(['run', 'campus', '--records', RECORDS, '--sink', copyDb!.url]),
    megagen(['load', out, '--db', loadDb!.url, '--jobs', '2']),
  ]);
  assert.equal(copy.code, 0, copy.stderr);
  assert.equal(load.code, 0, load.stderr);
  // The plain way: schema.sql, then every part in manifest order, foreign keys checked row by row.
  await psqlFile(psqlDb!.url, join(out, manifest.schema.path));
  for (const t of TABLES) for (const f of manifest.tables[t]!.files) await psqlFile(psqlDb!.url, join(out, f.path));

  const viaCopy = await tableDigests(copyDb!.url, TABLES);
  for (const t of TABLES) assert.equal(viaCopy.get(t)!.rows, manifest.tables[t]!.rows, `${t}: COPY rows = manifest rows`);
  assert.deepEqual(await tableDigests(loadDb!.url, TABLES), viaCopy, 'megagen load = COPY sink (rows and checksums)');
  assert.deepEqual(await tableDigests(psqlDb!.url, TABLES), viaCopy, 'plain psql = COPY sink (rows and checksums)');
});

test('the conflicts preset (campus with injected conflicts and its conflicts table) loads both ways with the same rows', { skip }, async () => {
  const records = '20000';
  const want = expectedRows('conflicts', Number(records));
  const tables = [...want.keys()];
  assert.ok(tables.includes('conflicts'), 'the conflicts preset has a conflicts table');
  const copyDb = await createTestDatabase('conflicts_copy');
  const loadDb = await createTestDatabase('conflicts_load');
  try {
    const out = join(dir, 'conflicts-sql');
    const gen = await megagen(['run', 'conflicts', '--records', records, '--format', 'sql', '-o', out]);
    assert.equal(gen.code, 0, gen.stderr);
    const copy = await megagen(['run', 'conflicts', '--records', records, '--sink', copyDb.url]);
    assert.equal(copy.code, 0, copy.stderr);
    const load = await megagen(['load', out, '--db', loadDb.url]);
    assert.equal(load.code, 0, load.stderr);
    const viaCopy = await tableDigests(copyDb.url, tables);
    for (const [t, rows] of want) assert.equal(viaCopy.get(t)!.rows, rows, `${t} rows`);
    assert.ok(viaCopy.get('conflicts')!.rows > 0, 'conflicts were injected');
    assert.deepEqual(await tableDigests(loadDb.url, tables), viaCopy);
  } finally {
    await copyDb.drop();
    await loadDb.drop();
  }
});

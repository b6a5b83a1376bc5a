import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runCli } from '../helpers/cli.js';

it('megagen verify DIR re-detects conflicts: exit 0 on a run, exit 1 naming a labelled conflict dropped from the truth', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'megagen-vc-')), 'out');
  const run = runCli(['run', 'campus', '--records', '20000', '--conflicts', '0.03', '--conflict-difficulty', 'complex', '-o', dir]);
  assert.equal(run.status, 0, run.stderr);
  const ok = runCli(['verify', dir]);
  assert.equal(ok.status, 0, ok.stderr);

  // Drop the last truth row and keep the manifest consistent with the file: only the conflict check can notice.
  const manifestPath = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const file = m.tables.conflicts.files[0];
  const lines = gunzipSync(readFileSync(join(dir, file.path))).toString().split('\n').filter((l: string) => l.length > 0);
  const dropped = JSON.parse(lines.pop()!);
  const bytes = gzipSync(lines.map((l: string) => `${l}\n`).join(''));
  writeFileSync(join(dir, file.path), bytes);
  Object.assign(file, { bytes: bytes.length, rows: lines.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  m.tables.conflicts.rows = lines.length;
  writeFileSync(manifestPath, JSON.stringify(m, null, 2));

  const bad = runCli(['verify', dir]);
  assert.equal(dropped.is_decoy, false, 'this seed ends with a real conflict');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, new RegExp(`conflict unexpected: ${dropped.type}: 1 conflicts in the data are not labelled`));
});

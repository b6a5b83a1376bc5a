import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runPipeline } from '../../lib/index.js';
import students from '../../pipelines/students.js';
import { decompress, readManifestFile, tempDir } from '../run/helpers.js';

const MB = 1 << 20;

function countGzipMembers(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0x1f); i >= 0 && i < buf.length - 2; i = buf.indexOf(0x1f, i + 1)) if (buf[i + 1] === 0x8b && buf[i + 2] === 8) n++;
  return n;
}

for (const compress of ['gzip', 'brotli', 'none'] as const) {
  test(`rotation (${compress}): many parts, none over --max-file-size, each whole, together equal to the unrotated stream`, async () => {
    const maxMb = compress === 'none' ? 0.2 : 0.04;
    const dir = join(tempDir(), 'rot');
    await runPipeline(students, { records: 15_000, output: dir, chunkSize: 10_000, maxFileSizeMb: maxMb, compress, formats: ['ndjson', 'json', 'csv', 'sql'] });
    const whole = join(tempDir(), 'whole');
    await runPipeline(students, { records: 15_000, output: whole, chunkSize: 10_000, compress });
    const m = readManifestFile(dir);
    const files = m.tables.students!.files;
    const byFormat = (f: string) => files.filter((x) => x.format === f);
    for (const format of ['ndjson', 'json', 'csv', 'sql']) {
      const parts = byFormat(format);
      assert.ok(parts.length >= 6, `${format}: only ${parts.length} parts`);
      assert.equal(parts.reduce((s, p) => s + p.rows, 0), 15_000);
      for (const p of parts) {
        const size = statSync(join(dir, p.path)).size;
        assert.equal(size, p.bytes);
        assert.ok(size <= maxMb * MB, `${p.path}: ${size} bytes > ${maxMb * MB}`);
        const text = decompress(join(dir, p.path)).toString('utf8');
        // Each part is valid on its own.
        if (format === 'ndjson') assert.equal(text.trimEnd().split('\n').map((l) => JSON.parse(l)).length, p.rows);
        if (format === 'json') assert.equal((JSON.parse(text) as unknown[]).length, p.rows);
        if (format === 'csv') assert.ok(text.startsWith('id,student_no,name,'), 'header row in every part');
        if (format === 'sql') assert.ok(text.startsWith('INSERT INTO "students"') && text.endsWith(');\n'));
      }
    }
    const rotated = Buffer.concat(byFormat('ndjson').map((p) => decompress(join(dir, p.path))));
    const unrotated = Buffer.concat(readManifestFile(whole).tables.students!.files.map((p) => decompress(join(whole, p.path))));
    assert.ok(rotated.equals(unrotated));
    if (compress === 'gzip') {
      const raw = readFileSync(join(dir, byFormat('ndjson')[0]!.path));
      assert.ok(countGzipMembers(raw) > 1, 'a part is a multi-member gzip');
      assert.equal(gunzipSync(raw).toString().trimEnd().split('\n').length, byFormat('ndjson')[0]!.rows, 'gunzip reads every member');
    }
  });
}

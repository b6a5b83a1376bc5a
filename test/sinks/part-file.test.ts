import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PartFile } from '../../lib/sinks/part-file.js';
import { ALIGNED_BUFFER_BYTES } from '../../lib/sinks/aligned-buffers.js';
import { tempDir } from '../run/helpers.js';

const STAGE = ALIGNED_BUFFER_BYTES;

/** Write sizes that cross the stage (2 MiB) and page (4 KiB) boundaries in every way. */
const CASES: Record<string, number[]> = {
  empty: [],
  'one byte': [1],
  'a page less one': [4095],
  'exactly a page': [4096],
  'a page and one': [4097],
  'a stage less one': [STAGE - 1],
  'exactly a stage': [STAGE],
  'a stage and one': [STAGE + 1],
  'odd writes over several stages': [1, 70_001, STAGE - 3, 3 * STAGE + 17, 4096, 0, 999_999, 5],
};

for (const direct of [true, false]) {
  for (const [name, sizes] of Object.entries(CASES)) {
    test(`PartFile (${direct ? 'O_DIRECT where the filesystem allows it' : 'page cache'}): ${name} -> the exact bytes, size and sha256 under the final name`, async () => {
      const dir = tempDir();
      const path = join(dir, 'part.ndjson');
      const part = await PartFile.create(path, { direct });
      const chunks = sizes.map((n) => randomBytes(n));
      for (const c of chunks) await part.write(c);
      const expected = Buffer.concat(chunks);
      assert.ok(!existsSync(path), 'no final name before commit');
      const sha = await part.commit();
      const got = readFileSync(path);
      assert.equal(got.length, expected.length);
      assert.ok(got.equals(expected), 'file bytes differ from what was written');
      assert.equal(part.bytes, expected.length);
      assert.equal(sha, createHash('sha256').update(expected).digest('hex'));
      assert.deepEqual(readdirSync(dir), ['part.ndjson'], 'the .tmp file is gone');
    });
  }
}

test('PartFile discard after direct writes removes the temporary file and leaves nothing', async () => {
  const dir = tempDir();
  const part = await PartFile.create(join(dir, 'p.csv'), { direct: true });
  await part.write(randomBytes(STAGE + 10));
  await part.discard();
  assert.deepEqual(readdirSync(dir), []);
});

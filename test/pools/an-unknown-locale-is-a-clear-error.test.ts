import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPools, MegagenError } from '../../lib/index.js';

for (const bad of ['xx', 'fr', 'zh_cn', 'EN', '', 'en ']) {
  test(`getPools(${JSON.stringify(bad)}) throws a MegagenError naming the locale and the choices`, () => {
    assert.throws(
      () => getPools(bad),
      (err: unknown) => {
        assert.ok(err instanceof MegagenError, 'a MegagenError');
        assert.equal(err.code, 'ERR_INVALID_OPTION');
        assert.ok(err.message.includes(JSON.stringify(bad)), `message names ${JSON.stringify(bad)}: ${err.message}`);
        assert.match(err.message, /en/);
        assert.match(err.message, /zh_CN/);
        assert.ok(!err.message.includes('\n'), 'one line');
        return true;
      },
    );
  });
}

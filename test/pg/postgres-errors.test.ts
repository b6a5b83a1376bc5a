import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pgSkipReason, serverUrl, withDatabase } from './pg-test-db.js';
import { megagen, type CliResult } from './cli-helpers.js';

const skip = pgSkipReason();

function assertOneLine(r: CliResult, code: number, pattern: RegExp, secret?: string): void {
  assert.equal(r.code, code, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  if (secret) assert.ok(!r.stderr.includes(secret), `the password must not be printed: ${r.stderr}`);
}

test('an unreachable server is a one-line error naming the target without its password', async () => {
  const r = await megagen(['run', 'campus', '--records', '2000', '--sink', 'postgres://megagen:hunter2@127.0.0.1:1/campus']);
  assertOneLine(r, 1, /^megagen: cannot connect to postgres:\/\/megagen@127\.0\.0\.1:1\/campus: connection refused$/, 'hunter2');
});

test('a URL that is not postgres:// is a usage error', async () => {
  const r = await megagen(['run', 'campus', '--records', '2000', '--sink', 'mysql://root:hunter2@localhost/db']);
  assertOneLine(r, 2, /^megagen: --sink must be a postgres:\/\/user@host:port\/database URL \(got "mysql:\/\/root@localhost\/db"\)$/, 'hunter2');
  const bad = await megagen(['run', 'campus', '--records', '2000', '--sink', 'not a url :hunter2@']);
  assertOneLine(bad, 2, /^megagen: --sink must be a postgres/);
});

test('a wrong password is a one-line error without the password', { skip }, async () => {
  const u = new URL(serverUrl());
  u.username = 'megagen_pw';
  u.password = 'wrong-secret';
  const r = await megagen(['run', 'campus', '--records', '2000', '--sink', u.href]);
  assertOneLine(r, 1, /^megagen: cannot connect to postgres:\/\/megagen_pw@[^ ]+: password authentication failed$/, 'wrong-secret');
});

test('a missing database is a one-line error naming it', { skip }, async () => {
  const url = withDatabase(serverUrl(), 'megagen_no_such_db');
  const r = await megagen(['run', 'campus', '--records', '2000', '--sink', url]);
  assertOneLine(r, 1, /^megagen: cannot connect to postgres:\/\/[^ ]+\/megagen_no_such_db: database "megagen_no_such_db" does not exist$/);
});

test('--sink with --output, and --resume with --truncate, are usage errors', async () => {
  assertOneLine(await megagen(['run', '--sink', 'postgres://x@127.0.0.1:1/d', '-o', '/tmp/x']), 2, /--sink and --output cannot be used together/);
  assertOneLine(await megagen(['run', '--sink', 'postgres://x@127.0.0.1:1/d', '--resume', '--truncate']), 2, /--resume and --truncate cannot be used together/);
  assertOneLine(await megagen(['run', '--sink', 'postgres://x@127.0.0.1:1/d', '--chunk-size', '0']), 2, /--chunk-size must be an integer from 1/);
});

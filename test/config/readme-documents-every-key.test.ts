import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from '../../lib/index.js';
import { repoRoot } from '../api/helpers.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

it('README documents every config key, its accepted names, and every example', () => {
  for (const key of CONFIG_KEYS) {
    for (const name of [key.path, ...key.aliases]) assert.ok(readme.includes(`\`${name}\``), `README.md does not mention config key \`${name}\``);
  }
  for (const f of readdirSync(join(repoRoot, 'examples'))) assert.ok(readme.includes(`examples/${f}`), `README.md does not mention examples/${f}`);
});

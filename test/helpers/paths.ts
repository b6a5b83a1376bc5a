import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root: compiled helpers live in dist/test/helpers/. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The built CLI, as a user runs it. */
export const cliPath = join(repoRoot, 'dist', 'cli', 'megagen.js');

/** Source fixtures (not compiled): test/fixtures/. */
export const fixturesDir = join(repoRoot, 'test', 'fixtures');

import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** megagen's version, from package.json (dist/lib/run/ -> the package root). */
export function megagenVersion(): string {
  if (cached === undefined) {
    try {
      cached = String((JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0');
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}

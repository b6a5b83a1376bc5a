import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from './paths.js';
import { preset, runToBuffer, sha256 } from './generate.js';
import { presets } from '../../pipelines/index.js';

/** One golden output: a preset run at a small size, recorded in test/fixtures/golden/<file>.json. */
export interface GoldenCase {
  file: string;
  preset: string;
  records: number;
  seed: number | string;
  locale: string;
}

export interface GoldenRecord extends GoldenCase {
  rows: number;
  bytes: number;
  sha256: string;
  /** The first 3 NDJSON lines of each table, as written. */
  head: Record<string, string[]>;
}

export const goldenDir = join(fixturesDir, 'golden');

/** Sizes of the preset goldens; a preset not named here gets DEFAULT_RECORDS. */
const SIZES: Record<string, number> = { campus: 2_000, students: 50, timetable: 1_000 };
const DEFAULT_RECORDS = 2_000;

/** Every golden case: one per preset (file = preset name), plus zh_CN variants. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [...presets.keys()].map((name) => ({ file: name, preset: name, records: SIZES[name] ?? DEFAULT_RECORDS, seed: 42, locale: 'en' }));
  cases.push({ file: 'campus-zh_CN', preset: 'campus', records: 2_000, seed: 42, locale: 'zh_CN' });
  cases.push({ file: 'students-zh_CN', preset: 'students', records: 50, seed: 'golden', locale: 'zh_CN' });
  return cases;
}

export function goldenPath(file: string): string {
  return join(goldenDir, `${file}.json`);
}

/** Runs a golden case now and describes its output. */
export async function recordGolden(c: GoldenCase): Promise<GoldenRecord> {
  const bytes = await runToBuffer(c.preset, { records: c.records, seed: c.seed, locale: c.locale });
  const lines = bytes.toString('utf8').split('\n');
  lines.pop();
  const several = preset(c.preset).tables.length > 1;
  const head: Record<string, string[]> = {};
  for (const line of lines) {
    const table = several ? (JSON.parse(line) as { _table: string })._table : preset(c.preset).tables[0]!;
    const list = (head[table] ??= []);
    if (list.length < 3) list.push(line);
  }
  return { ...c, rows: lines.length, bytes: bytes.length, sha256: sha256(bytes), head };
}

export function readGolden(file: string): GoldenRecord | null {
  const path = goldenPath(file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GoldenRecord) : null;
}

export function writeGolden(record: GoldenRecord): string {
  mkdirSync(goldenDir, { recursive: true });
  const path = goldenPath(record.file);
  writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
  return path;
}

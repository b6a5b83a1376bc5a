import type { PipelineDefinition } from '../pipeline.js';
import type { ResolvedRunOptions } from './run-options.js';
import type { ResolvedOutputConfig } from './output-options.js';

/**
 * Everything that decides the bytes of a directory run. The journal's first
 * line holds it; --resume refuses a directory whose config differs. Batch
 * size and worker count are left out: they never change the output.
 */
export interface RunConfig extends ResolvedOutputConfig {
  preset: string;
  records: number;
  seed: number | string;
  locale: string;
  tables: string[];
  /** Hash of the value pools (locale data): a different faker gives different rows. */
  poolsHash: string;
  /** Conflict injection (only when --conflicts is above 0). */
  conflicts?: { rate: number; types: string[]; difficulty: string };
}

export function runConfig(pipeline: PipelineDefinition, o: ResolvedRunOptions, poolsHash: string): RunConfig {
  const out = o.out;
  return {
    preset: pipeline.name,
    records: o.records,
    seed: o.seed,
    locale: o.locale,
    tables: [...o.tables],
    chunkSize: out.chunkSize,
    maxFileSizeMb: out.maxFileSizeMb,
    compress: out.compress,
    compressLevel: out.compressLevel,
    formats: [...out.formats],
    ...(out.sqlDialect && out.sqlDialect !== 'postgres' ? { sqlDialect: out.sqlDialect } : {}),
    blockBytes: out.blockBytes,
    poolsHash,
    ...(o.conflicts.rate > 0 ? { conflicts: { rate: o.conflicts.rate, types: [...o.conflicts.types], difficulty: o.conflicts.difficulty } } : {}),
  };
}

/** The keys whose values differ between two configs (an empty list when they match). */
export function configDifferences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * megagen's public API: the parts a pipeline is composed of, and the runner.
 *
 * - Run: `runPipeline(pipeline, options)` (summary: rows per table, paths,
 *   timings; `options.onProgress` for events), or the seed's
 *   `new MegaDataGenerator(config).generateMegaDataset()`.
 * - Compose: `definePipeline` (tables, sizing, derived tables, column
 *   generators, custom stages at 'after:relations' / 'before:serialize'),
 *   `presets`, `loadPipelineFile`.
 * - Parts: sources (`tableSource`, `generateBatches`, `indexSource`), stages
 *   (`relationsStage`, `customStage`), serializers (`compileNdjson`,
 *   `ndjsonStage`, `compileNdjsonBytes`), sinks (`stdoutSink`, `ndjsonStreamSink`,
 *   `atomicFileSink`).
 * - Config: `loadConfigFile`, `resolveConfig`, `CONFIG_KEYS` (the seed's
 *   `mega_scale_config.yml` keys, with precedence and provenance).
 * - Randomness: `Rng`, `hashKey`, `streamId` (counter-based: every value a
 *   pure function of seed, table, row and column).
 *
 * Every failure is a `MegagenError` with a stable `code`.
 * @packageDocumentation
 */
export { MegagenError, type MegagenErrorCode } from './errors.js';
export {
  definePipeline,
  type PipelineDefinition,
  type Sizing,
  type CustomStage,
  type StagePoint,
  type DerivedTable,
  type ColumnGenerator,
} from './pipeline.js';
export { runPipeline, buildModel, planTarget, type RunSummary, type TableSummary } from './run/run-pipeline.js';
export { parseRunOptions, DEFAULT_SEED, DEFAULT_OUTPUT, type RunOptions, type ResolvedRunOptions } from './run/run-options.js';
export { createCampusModel, CAMPUS_TABLES, type CampusModel, type CampusTable } from './model/campus.js';
export { CampusPlan, type PlanTarget, type PlanSizes } from './model/campus-plan.js';
export type { ColumnSpec, ColumnType, Row, TableSpec, TableModel, RowGenerator, RelationResolver, IndexLineWriter, NdjsonWriterOptions, RowOverrides, RowOverrideSource } from './model/schema.js';
export { OverrideCursor } from './model/override-cursor.js';
export { tableSource, generateBatches, indexSource, DEFAULT_BATCH_SIZE, type TableSourceOptions } from './sources/table-source.js';
export type { Batch, IndexBatch } from './sources/batch.js';
export { relationsStage, createRelationResolver } from './stages/relations.js';
export { compileNdjson, ndjsonStage, type NdjsonOptions } from './formats/ndjson.js';
export { stdoutSink, isClosedPipe } from './sinks/stdout-sink.js';
export { ndjsonStreamSink } from './sinks/ndjson-stream-sink.js';
export { compileNdjsonBytes, type NdjsonBytesWriter } from './formats/ndjson-bytes.js';
export { atomicFileSink } from './sinks/atomic-file-sink.js';
export { getPools, LOCALES, type Locale, type Pools } from './pools/pools.js';
export { Rng, Permutation, WeightedPicker, hashKey, hashKey2, streamId, normaliseSeed, zipfWeights } from './random/index.js';
export { createPipelineModel, pipelineLabel } from './model/pipeline-model.js';
export { customStage, customStagesAt, createStageMapper } from './stages/custom-stage.js';
export type { RowContext, DerivedRowContext } from './stages/row-context.js';
export { progressStage, type ProgressEvent, type ProgressListener } from './run/progress-events.js';
export { loadPipelineFile } from './run/load-pipeline-file.js';
export { resolvePipeline, loadPresets } from './api/resolve-pipeline.js';
export { CONFIG_KEYS, SCALES, apiName, type ConfigKey, type KeyType } from './config/config-keys.js';
export { loadConfigFile, parseConfigText } from './config/load-config-file.js';
export { layerFromApi, layerFromMapping, type ConfigLayer, type LayerEntry } from './config/config-layer.js';
export {
  resolveConfig,
  resolvePreset,
  formatResolvedConfig,
  resolvedConfigJson,
  type ResolvedConfig,
  type Setting,
} from './config/resolve-config.js';
export { MegaDataGenerator, type MegaGenerationConfig, type MegaDatasetResult } from './api/mega-data-generator.js';
// Chunked directory output (issue 3): planning, one chunk, journal, manifest, formats, reading back.
export { parseOutputOptions, FORMATS, COMPRESSIONS, type OutputOptions, type ResolvedOutputOptions, type FormatName, type CompressionName } from './run/output-options.js';
export { planChunks, chunkTask, chunkCount, chunkStem, type ChunkTask } from './run/chunk-plan.js';
export { runChunk, type ChunkContext, type ChunkResult } from './run/run-chunk.js';
export { runToDirectory, sequentialExecutor, type ChunkExecutor, type DirectoryRunHooks, type DirectoryRunResult } from './run/run-directory.js';
export { runConfig, configDifferences, type RunConfig } from './run/run-config.js';
export { Journal, readJournal, JOURNAL_FILE, type JournalChunk, type JournalHeader } from './run/journal.js';
export { buildManifest, writeManifest, readManifest, writeFileAtomic, MANIFEST_FILE, type Manifest, type ManifestTable } from './run/manifest.js';
export { prepareOutputDir, removeStrays, SCHEMA_FILE } from './run/output-dir.js';
export { RotatingFileSink, type PartResult, type RotatingFileSinkOptions } from './sinks/rotating-file-sink.js';
export { blockCodec, gzipCodec, brotliCodec, noneCodec, type BlockCodec } from './sinks/block-codec.js';
export { blockFormat } from './formats/block-formats.js';
export type { BlockFormat } from './formats/block-format.js';
export { BlockBuilder, type RawBlock } from './formats/block-builder.js';
export { compileCsv, csvHeader, csvField, csvBlockFormat } from './formats/csv.js';
export { jsonBlockFormat } from './formats/json.js';
export { compileSqlTuple, sqlInsertPrefix, sqlBlockFormat, SQL_ROWS_PER_INSERT, type SqlOptions } from './formats/sql.js';
export { sqlDialect, sqlValue, registerSqlDialect, postgresDialect, type SqlDialect } from './formats/sql-dialect.js';
export { schemaSql, createTableSql, columnChecks, primaryKeyOf, type SchemaSqlOptions } from './formats/sql-schema.js';
export { catTable, type CatOptions } from './verify/cat-table.js';
export { readPart, formatOfPath, type ReadPartOptions } from './verify/read-part.js';
export { verifyOutput, type VerifyReport, type VerifyOptions, type VerifyPlugin, type ProblemClass, type ProblemKind } from './verify/verify-output.js';
export { compileRowChecks, type RowProblem } from './verify/row-checks.js';
// Parallel runs, shards and monitoring (issue 4).
export { parseClusterOptions, parseShard, DEFAULT_MAX_RETRIES, type ClusterOptions, type ResolvedClusterOptions } from './run/cluster-options.js';
export { planMemory, MemoryGuard, DEFAULT_MEMORY_MB, type MemoryPlan } from './run/cluster-memory.js';
export { mergeShards, MERGE_MODES, type MergeMode, type MergeOptions, type MergeResult } from './run/merge-shards.js';
export { inShard, type Shard, type ShardInfo } from './run/shard.js';
export { createRunLog, LOG_FILE, type RunLog } from './run/run-log.js';
export { createProgressReporter, type ProgressReporter } from './monitor/progress-reporter.js';
export { ProgressModel, type ProgressSnapshot } from './monitor/progress-model.js';
export { formatProgressLine, parseProgressLine, type ProgressLine } from './monitor/format.js';
export { readPerformanceData, type PerformanceData } from './monitor/performance-data.js';
export { writePerformanceReports } from './monitor/performance-reports.js';
// The named presets, last: pipelines/ is built from this module, so it must
// evaluate after everything above (ESM evaluates re-exports in order).
export { presets, DEFAULT_PRESET } from '../pipelines/index.js';
export { CONFLICT_TYPES, DIFFICULTIES, parseConflictOptions, parseConflictRate, type ConflictType, type Difficulty, type ConflictOptions } from './conflicts/options.js';
export { buildConflictPlan, ConflictPlan, type ConflictSummary, type ConflictTypeSummary } from './conflicts/plan.js';
export { withConflicts, conflictPlanOf, type ConflictModel } from './conflicts/conflict-model.js';
export { conflictsStage, createConflictApplier, createConflictRowApplier } from './stages/conflicts.js';
export { conflictsSpec, conflictsTable } from './model/tables/conflicts.js';
export { ConflictChecker, checkConflicts, checkConflictStream, formatConflictReport, type ConflictCheckReport, type ConflictTypeResult } from './verify/conflict-checker.js';
export { conflictVerifyPlugin } from './verify/conflict-checker-plugin.js';

/**
 * megagen's public API: the parts a pipeline is composed of, and the runner.
 * @packageDocumentation
 */
export { MegagenError, type MegagenErrorCode } from './errors.js';
export { definePipeline, type PipelineDefinition, type Sizing } from './pipeline.js';
export { runPipeline, buildModel, planTarget, type RunSummary, type TableSummary } from './run/run-pipeline.js';
export { parseRunOptions, DEFAULT_SEED, DEFAULT_OUTPUT, type RunOptions, type ResolvedRunOptions } from './run/run-options.js';
export { createCampusModel, CAMPUS_TABLES, type CampusModel, type CampusTable } from './model/campus.js';
export { CampusPlan, type PlanTarget, type PlanSizes } from './model/campus-plan.js';
export type { ColumnSpec, ColumnType, Row, TableSpec, TableModel, RowGenerator, RelationResolver } from './model/schema.js';
export { tableSource, generateBatches, DEFAULT_BATCH_SIZE, type TableSourceOptions } from './sources/table-source.js';
export type { Batch } from './sources/batch.js';
export { relationsStage, createRelationResolver } from './stages/relations.js';
export { compileNdjson, ndjsonStage, type NdjsonOptions } from './formats/ndjson.js';
export { stdoutSink, isClosedPipe } from './sinks/stdout-sink.js';
export { atomicFileSink } from './sinks/atomic-file-sink.js';
export { getPools, LOCALES, type Locale, type Pools } from './pools/pools.js';
export { Rng, Permutation, WeightedPicker, hashKey, hashKey2, streamId, normaliseSeed, zipfWeights } from './random/index.js';

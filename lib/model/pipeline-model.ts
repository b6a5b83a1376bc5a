import { streamId } from '../random/hash.js';
import { MegagenError } from '../errors.js';
import { createCampusModel, type CampusModel } from './campus.js';
import type { PlanTarget } from './campus-plan.js';
import type { ColumnSpec, IndexLineWriter, NdjsonWriterOptions, RelationResolver, Row, TableModel, TableSpec } from './schema.js';
import type { ColumnGenerator, DerivedTable, PipelineDefinition } from '../pipeline.js';
import { MutableRowContext } from '../stages/row-context.js';

export interface PipelineModelOptions {
  seed: number;
  target: PlanTarget;
  locale: string;
}

/** How errors name a pipeline: its file when it came from one. */
export function pipelineLabel(p: PipelineDefinition): string {
  return p.file ? `${p.file} (pipeline ${p.name})` : `pipeline ${p.name}`;
}

/**
 * True when user code (a derived table, a column generator, a custom stage)
 * makes or changes the rows of a table: its serializer must then check every
 * value instead of trusting the model's types.
 */
export function userCodeTouches(p: PipelineDefinition, table: string): boolean {
  if (p.derivedTables?.some((d) => d.spec.name === table)) return true;
  if (p.columns?.[table]) return true;
  return (p.stages ?? []).some((s) => !s.tables || s.tables.includes(table));
}

/**
 * The table's index writer (TableModel.createNdjsonWriter) where the pipeline
 * lets it stand in for generating, resolving and serialising rows: nothing
 * of the user's touches the table. (An injected table keeps one only where
 * its writer can override the changed columns: conflict-model.ts.)
 */
export function ndjsonWriterFor(p: PipelineDefinition, table: TableModel, options: NdjsonWriterOptions): IndexLineWriter | undefined {
  if (!table.createNdjsonWriter || userCodeTouches(p, table.spec.name)) return undefined;
  return table.createNdjsonWriter(options);
}

/** What a value is, for error messages. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function isRowObject(v: unknown): v is Row {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function withColumnGenerators(base: TableModel, overrides: Readonly<Record<string, ColumnGenerator>>, model: CampusModel, label: string): TableModel {
  const name = base.spec.name;
  const cols = Object.entries(overrides);
  for (const [col] of cols) {
    if (!base.spec.columns.some((c) => c.name === col))
      throw new MegagenError('ERR_PIPELINE', `${label}: table ${name} has no column "${col}" to override (add columns with a stage's columns)`);
  }
  return {
    spec: base.spec,
    rows: base.rows,
    createGenerator: () => base.createGenerator(),
    createResolver(): RelationResolver {
      const resolve = base.createResolver();
      const parts = cols.map(([col, fn]) => ({ col, fn, ctx: new MutableRowContext(model, streamId(`column:${name}.${col}`), name) }));
      return (row, index) => {
        resolve?.(row, index);
        for (const p of parts) {
          p.ctx.index = index;
          try {
            row[p.col] = p.fn(row, p.ctx);
          } catch (err) {
            throw new MegagenError('ERR_PIPELINE', `${label}: column generator ${name}.${p.col} failed on row ${index}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
          }
        }
      };
    },
  };
}

function derivedModel(d: DerivedTable, ratio: number, model: CampusModel, label: string): TableModel {
  const name = d.spec.name;
  const parentRows = model.table(d.from).rows;
  const rows = parentRows * ratio;
  if (!Number.isSafeInteger(rows)) throw new MegagenError('ERR_PIPELINE', `${label}: table ${name} would hold ${rows} rows (too many)`);
  const make = d.row;
  return {
    spec: d.spec,
    rows,
    createGenerator() {
      const ctx = new MutableRowContext(model, streamId(`table:${name}`), name);
      ctx.from = d.from;
      ctx.ratio = ratio;
      return (i) => {
        ctx.index = i;
        const p = Math.floor(i / ratio);
        ctx.parentIndex = p;
        ctx.k = i - p * ratio;
        let row: unknown;
        try {
          row = make(ctx);
        } catch (err) {
          throw new MegagenError('ERR_PIPELINE', `${label}: table ${name} failed on row ${i}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
        }
        if (!isRowObject(row)) throw new MegagenError('ERR_PIPELINE', `${label}: table ${name} made ${kindOf(row)} for row ${i} (row(ctx) must return an object)`);
        return row;
      };
    },
    createResolver: () => null,
  };
}

function withColumns(t: TableModel, added: readonly ColumnSpec[]): TableModel {
  if (added.length === 0) return t;
  const spec: TableSpec = { ...t.spec, columns: [...t.spec.columns, ...added] };
  return { spec, rows: t.rows, createGenerator: () => t.createGenerator(), createResolver: () => t.createResolver() };
}

/**
 * Builds the model a pipeline runs on: the campus tables (with the pipeline's
 * column generators), its derived tables, and every table's spec extended by
 * the columns its custom stages add.
 */
export function createPipelineModel(pipeline: PipelineDefinition, o: PipelineModelOptions): CampusModel {
  const base = createCampusModel(o);
  const plain = !pipeline.derivedTables?.length && !pipeline.stages?.length && !pipeline.columns;
  if (plain) return base;
  const label = pipelineLabel(pipeline);
  const byName = new Map<string, TableModel>();
  const order: string[] = [];
  const model: CampusModel = {
    seed: base.seed,
    plan: base.plan,
    poolsHash: base.poolsHash,
    get tables() {
      return order.map((n) => byName.get(n)!);
    },
    table(name) {
      const t = byName.get(name);
      if (!t) throw new MegagenError('ERR_UNKNOWN_TABLE', `unknown table "${name}" (choose from: ${order.join(', ')})`);
      return t;
    },
  };
  const add = (t: TableModel): void => {
    byName.set(t.spec.name, t);
    order.push(t.spec.name);
  };
  for (const t of base.tables) {
    const overrides = pipeline.columns?.[t.spec.name];
    add(overrides ? withColumnGenerators(t, overrides, model, label) : t);
  }
  for (const d of pipeline.derivedTables ?? []) {
    const t = derivedModel(d, pipeline.ratios?.[d.spec.name] ?? d.ratio, model, label);
    const overrides = pipeline.columns?.[d.spec.name];
    add(overrides ? withColumnGenerators(t, overrides, model, label) : t);
  }
  for (const name of order) {
    const added = (pipeline.stages ?? []).filter((s) => !s.tables || s.tables.includes(name)).flatMap((s) => s.columns ?? []);
    const t = byName.get(name)!;
    for (const c of added) {
      if (t.spec.columns.some((x) => x.name === c.name))
        throw new MegagenError('ERR_PIPELINE', `${label}: a stage adds column "${c.name}" to table ${name}, which already has it`);
    }
    byName.set(name, withColumns(t, added));
  }
  return model;
}

import { invalidOption } from './errors.js';
import { CAMPUS_TABLES } from './model/campus.js';

/** How a pipeline turns `--records` into table sizes. */
export type Sizing =
  /** records = all campus rows together (tables sized by the plan's ratios) */
  | 'campus'
  /** records = exactly the number of students */
  | 'students'
  /** records = the timetable tables together (departments .. sections) */
  | 'timetable';

/** A named preset: which tables to emit and how to size them. */
export interface PipelineDefinition {
  readonly name: string;
  readonly description: string;
  /** Tables emitted, in dependency order. */
  readonly tables: readonly string[];
  readonly sizing: Sizing;
  readonly defaultRecords: number;
}

/** Checks and freezes a pipeline definition. */
export function definePipeline(def: PipelineDefinition): PipelineDefinition {
  if (!/^[a-z][a-z0-9_-]*$/.test(def.name)) throw invalidOption(`pipeline name must be lower-case letters, digits, - or _ (got "${def.name}")`);
  if (def.tables.length === 0) throw invalidOption(`pipeline "${def.name}" emits no table`);
  for (const t of def.tables) {
    if (!(CAMPUS_TABLES as readonly string[]).includes(t))
      throw invalidOption(`pipeline "${def.name}" names unknown table "${t}" (choose from: ${CAMPUS_TABLES.join(', ')})`);
  }
  const ordered = CAMPUS_TABLES.filter((t) => def.tables.includes(t));
  return Object.freeze({ ...def, tables: Object.freeze(ordered) });
}

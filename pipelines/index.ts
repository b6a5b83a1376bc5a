import type { PipelineDefinition } from '../lib/pipeline.js';
import campus from './campus.js';
import students from './students.js';
import timetable from './timetable.js';
import conflicts from './conflicts.js';

/** The named presets, by name. The first is the default. */
export const presets: ReadonlyMap<string, PipelineDefinition> = new Map([campus, students, timetable, conflicts].map((p) => [p.name, p]));

export const DEFAULT_PRESET = 'campus';

import { buildModel, parseRunOptions, type PipelineDefinition } from '../../lib/index.js';
import { presets } from '../../pipelines/index.js';

/** The presets (or the given pipelines, e.g. a pipeline file), their tables and columns, as text for the terminal. */
export function listText(pipelines: Iterable<PipelineDefinition> = presets.values()): string {
  const lines: string[] = [];
  for (const p of pipelines) {
    lines.push(`${p.name}: ${p.description} (default ${p.defaultRecords.toLocaleString('en-US')} records)`);
    const model = buildModel(p, parseRunOptions(p, { records: 10_000 }));
    for (const name of p.tables) {
      const spec = model.table(name).spec;
      const cols = spec.columns.map((c) => `${c.name}${c.nullable ? '?' : ''}:${c.type}${c.references ? `->${c.references}` : ''}`);
      const derived = p.derivedTables?.find((d) => d.spec.name === name);
      const from = derived ? ` (derived: ${p.ratios?.[name] ?? derived.ratio} per ${derived.from} row)` : '';
      lines.push(`  ${name}${from}: ${cols.join(' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

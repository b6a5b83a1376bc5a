import { buildModel, parseRunOptions } from '../../lib/index.js';
import { presets } from '../../pipelines/index.js';

/** The presets, their tables and columns, as text for the terminal. */
export function listText(): string {
  const lines: string[] = [];
  for (const p of presets.values()) {
    lines.push(`${p.name}: ${p.description} (default ${p.defaultRecords.toLocaleString('en-US')} records)`);
    const model = buildModel(p, parseRunOptions(p, { records: 10_000 }));
    for (const name of p.tables) {
      const spec = model.table(name).spec;
      const cols = spec.columns.map((c) => `${c.name}${c.nullable ? '?' : ''}:${c.type}${c.references ? `->${c.references}` : ''}`);
      lines.push(`  ${name}: ${cols.join(' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

import type { Row } from '../model/schema.js';
import type { VerifyPlugin } from './verify-output.js';
import { CHECKER_TABLES, ConflictChecker } from './conflict-checker.js';

const MAX_EXAMPLES = 20;

/**
 * `megagen verify DIR` re-detects conflicts through this plugin when the
 * directory holds a `conflicts` table: the same independent checker as
 * `verify-conflicts`, fed the rows verify already streams (tables come in
 * dependency order, enrollments grouped by student). Differences from the
 * truth are problems of kind `conflict missing` / `conflict unexpected`.
 */
export function conflictVerifyPlugin(): VerifyPlugin {
  let checker: ConflictChecker | null = null;
  return {
    name: 'conflicts',
    forTable(table, spec, manifest) {
      if (!manifest.tables.conflicts || !(CHECKER_TABLES as readonly string[]).includes(table)) return undefined;
      const c = (checker ??= new ConflictChecker());
      const names = spec.columns.map((col) => col.name);
      // The checker copies what it needs from each row, so one object serves every row.
      const row: Row = {};
      return (values) => {
        for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
        c.add(table, row);
      };
    },
    finish(report) {
      if (!checker) return;
      const r = checker.finish();
      for (const t of r.types) {
        if (t.missing > 0) report('conflict missing', `${t.type}: ${t.missing} of ${t.expected} labelled conflicts are not in the data`);
        if (t.unexpected > 0)
          report('conflict unexpected', `${t.type}: ${t.unexpected} conflicts in the data are not labelled${t.decoysReported > 0 ? ` (${t.decoysReported} of them labelled decoys)` : ''}`);
      }
      for (const m of r.missing.slice(0, MAX_EXAMPLES)) report('conflict missing', `${m.type}: ${m.key.slice(m.type.length + 1)} (${m.detail})`);
      for (const u of r.unexpected.slice(0, MAX_EXAMPLES)) report('conflict unexpected', `${u.type}: ${u.detail}`);
      for (const p of r.problems) report('conflict data', p);
    },
  };
}

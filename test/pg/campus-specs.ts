import { createCampusModel } from '../../lib/model/campus.js';
import type { TableSpec } from '../../lib/model/schema.js';

export function campusTableSpecs(): TableSpec[] {
  return createCampusModel({ seed: 1, target: { records: 10_000 }, locale: 'en' }).tables.map((t) => t.spec);
}

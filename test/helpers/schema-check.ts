import type { ColumnSpec, TableSpec } from '../../lib/index.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

function validDate(text: string, re: RegExp): boolean {
  const m = re.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Why a value does not fit its column, or null when it does. */
export function columnProblem(col: ColumnSpec, v: unknown): string | null {
  if (v === null) return col.nullable ? null : 'null in a non-nullable column';
  switch (col.type) {
    case 'int':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `not an integer: ${JSON.stringify(v)}`;
      break;
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `not a finite number: ${JSON.stringify(v)}`;
      break;
    case 'bool':
      if (typeof v !== 'boolean') return `not a boolean: ${JSON.stringify(v)}`;
      break;
    case 'date':
      if (typeof v !== 'string' || !validDate(v, DATE)) return `not a YYYY-MM-DD date: ${JSON.stringify(v)}`;
      break;
    case 'datetime':
      if (typeof v !== 'string' || !validDate(v, DATETIME)) return `not a YYYY-MM-DDTHH:MM:SSZ datetime: ${JSON.stringify(v)}`;
      break;
    case 'string':
      if (typeof v !== 'string') return `not a string: ${JSON.stringify(v)}`;
      if (v.length === 0) return 'empty string';
      break;
    default:
      return `unknown column type ${String(col.type)}`;
  }
  if (col.enum && !col.enum.includes(v as string)) return `${JSON.stringify(v)} not in ${JSON.stringify(col.enum)}`;
  if (col.min !== undefined && (v as number) < col.min) return `${String(v)} below min ${col.min}`;
  if (col.max !== undefined && (v as number) > col.max) return `${String(v)} above max ${col.max}`;
  return null;
}

/** Why a parsed row does not match its table (keys in column order, typed values), or null. */
export function rowProblem(spec: TableSpec, row: Record<string, unknown>): string | null {
  const keys = Object.keys(row);
  const names = spec.columns.map((c) => c.name);
  if (keys.length !== names.length || keys.some((k, i) => k !== names[i]))
    return `keys ${JSON.stringify(keys)} are not the columns ${JSON.stringify(names)} in order`;
  for (const col of spec.columns) {
    const p = columnProblem(col, row[col.name]);
    if (p) return `column ${col.name}: ${p}`;
  }
  return null;
}

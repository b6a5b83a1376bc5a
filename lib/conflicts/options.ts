import { invalidOption } from '../errors.js';

/** The six kinds of scheduling conflict megagen injects and labels (DESIGN §5). */
export const CONFLICT_TYPES = [
  'room_double_booking',
  'teacher_double_booking',
  'student_time_clash',
  'capacity_overflow',
  'prerequisite_violation',
  'teacher_overload',
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export const DIFFICULTIES = ['simple', 'medium', 'complex'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What a user asks for. */
export interface ConflictOptions {
  /** Share of eligible rows turned into conflicts, per type: 0..1. */
  rate?: number;
  /** Subset of CONFLICT_TYPES. Default: all. */
  types?: readonly string[];
  difficulty?: string;
}

export interface ResolvedConflictOptions {
  rate: number;
  types: readonly ConflictType[];
  difficulty: Difficulty;
}

export function isConflictType(t: string): t is ConflictType {
  return (CONFLICT_TYPES as readonly string[]).includes(t);
}

/** A rate from the command line: a number in [0, 1], or a percentage (`2%`). */
export function parseConflictRate(text: unknown): number {
  const raw = String(text).trim();
  const pct = raw.endsWith('%');
  const body = pct ? raw.slice(0, -1) : raw;
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(body) ? Number(body) / (pct ? 100 : 1) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) throw invalidOption(`--conflicts must be a share from 0 to 1, e.g. 0.01 or 1% (got "${raw}")`);
  return n;
}

export function parseConflictOptions(o: ConflictOptions = {}): ResolvedConflictOptions {
  const rate = o.rate ?? 0;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1)
    throw invalidOption(`--conflicts must be a share from 0 to 1 (got ${String(rate)})`);
  let types: ConflictType[] = [...CONFLICT_TYPES];
  if (o.types && o.types.length > 0) {
    for (const t of o.types) {
      if (!isConflictType(t)) throw invalidOption(`unknown conflict type "${t}" (choose from: ${CONFLICT_TYPES.join(', ')})`);
    }
    types = CONFLICT_TYPES.filter((t) => o.types!.includes(t));
  }
  const difficulty = o.difficulty ?? 'simple';
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty))
    throw invalidOption(`unknown conflict difficulty "${difficulty}" (choose from: ${DIFFICULTIES.join(', ')})`);
  return { rate, types, difficulty: difficulty as Difficulty };
}

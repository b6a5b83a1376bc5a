import { invalidOption } from '../errors.js';
import { CONFIG_KEYS, KEY_BY_API_NAME, KEY_BY_PATH, apiName, type ConfigKey, type KeyType } from './config-keys.js';
import { didYouMean } from './did-you-mean.js';

/** One value of a layer and where it came from (`mega.yml:3:3`, `flag --records`, ...). */
export interface LayerEntry {
  readonly value: unknown;
  /** The name it was given under (an alias, a flag, an API field). */
  readonly given: string;
  /** Where: `file:line:column`, `flag --x`, `MegaDataGenerator config`. */
  readonly source: string;
}

/** Values from one place (a config file, the API, the flags), by canonical key path. */
export interface ConfigLayer {
  readonly kind: 'config' | 'api' | 'flag';
  readonly label: string;
  readonly entries: ReadonlyMap<string, LayerEntry>;
}

const SECTIONS = new Set(CONFIG_KEYS.flatMap((k) => [k.path, ...k.aliases].flatMap((p) => {
  const parts = p.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
})));

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function typeText(t: KeyType): string {
  switch (t.kind) {
    case 'count':
      return `an integer from ${t.min.toLocaleString('en-US')} to ${t.max.toLocaleString('en-US')}`;
    case 'number':
      return `a number from ${t.min} to ${t.max}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a non-empty string';
    case 'seed':
      return 'an integer or a non-empty string';
    case 'enum':
      return `one of ${t.choices.join(', ')}`;
    case 'list':
      return t.choices ? `a list of ${t.choices.join(', ')}` : 'a list of names';
  }
}

/**
 * Checks a typed value (from YAML, JSON or the API) against its key's type and
 * returns it normalised (a list given as `a,b` becomes ['a', 'b']). Throws a
 * one-line error naming where and what.
 */
export function checkValue(key: ConfigKey, value: unknown, where: string, given: string): unknown {
  const t = key.type;
  const bad = (): never => {
    throw invalidOption(`${where ? `${where}: ` : ''}${given} must be ${typeText(t)} (got ${describe(value)})`);
  };
  switch (t.kind) {
    case 'count':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < t.min || value > t.max) bad();
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < t.min || value > t.max) bad();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') bad();
      return value;
    case 'string':
      if (typeof value !== 'string' || value.length === 0) bad();
      return value;
    case 'seed':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && value.length > 0) return value;
      return bad();
    case 'enum':
      if (typeof value !== 'string' || !t.choices.includes(value)) bad();
      return value;
    case 'list': {
      let items: unknown[];
      if (typeof value === 'string') items = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      else if (Array.isArray(value)) items = value;
      else return bad();
      if (items.length === 0 || !items.every((s) => typeof s === 'string' && s.length > 0)) bad();
      if (t.choices && !items.every((s) => t.choices!.includes(s as string))) bad();
      return items as string[];
    }
  }
}

/** A position for a path, when the layer has one (a file's line and column). */
export type Locate = (path: string) => string | undefined;

/**
 * Builds a layer from a nested mapping (a parsed config file): sections are
 * walked, every leaf must be a known key (else an error with the path and a
 * suggestion), every value of the right type, no key given twice.
 */
export function layerFromMapping(
  data: Record<string, unknown>,
  file: string,
  locate: Locate = () => undefined,
): ConfigLayer {
  const entries = new Map<string, LayerEntry>();
  const where = (path: string): string => locate(path) ?? file;
  const walk = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [name, value] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        walk(value as Record<string, unknown>, path);
        continue;
      }
      const key = KEY_BY_PATH.get(path);
      if (!key) {
        if (value === null && SECTIONS.has(path)) continue; // an empty section
        const hint = didYouMean(path, KEY_BY_PATH.keys(), (p) => KEY_BY_PATH.get(p)!.path);
        throw invalidOption(`${where(path)}: unknown key ${path}${hint ? ` (did you mean ${hint}?)` : ''}`);
      }
      const previous = entries.get(key.path);
      if (previous) throw invalidOption(`${where(path)}: ${path} repeats ${previous.given} (${previous.source}): give it once`);
      entries.set(key.path, { value: checkValue(key, value, where(path), path), given: path, source: where(path) });
    }
  };
  walk(data, '');
  return { kind: 'config', label: file, entries };
}

/**
 * Builds a layer from the library API's camelCase config (`targetRecords`,
 * `maxWorkers`, ...). Undefined fields are skipped; unknown ones rejected with
 * a suggestion.
 */
export function layerFromApi(config: Record<string, unknown>, label: string, skip: ReadonlySet<string> = new Set()): ConfigLayer {
  const entries = new Map<string, LayerEntry>();
  for (const [name, value] of Object.entries(config)) {
    if (value === undefined || skip.has(name)) continue;
    const key = KEY_BY_API_NAME.get(name);
    if (!key) {
      const hint = didYouMean(name, [...KEY_BY_API_NAME.keys(), ...skip]);
      throw invalidOption(`${label}: unknown key ${name}${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    entries.set(key.path, { value: checkValue(key, value, label, name), given: apiName(key), source: `${label} ${name}` });
  }
  return { kind: 'api', label, entries };
}

/** Builds the flags layer from already-parsed flag values, by canonical path (not checked again here). */
export function layerFromFlags(values: ReadonlyMap<string, unknown>): ConfigLayer {
  const entries = new Map<string, LayerEntry>();
  for (const [path, value] of values) {
    const key = KEY_BY_PATH.get(path);
    if (!key) throw invalidOption(`internal: no config key ${path}`);
    if (value === undefined) continue;
    const flag = key.type.kind === 'boolean' && value === false ? `--no-${key.flag ?? path}` : `--${key.flag ?? path}`;
    // Flag values were parsed by their flags' owners and are checked again by the run (with their own messages).
    entries.set(key.path, { value, given: flag, source: `flag ${flag}` });
  }
  return { kind: 'flag', label: 'flags', entries };
}

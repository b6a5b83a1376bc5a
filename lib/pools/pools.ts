import { createHash } from 'node:crypto';
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerZhCn } from '@faker-js/faker/locale/zh_CN';
import { academicData, commonSurnames, type AcademicData } from './academic-data.js';
import { WeightedPicker, zipfWeights } from '../random/weighted.js';
import { Permutation } from '../random/permutation.js';
import { MegagenError, invalidOption } from '../errors.js';

/** The locales megagen ships pools for. */
export const LOCALES = ['en', 'zh_CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Value pools for one locale, built once per process from faker's locale data
 * and our academic vocabulary. The hot loop indexes these; it never calls faker.
 */
export interface Pools {
  readonly locale: Locale;
  readonly academic: AcademicData;
  /** Surnames, Zipf-weighted (exponent 1): the few common ones dominate, as in real registers. */
  readonly lastNames: WeightedPicker<string>;
  readonly femaleFirstNames: WeightedPicker<string>;
  readonly maleFirstNames: WeightedPicker<string>;
  /** Lower-case ASCII letters of each name, index-aligned with the pickers' values (for e-mail addresses). */
  readonly lastNameSlugs: readonly string[];
  readonly femaleFirstNameSlugs: readonly string[];
  readonly maleFirstNameSlugs: readonly string[];
  /** Family name first (Chinese) or given name first (English). */
  readonly familyNameFirst: boolean;
  /** sha256 of every pool's values and weights, in order: changes when faker's data does. */
  readonly hash: string;
}

const cache = new Map<Locale, Pools>();
const FAKERS = { en: fakerEn, zh_CN: fakerZhCn } as const;

/** Characters that JSON must escape; pool values never contain them, so serialisers may skip the check. */
const JSON_UNSAFE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Every pool value is checked once here, so the hot loop can trust them (see ColumnSpec.safe). */
function assertJsonSafe(locale: string, values: Iterable<string>): void {
  for (const v of values) {
    if (JSON_UNSAFE.test(v)) throw new MegagenError('ERR_INTERNAL', `pool value ${JSON.stringify(v)} of locale ${locale} needs JSON escaping; pools must hold plain text`);
  }
}

/** The lower-case ASCII letters of a name (`O'Brien` -> `obrien`). */
export function asciiSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Rank a list: the names in `common` first (in their order), then the rest in a fixed shuffled order. */
function rank(values: readonly string[], common: readonly string[], key: number): string[] {
  const unique = [...new Set(values)];
  const set = new Set(unique);
  const head = common.filter((v) => set.has(v));
  const headSet = new Set(head);
  const rest = unique.filter((v) => !headSet.has(v));
  const perm = rest.length > 0 ? new Permutation(rest.length, key) : null;
  const shuffled = rest.map((_, i) => rest[perm!.forward(i)]!);
  return [...head, ...shuffled];
}

function zipfPicker(values: string[], s: number): WeightedPicker<string> {
  return new WeightedPicker(values, zipfWeights(values.length, s));
}

/** The pools for `locale`, built on first use and kept for the life of the process. */
export function getPools(locale: string): Pools {
  if (!isLocale(locale)) throw invalidOption(`unknown locale "${locale}" (choose one of: ${LOCALES.join(', ')})`);
  const hit = cache.get(locale);
  if (hit) return hit;
  const faker = FAKERS[locale];
  const person = faker.definitions.person;
  const first = person.first_name as { generic?: string[]; female?: string[]; male?: string[] };
  const last = person.last_name as { generic?: string[] };
  const lastNames = rank(last.generic ?? [], commonSurnames[locale] ?? [], 0x1a57);
  const female = rank(first.female ?? first.generic ?? [], [], 0xf3);
  const male = rank(first.male ?? first.generic ?? [], [], 0x3a1e);
  const academic = academicData[locale]!;
  assertJsonSafe(locale, [
    ...lastNames,
    ...female,
    ...male,
    ...academic.buildings,
    ...academic.titles,
    ...academic.courseLevels,
    ...academic.disciplines.flatMap((d) => [d.code, d.name, ...d.majors, ...d.topics]),
  ]);
  const hash = createHash('sha256')
    .update(JSON.stringify({ lastNames, female, male, academic, weights: { last: 1, first: 0.7 } }))
    .digest('hex');
  const pools: Pools = {
    locale,
    academic,
    lastNames: zipfPicker(lastNames, 1),
    femaleFirstNames: zipfPicker(female, 0.7),
    maleFirstNames: zipfPicker(male, 0.7),
    lastNameSlugs: lastNames.map(asciiSlug),
    femaleFirstNameSlugs: female.map(asciiSlug),
    maleFirstNameSlugs: male.map(asciiSlug),
    familyNameFirst: locale === 'zh_CN',
    hash,
  };
  cache.set(locale, pools);
  return pools;
}

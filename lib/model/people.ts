import type { Pools } from '../pools/pools.js';
import type { Rng } from '../random/rng.js';
import { ByteStrings } from '../formats/byte-strings.js';
import { fourDigits } from './digits.js';

/** The parts of a drawn name; one instance is reused per generator. */
export interface NameParts {
  given: string;
  family: string;
  full: string;
  /** ASCII slugs of the given and family names, for e-mail addresses. */
  givenSlug: string;
  familySlug: string;
  /** `givenSlug.familySlug`'s first part with its dot (`givenSlug + '.'`): one concatenation less per address. */
  givenSlugDot: string;
}

export function newNameParts(): NameParts {
  return { given: '', family: '', full: '', givenSlug: '', familySlug: '', givenSlugDot: '' };
}

/** A drawn name as indices into the pools' name lists: what both the row and the byte writers render. */
export interface NameIndex {
  female: boolean;
  given: number;
  family: number;
}

export function newNameIndex(): NameIndex {
  return { female: false, given: 0, family: 0 };
}

/** Draws, and renders as strings or as bytes, Zipf-weighted names in the locale's order. */
export interface Names {
  /** Draws a name by gender ('F' or 'M') into `out`. */
  draw(rng: Rng, gender: string, out: NameIndex): NameIndex;
  /** The strings of a drawn name. */
  parts(ix: NameIndex, out: NameParts): NameParts;
  /** Writes the full name's JSON-safe UTF-8 through `v`, a DataView of the target (see ByteStrings); returns the offset after it. */
  writeFull(v: DataView, off: number, ix: NameIndex): number;
  /** Writes `givenSlug.familySlug`. */
  writeSlugs(v: DataView, off: number, ix: NameIndex): number;
  /** Bytes of the longest full name and of the longest slug pair. */
  readonly maxFullBytes: number;
  readonly maxSlugBytes: number;
}

/**
 * The name tables of a locale. Built once per table: the strings derived from
 * the name lists (`Given ` with its space, `slug.`) and their bytes are made
 * here, so a drawn name costs one concatenation or a few byte copies.
 */
export function names(pools: Pools): Names {
  let n = namesOf.get(pools);
  if (!n) namesOf.set(pools, (n = buildNames(pools)));
  return n;
}

/** One Names per pools (students and teachers share it). */
const namesOf = new WeakMap<Pools, Names>();

function buildNames(pools: Pools): Names {
  const first = pools.familyNameFirst;
  const lead = (v: string) => (first ? v : `${v} `);
  const female = pools.femaleFirstNames;
  const male = pools.maleFirstNames;
  const femaleLead = female.values.map(lead);
  const maleLead = male.values.map(lead);
  const femaleSlugDot = pools.femaleFirstNameSlugs.map((v) => `${v}.`);
  const maleSlugDot = pools.maleFirstNameSlugs.map((v) => `${v}.`);
  // The byte forms, built when a byte writer first asks (a run that only makes row objects never does).
  let b: {
    femaleLead: ByteStrings;
    maleLead: ByteStrings;
    family: ByteStrings;
    femaleSlugDot: ByteStrings;
    maleSlugDot: ByteStrings;
    familySlug: ByteStrings;
  } | null = null;
  const bytes = () =>
    (b ??= {
      femaleLead: new ByteStrings(femaleLead),
      maleLead: new ByteStrings(maleLead),
      family: new ByteStrings(pools.lastNames.values),
      femaleSlugDot: new ByteStrings(femaleSlugDot),
      maleSlugDot: new ByteStrings(maleSlugDot),
      familySlug: new ByteStrings(pools.lastNameSlugs),
    });
  return {
    draw(rng, gender, out) {
      const f = gender === 'F';
      out.female = f;
      out.given = (f ? female : male).index(rng);
      out.family = pools.lastNames.index(rng);
      return out;
    },
    parts(ix, out) {
      const g = ix.given;
      const f = ix.family;
      const fem = ix.female;
      out.given = (fem ? female : male).values[g]!;
      out.givenSlug = (fem ? pools.femaleFirstNameSlugs : pools.maleFirstNameSlugs)[g]!;
      out.givenSlugDot = (fem ? femaleSlugDot : maleSlugDot)[g]!;
      out.family = pools.lastNames.values[f]!;
      out.familySlug = pools.lastNameSlugs[f]!;
      out.full = first ? out.family + out.given : (fem ? femaleLead : maleLead)[g]! + out.family;
      return out;
    },
    writeFull(v, off, ix) {
      const t = b ?? bytes();
      const lead = ix.female ? t.femaleLead : t.maleLead;
      if (first) return lead.put(v, t.family.put(v, off, ix.family), ix.given);
      return t.family.put(v, lead.put(v, off, ix.given), ix.family);
    },
    writeSlugs(v, off, ix) {
      const t = b ?? bytes();
      return t.familySlug.put(v, (ix.female ? t.femaleSlugDot : t.maleSlugDot).put(v, off, ix.given), ix.family);
    },
    get maxFullBytes() {
      const t = bytes();
      return Math.max(t.femaleLead.maxBytes, t.maleLead.maxBytes) + t.family.maxBytes;
    },
    get maxSlugBytes() {
      const t = bytes();
      return Math.max(t.femaleSlugDot.maxBytes, t.maleSlugDot.maxBytes) + t.familySlug.maxBytes;
    },
  };
}

/** Draws a name by gender ('F' or 'M') into `out`. */
export type NameDrawer = (rng: Rng, gender: string, out: NameParts) => NameParts;

/** A drawer of names as strings (see names). */
export function nameDrawer(pools: Pools): NameDrawer {
  const n = names(pools);
  const ix = newNameIndex();
  return (rng, gender, out) => n.parts(n.draw(rng, gender, ix), out);
}

const MOBILE_PREFIX = Array.from({ length: 70 }, (_, i) => String(130 + i));
/** `xxx-` groups of a NANP-style number (area code and exchange share the range 200..999). */
const GROUP_DASH = Array.from({ length: 800 }, (_, i) => `${200 + i}-`);

/** A phone number's drawn parts: [prefix, group, group] (China) or [area, exchange, line] (NANP). */
export type PhoneParts = Int32Array;

export function newPhoneParts(): PhoneParts {
  return new Int32Array(3);
}

/** Draws a phone number's parts in the locale's format (mobile 1xx-xxxx-xxxx in China, NANP-style xxx-xxx-xxxx otherwise). */
export function drawPhone(rng: Rng, zh: boolean, out: PhoneParts): PhoneParts {
  if (zh) {
    out[0] = rng.below(70);
    out[1] = rng.below(10_000);
    out[2] = rng.below(10_000);
  } else {
    out[0] = rng.below(800);
    out[1] = rng.below(800);
    out[2] = rng.below(10_000);
  }
  return out;
}

/** The text of drawn phone parts. */
export function phoneString(p: PhoneParts, zh: boolean): string {
  if (zh) return MOBILE_PREFIX[p[0]!]! + fourDigits(p[1]!) + fourDigits(p[2]!);
  return GROUP_DASH[p[0]!]! + GROUP_DASH[p[1]!]! + fourDigits(p[2]!);
}

let phoneBytes: { mobile: ByteStrings; groupDash: ByteStrings; four: ByteStrings } | null = null;

/** Writes the text of drawn phone parts (ASCII) through `v` (see ByteStrings); returns the offset after it. */
export function writePhone(v: DataView, off: number, p: PhoneParts, zh: boolean): number {
  const t = (phoneBytes ??= {
    mobile: new ByteStrings(MOBILE_PREFIX),
    groupDash: new ByteStrings(GROUP_DASH),
    four: new ByteStrings(Array.from({ length: 10_000 }, (_, i) => fourDigits(i))),
  });
  if (zh) return t.four.put(v, t.four.put(v, t.mobile.put(v, off, p[0]!), p[1]!), p[2]!);
  return t.four.put(v, t.groupDash.put(v, t.groupDash.put(v, off, p[0]!), p[1]!), p[2]!);
}

/** Longest phone text, in bytes. */
export const PHONE_MAX_BYTES = 13;

const PHONE_SCRATCH = newPhoneParts();

/** A phone number in the locale's format. */
export function phoneNumber(rng: Rng, pools: Pools): string {
  const zh = pools.locale === 'zh_CN';
  return phoneString(drawPhone(rng, zh, PHONE_SCRATCH), zh);
}

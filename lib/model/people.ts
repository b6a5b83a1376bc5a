import type { Pools } from '../pools/pools.js';
import type { Rng } from '../random/rng.js';
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

/** Strings derived once per pools from the name lists, so a drawn name costs one concatenation. */
interface NameTables {
  /** Given names as they start a full name: `Given ` (with its space) in English, the bare name where the family name comes first. */
  femaleLead: string[];
  maleLead: string[];
  femaleSlugDot: string[];
  maleSlugDot: string[];
}

const nameTables = new WeakMap<Pools, NameTables>();

function tablesOf(pools: Pools): NameTables {
  let t = nameTables.get(pools);
  if (!t) {
    const lead = (v: string) => (pools.familyNameFirst ? v : `${v} `);
    t = {
      femaleLead: pools.femaleFirstNames.values.map(lead),
      maleLead: pools.maleFirstNames.values.map(lead),
      femaleSlugDot: pools.femaleFirstNameSlugs.map((v) => `${v}.`),
      maleSlugDot: pools.maleFirstNameSlugs.map((v) => `${v}.`),
    };
    nameTables.set(pools, t);
  }
  return t;
}

/** Draws a name by gender ('F' or 'M'): Zipf-weighted given and family names, in the locale's order. */
export function drawName(rng: Rng, pools: Pools, gender: string, out: NameParts): NameParts {
  const female = gender === 'F';
  const t = tablesOf(pools);
  const g = (female ? pools.femaleFirstNames : pools.maleFirstNames).index(rng);
  const f = pools.lastNames.index(rng);
  out.given = (female ? pools.femaleFirstNames : pools.maleFirstNames).values[g]!;
  out.givenSlug = (female ? pools.femaleFirstNameSlugs : pools.maleFirstNameSlugs)[g]!;
  out.givenSlugDot = (female ? t.femaleSlugDot : t.maleSlugDot)[g]!;
  out.family = pools.lastNames.values[f]!;
  out.familySlug = pools.lastNameSlugs[f]!;
  out.full = pools.familyNameFirst ? out.family + out.given : (female ? t.femaleLead : t.maleLead)[g]! + out.family;
  return out;
}

const MOBILE_PREFIX = Array.from({ length: 70 }, (_, i) => String(130 + i));
/** `xxx-` groups of a NANP-style number (area code and exchange share the range 200..999). */
const GROUP_DASH = Array.from({ length: 800 }, (_, i) => `${200 + i}-`);

/** A phone number in the locale's format (mobile 1xx-xxxx-xxxx in China, NANP-style xxx-xxx-xxxx otherwise). */
export function phoneNumber(rng: Rng, pools: Pools): string {
  if (pools.locale === 'zh_CN') {
    return MOBILE_PREFIX[rng.below(70)]! + fourDigits(rng.below(10_000)) + fourDigits(rng.below(10_000));
  }
  const area = GROUP_DASH[rng.below(800)]!;
  return area + GROUP_DASH[rng.below(800)]! + fourDigits(rng.below(10_000));
}

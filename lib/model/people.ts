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

/** Draws a name by gender ('F' or 'M') into `out`. */
export type NameDrawer = (rng: Rng, gender: string, out: NameParts) => NameParts;

/**
 * A drawer of Zipf-weighted given and family names, in the locale's order.
 * Built once per table: the strings derived from the name lists (`Given `
 * with its space, `slug.`) are made here, so a drawn name costs one
 * concatenation.
 */
export function nameDrawer(pools: Pools): NameDrawer {
  const lead = (v: string) => (pools.familyNameFirst ? v : `${v} `);
  const femaleLead = pools.femaleFirstNames.values.map(lead);
  const maleLead = pools.maleFirstNames.values.map(lead);
  const femaleSlugDot = pools.femaleFirstNameSlugs.map((v) => `${v}.`);
  const maleSlugDot = pools.maleFirstNameSlugs.map((v) => `${v}.`);
  return (rng, gender, out) => {
    const female = gender === 'F';
    const g = (female ? pools.femaleFirstNames : pools.maleFirstNames).index(rng);
    const f = pools.lastNames.index(rng);
    out.given = (female ? pools.femaleFirstNames : pools.maleFirstNames).values[g]!;
    out.givenSlug = (female ? pools.femaleFirstNameSlugs : pools.maleFirstNameSlugs)[g]!;
    out.givenSlugDot = (female ? femaleSlugDot : maleSlugDot)[g]!;
    out.family = pools.lastNames.values[f]!;
    out.familySlug = pools.lastNameSlugs[f]!;
    out.full = pools.familyNameFirst ? out.family + out.given : (female ? femaleLead : maleLead)[g]! + out.family;
    return out;
  };
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

import type { Pools } from '../pools/pools.js';
import type { Rng } from '../random/rng.js';
import { fourDigits } from './digits.js';

/** The two parts of a drawn name; one instance is reused per generator. */
export interface NameParts {
  given: string;
  family: string;
  full: string;
  /** ASCII slugs of the given and family names, for e-mail addresses. */
  givenSlug: string;
  familySlug: string;
}

export function newNameParts(): NameParts {
  return { given: '', family: '', full: '', givenSlug: '', familySlug: '' };
}

/** Draws a name by gender ('F' or 'M'): Zipf-weighted given and family names, in the locale's order. */
export function drawName(rng: Rng, pools: Pools, gender: string, out: NameParts): NameParts {
  const female = gender === 'F';
  const g = (female ? pools.femaleFirstNames : pools.maleFirstNames).index(rng);
  const f = pools.lastNames.index(rng);
  out.given = (female ? pools.femaleFirstNames : pools.maleFirstNames).values[g]!;
  out.givenSlug = (female ? pools.femaleFirstNameSlugs : pools.maleFirstNameSlugs)[g]!;
  out.family = pools.lastNames.values[f]!;
  out.familySlug = pools.lastNameSlugs[f]!;
  out.full = pools.familyNameFirst ? out.family + out.given : `${out.given} ${out.family}`;
  return out;
}


const MOBILE_PREFIX = Array.from({ length: 70 }, (_, i) => String(130 + i));
const AREA = Array.from({ length: 800 }, (_, i) => String(200 + i));
const EXCHANGE = AREA;

/** A phone number in the locale's format (mobile 1xx-xxxx-xxxx in China, NANP-style xxx-xxx-xxxx otherwise). */
export function phoneNumber(rng: Rng, pools: Pools): string {
  if (pools.locale === 'zh_CN') {
    return MOBILE_PREFIX[rng.below(70)]! + fourDigits(rng.below(10_000)) + fourDigits(rng.below(10_000));
  }
  return AREA[rng.below(800)]! + '-' + EXCHANGE[rng.below(800)]! + '-' + fourDigits(rng.below(10_000));
}

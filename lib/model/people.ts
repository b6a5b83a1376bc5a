import type { Pools } from '../pools/pools.js';
import type { Rng } from '../random/rng.js';

/** The two parts of a drawn name; one instance is reused per generator. */
export interface NameParts {
  given: string;
  family: string;
  full: string;
}

export function newNameParts(): NameParts {
  return { given: '', family: '', full: '' };
}

/** Draws a name by gender ('F' or 'M'): Zipf-weighted given and family names, in the locale's order. */
export function drawName(rng: Rng, pools: Pools, gender: string, out: NameParts): NameParts {
  out.given = (gender === 'F' ? pools.femaleFirstNames : pools.maleFirstNames).pick(rng);
  out.family = pools.lastNames.pick(rng);
  out.full = pools.familyNameFirst ? out.family + out.given : `${out.given} ${out.family}`;
  return out;
}

/** The lower-case ASCII letters of a name, for e-mail local parts (`O'Brien` -> `obrien`). */
export function asciiSlug(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 97 && c <= 122) out += name[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
  }
  return out;
}

/** A phone number in the locale's format. */
export function phoneNumber(rng: Rng, pools: Pools): string {
  if (pools.locale === 'zh_CN') {
    const prefix = 130 + rng.below(70);
    return `${prefix}${String(rng.below(100_000_000)).padStart(8, '0')}`;
  }
  return `${200 + rng.below(800)}-${200 + rng.below(800)}-${String(rng.below(10_000)).padStart(4, '0')}`;
}

import type { Rng } from '../../lib/index.js';
import type { Row, TableSpec } from '../../lib/model/schema.js';

/** A hand-made table with the strings that break naive quoting. */
export const hostileSpec: TableSpec = {
  name: 'people',
  columns: [
    { name: 'id', type: 'int', min: 1 },
    { name: 'name', type: 'string' },
    { name: 'note', type: 'string', nullable: true },
    { name: 'score', type: 'float', nullable: true, min: 0, max: 100 },
    { name: 'active', type: 'bool' },
    { name: 'born', type: 'date' },
  ],
};

export const HOSTILE = [
  "O'Brien",
  'back\\slash \\n not a newline',
  'emoji 🎓📚 and 𝄞',
  'line one\nline two',
  'crlf\r\nend',
  '王小明',
  'comma, "quoted" and \'single\'',
  '',
  ' leading and trailing ',
  "''",
  '\\',
  'tab\there',
  '"',
  '-- not a comment',
  'a;b);DROP TABLE people;--',
];

export const hostileRows: Row[] = HOSTILE.map((s, i) => ({
  id: i + 1,
  name: s,
  note: i % 3 === 0 ? null : Array.from(s).reverse().join(''),
  score: i % 4 === 0 ? null : i * 7.25,
  active: i % 2 === 0,
  born: `200${i % 10}-0${(i % 9) + 1}-1${i % 10}`,
}));

/** A random string of 0-11 UTF-16 units, half ASCII, half anywhere in 0..0xFFFF (lone surrogates included). */
export function randomUtf16(rng: Rng): string {
  const len = rng.below(12);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(rng.chance(0.5) ? rng.below(128) : rng.below(65536));
  return s;
}

// A small seeded random source: the same seed and case number give the same case on any machine,
// so a failing case is reproduced with HOSTILE_SEED and its number.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32 over a 32-bit state. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** The random source of one case: independent of every other case's. */
export function caseRng(seed: number, index: number): Rng {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return rng((h ^ (h >>> 16)) >>> 0);
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz0123456789',
  '住民記録システム介護保険課長荒川区情報資産',
  '\'";--/**/\\`$%{}[]<>|&',
  '\u0000\u0001\u0007\u001b\u007f\u2028\u2029\ufeff\ufffd',
  '🙂👨‍👩‍👧𝕏\u0301\u200b\u200d',
];

/** A string of hostile characters: control characters, quotes, SQL and template syntax, emoji, Japanese. */
export function hostileString(r: Rng, maxLength = 40): string {
  const length = r.int(0, maxLength);
  let s = '';
  for (let i = 0; i < length; i++) {
    const alphabet = [...r.pick(ALPHABETS)];
    s += alphabet[r.int(0, alphabet.length - 1)];
  }
  return s;
}

export const INJECTIONS = [
  "' or 1=1 --",
  "'; drop table system; --",
  '"); select pg_sleep(1); --',
  '../../../../etc/passwd',
  '${process.env}',
  '{{constructor.constructor("return process")()}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '%00',
  '\u0000',
  'null',
  'undefined',
  'NaN',
];

/** One megabyte (and a little) of text. */
export const megabyte = (r: Rng): string => r.pick(['x', '検', '🙂', "'", '\\']).repeat(r.pick([1_048_577, 1_100_000 / 2, 400_000]));

/** A random version-4 UUID: almost surely nobody's id. */
export function uuid(r: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** Ids that are not ids of anything: malformed, empty, injections, huge. */
export function badId(r: Rng): string {
  return r.pick([
    () => uuid(r),
    () => '',
    () => 'x',
    () => '00000000-0000-0000-0000-000000000000',
    () => uuid(r).toUpperCase(),
    () => uuid(r).slice(0, 35),
    () => `${uuid(r)} `,
    () => r.pick(INJECTIONS),
    () => hostileString(r, 60),
    () => 'a'.repeat(r.int(37, 5000)),
    () => String(r.int(-2_147_483_648, 2_147_483_647)),
  ])();
}

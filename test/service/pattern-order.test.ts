// The bundles' corgi orders a decode's patterns with patternOrder instead of localeCompare
// (main/vehicles/pattern-order.ts): the two must agree on every key vPIC has, or a decode would change.
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { patternOrder } from '../../main/vehicles/pattern-order';
import { VpicDecoder } from '../../main/vehicles/vpic';
import { SHARED_VPIC } from '../support/tempdb';

const english = new Intl.Collator('en');
const sign = (n: number) => Math.sign(n);

test("every vPIC pattern key sorts as localeCompare sorts it in English, and each comparison gives localeCompare's sign", async () => {
  const vpic = new VpicDecoder(SHARED_VPIC, null, null, undefined, 'inline');
  try {
    expect(await vpic.start()).toBe(true);
  } finally {
    await vpic.close();
  }
  const db = new BetterSqlite3(SHARED_VPIC, { readonly: true });
  let keys: string[];
  try {
    keys = db.prepare<[], string>('SELECT DISTINCT Keys FROM Pattern').pluck().all();
  } finally {
    db.close();
  }
  expect(keys.length).toBeGreaterThan(50_000);
  // Shuffled the same way each run, so neither sort starts from an order the other made.
  let seed = 17;
  const shuffled = keys
    .map((k) => [k, (seed = (seed * 48271) % 2147483647)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([k]) => k);
  expect([...shuffled].sort(patternOrder)).toEqual([...shuffled].sort(english.compare));
  // Neighbours and random pairs: the very sign, not only a sort that happens to agree.
  for (let i = 1; i < shuffled.length; i++) {
    const [a, b] = [shuffled[i - 1]!, shuffled[i]!];
    expect(patternOrder(a, b)).toBe(sign(english.compare(a, b)));
  }
});

test('keys that start one another, equal keys, and every pair of the characters vPIC uses', () => {
  const chars = '_-[]*#|0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  for (const a of chars) for (const b of chars) expect(patternOrder(a, b)).toBe(sign(english.compare(a, b)));
  for (const [a, b] of [
    ['AB', 'AB*'],
    ['AB*', 'AB'],
    ['[A-C]', '[A-C]1'],
    ['', 'A'],
    ['A', ''],
    ['ZZ', 'ZZ'],
  ] as const)
    expect(patternOrder(a, b)).toBe(sign(english.compare(a, b)));
});

test('a key with any other character is compared by localeCompare itself', () => {
  for (const [a, b] of [
    ['ab', 'AB'],
    ['A B', 'AB'],
    ['Ä', 'B'],
    ['A.', 'A,'],
    ['a1', 'A1'],
    // past the first difference too
    ['A1a', 'A2'],
    ['AB', 'AC\u00e9'],
    ['AB\u0301', 'AB'],
  ] as const)
    expect(patternOrder(a, b)).toBe(sign(english.compare(a, b)));
});

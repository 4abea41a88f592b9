// packCleanUnits (main/imports/vin-pack.ts) checks a list's VIN cell and packs it in one read of the
// text's code units: it must answer exactly as cleanVinAt (shared/vin.ts) does on the text, character
// by character and position by position, and pack exactly as packVin does.
import { expect, test } from 'vitest';
import { CodeUnits } from '../../main/files/code-units';
import { cleanTable, packCleanUnits, packVin, WORDS } from '../../main/imports/vin-pack';
import { cleanVinAt } from '../../shared/vin';
import { makeVin, rng } from '../support/synthetic';

function both(text: string, at: number) {
  const words = new Uint16Array(WORDS);
  // The text's units as the list reads them, in a window of their own size (none past the text's end).
  const window = new CodeUnits(Math.max(1, text.length));
  const clean = packCleanUnits(window.load(text, 0), at, words, 0, cleanTable());
  const packed = new Uint16Array(WORDS);
  if (clean >= 0) packVin(text, at, packed, 0);
  return { clean, words: clean >= 0 ? [...words] : null, packed: clean >= 0 ? [...packed] : null };
}

test('every character at every position: the answer cleanVinAt gives, packed as packVin packs', () => {
  const chars = [...Array.from({ length: 300 }, (_, c) => String.fromCharCode(c)), 'É', 'Ａ', '١', '\u2028', '\uffff'];
  let accepted = 0;
  for (const base of ['JTHBE96S170007930', '1HGCM82633A004352', 'WBA3A5C51CF256651', '5YJ3E1EA7KF317000']) {
    for (let p = 0; p < 17; p++) {
      for (const ch of chars) {
        const v = base.slice(0, p) + ch + base.slice(p + 1);
        for (const [text, at] of [
          [v, 0],
          [`Guest,${v},1`, 6],
        ] as const) {
          const got = both(text, at);
          expect(got.clean, JSON.stringify(text)).toBe(cleanVinAt(text, at));
          expect(got.words).toEqual(got.packed);
          if (got.clean >= 0) accepted++;
        }
      }
    }
  }
  expect(accepted).toBeGreaterThan(4 * 17 * 10);
});

test('valid and mistyped VINs: the check digit read as cleanVinAt reads it', () => {
  const r = rng(3);
  const vds = ['BE96S', 'CE96S', 'GL46F', 'DU46F', 'BE262'];
  let mismatches = 0;
  for (let i = 0; i < 5000; i++) {
    const v = makeVin('JTH', vds[i % vds.length]!, 1990 + (i % 40), String(Math.floor(r() * 1e7)).padStart(7, '0'));
    // Every check digit, the right one among them (X included).
    const typed = `${v.slice(0, 8)}${'0123456789X'[i % 11]}${v.slice(9)}`;
    const got = both(typed, 0);
    expect(got.clean).toBe(cleanVinAt(typed, 0));
    expect(got.words).toEqual(got.packed);
    if (got.clean === 1) mismatches++;
  }
  expect(mismatches).toBeGreaterThan(0);
  expect(mismatches).toBeLessThan(5000);
});

test('a cell cut short by the end of the text is not a VIN', () => {
  for (const [text, at] of [
    ['JTHBE96S170007930', 1],
    ['xJTHBE96S17000793', 1],
    ['JTHBE96S170007930', -1],
    ['', 0],
  ] as const) {
    expect(both(text, at).clean).toBe(-1);
    expect(cleanVinAt(text, at)).toBe(-1);
  }
});

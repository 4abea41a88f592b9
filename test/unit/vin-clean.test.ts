// cleanVinAt (shared/vin.ts) reads a VIN cell where it stands in a line, without a string: it must
// accept exactly what quickVin's pattern accepts, position by position, and say whether the check
// digit holds exactly as computeCheckDigit does.
import { expect, test } from 'vitest';
import { cleanVinAt, computeCheckDigit, quickVin } from '../../shared/vin';

/** The rule as written in the regulation's terms (49 CFR 565.15): the oracle. */
const RULE = /^[A-HJ-NPR-Z0-9]{9}[A-HJ-NPR-TV-Y1-9][A-HJ-NPR-Z0-9]{3}[0-9]{4}$/;

test('every character at every position: accepted as the rule says, the check digit as computeCheckDigit says', () => {
  const base = 'JTHBE96S170007930';
  const chars = [...Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)), 'É', 'Ａ', '١', '\u2028'];
  let accepted = 0;
  for (let p = 0; p < 17; p++) {
    for (const ch of chars) {
      const v = base.slice(0, p) + ch + base.slice(p + 1);
      const expected = RULE.test(v) ? (computeCheckDigit(v) === v[8] ? 0 : 1) : -1;
      // Alone, and inside a line as a list has it.
      expect(cleanVinAt(v, 0), `${JSON.stringify(v)}`).toBe(expected);
      expect(cleanVinAt(`Guest,${v},1`, 6)).toBe(expected);
      expect(quickVin(v)).toEqual(expected < 0 ? null : { vin: v, checkDigitValid: expected === 0 });
      if (expected >= 0) accepted++;
    }
  }
  expect(accepted).toBeGreaterThan(17 * 10);
});

test('a cell cut short by the end of the text is not a VIN', () => {
  expect(cleanVinAt('JTHBE96S170007930', 1)).toBe(-1);
  expect(cleanVinAt('xJTHBE96S17000793', 1)).toBe(-1);
  expect(cleanVinAt('JTHBE96S170007930', -1)).toBe(-1);
});

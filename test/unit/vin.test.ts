import { describe, expect, test } from 'vitest';
import { analyzeVin, computeCheckDigit, modelYearOf, normalizeVin, quickVin, regionOf, yearCodeOf } from '../../shared/vin';

describe('check digit (49 CFR 565.15)', () => {
  test.each(['11111111111111111', '1M8GDM9AXKP042788', '1HGCM82633A004352', 'JTHBE96S170007930'])('%s is valid', (vin) => {
    const a = analyzeVin(vin);
    expect(a.ok).toBe(true);
    if (a.ok) {
      expect(a.checkDigitValid).toBe(true);
      expect(a.warnings).toEqual([]);
    }
    expect(computeCheckDigit(vin)).toBe(vin[8]);
  });

  test('X stands for a remainder of 10', () => {
    expect(computeCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  test('a wrong check digit is a loud warning naming the expected digit, and the VIN is still usable', () => {
    const a = analyzeVin('JTHBE96S570007930');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.checkDigitValid).toBe(false);
    expect(a.expectedCheckDigit).toBe('1');
    expect(a.warnings[0]).toMatch(/position 9 is "5".*calls for "1"/);
  });
});

describe('normalisation', () => {
  test('trims, upper-cases, drops spaces and dashes', () => {
    expect(normalizeVin('  jthbe96s1-7000 7930 ')).toBe('JTHBE96S170007930');
  });
  test("drops the scanner's leading I on an 18-character read", () => {
    expect(normalizeVin('IJTHBE96S170007930')).toBe('JTHBE96S170007930');
    const a = analyzeVin('IJTHBE96S170007930\n');
    expect(a.ok && a.vin).toBe('JTHBE96S170007930');
  });
  test('does not drop a leading I from a 17-character string (that is an error, not a scan)', () => {
    const a = analyzeVin('ITHBE96S170007930');
    expect(a.ok).toBe(false);
  });
});

describe('errors say which character and position', () => {
  test.each([
    ['JTHBE96S17OOO7930', 12, '0'],
    ['JTHBE96S17000793Q', 17, '0'],
    ['JTHBE96SI70007930', 9, '1'],
  ])('%s: position %i, suggests %s', (vin, pos, hint) => {
    const a = analyzeVin(vin);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    const e = a.errors.find((x) => x.position === pos)!;
    expect(e.message).toContain(`Position ${pos}`);
    expect(e.message).toContain(`did you mean "${hint}"`);
  });
  test('too short and too long say by how much', () => {
    const short = analyzeVin('JTHBE96S17000793');
    expect(!short.ok && short.errors[0]!.message).toMatch(/this has 16 \(1 missing\)/);
    const long = analyzeVin('JTHBE96S1700079300');
    expect(!long.ok && long.errors[0]!.message).toMatch(/this has 18 \(1 too many\)/);
  });
  test('punctuation is named', () => {
    const a = analyzeVin('JTHBE96S17000793*');
    expect(!a.ok && a.errors[0]!.message).toBe('Position 17: "*" is not a letter or digit.');
  });
  test('position 10 never U, Z or 0', () => {
    for (const c of ['U', 'Z', '0']) {
      const a = analyzeVin(`JTHBE96S1${c}0007930`);
      expect(a.ok).toBe(false);
      if (!a.ok) expect(a.errors.some((e) => e.position === 10 && e.message.includes('model year'))).toBe(true);
    }
  });
  test('empty input asks for a VIN', () => {
    const a = analyzeVin('   ');
    expect(!a.ok && a.errors[0]!.message).toMatch(/Enter or scan a VIN/);
  });
});

describe('model year, both 30-year cycles', () => {
  const vinWith = (p7: string, p10: string) => `JTHBE9${p7}S1${p10}0007930`;
  test.each([
    ['6', 'A', 1980],
    ['6', 'Y', 2000],
    ['6', '1', 2001],
    ['6', '7', 2007],
    ['6', '9', 2009],
    ['A', 'A', 2010],
    ['A', 'P', 2023],
    ['A', 'R', 2024],
    ['A', 'Y', 2030],
    ['A', '1', 2031],
    ['A', '9', 2039],
  ])('position 7 %s, position 10 %s → %i (read in 2038)', (p7, p10, year) => {
    expect(modelYearOf(vinWith(p7, p10), 2038)).toBe(year);
  });
  test('yearCodeOf is the inverse within each cycle', () => {
    for (let y = 1980; y <= 2039; y++) {
      const code = yearCodeOf(y)!;
      const p7 = y >= 2010 ? 'A' : '6';
      expect(modelYearOf(vinWith(p7, code), 2039)).toBe(y);
    }
  });
  // Position 7 names the cycle only for vehicles made under the 2008 rule (model year 2010 on): a
  // 2005 VIN may carry a letter there. A model year can be at most one year after the current one.
  test('the year code never resolves to more than one year after today', () => {
    expect(modelYearOf('JTHBE9AS050001234', 2026)).toBe(2005);
    const a = analyzeVin('JTHBE9AS050001234', 2026);
    expect(a.ok && a.modelYear).toBe(2005);
    expect(modelYearOf('JTHBE9AS050001234', 2034)).toBe(2035);
    expect(modelYearOf('JTHBE9AS070001234', 2026)).toBe(2007);
    expect(modelYearOf('JTHBE9AS0T0001234', 2026)).toBe(2026);
    expect(modelYearOf('JTHBE9AS0V0001234', 2026)).toBe(2027);
    expect(modelYearOf('JTHBE9AS0W0001234', 2026)).toBe(1998);
    for (let today = 2009; today <= 2038; today++) {
      for (const code of 'ABCDEFGHJKLMNPRSTVWXY123456789') {
        expect(modelYearOf(`JTHBE9AS0${code}0001234`, today)!).toBeLessThanOrEqual(today + 1);
      }
    }
  });
});

/** A VIN with the check digit its other positions call for. */
const checked = (v: string) => v.slice(0, 8) + computeCheckDigit(v) + v.slice(9);

// 49 CFR 565.15(d): "The last five (5) characters of this section shall be numeric for passenger cars
// and for multipurpose passenger vehicles and trucks with a gross vehicle weight rating of 4536 kg
// (10,000 lbs.) or less, and the last four (4) characters shall be numeric for all other vehicles."
// (d)(3): a high-volume manufacturer numbers vehicles in positions 12-17; a low-volume one (fewer than
// 1,000 a year, a "9" in position 3) identifies itself with positions 12-14 and numbers in 15-17.
describe('positions 13-17 (49 CFR 565.15(d))', () => {
  test.each([14, 15, 16, 17])('a letter at position %i makes the VIN invalid, saying why', (pos) => {
    const base = 'JTHBE96S170007930';
    const vin = checked(`${base.slice(0, pos - 1)}A${base.slice(pos)}`);
    expect(vin).toHaveLength(17);
    const a = analyzeVin(vin);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    const e = a.errors.find((x) => x.position === pos)!;
    expect(e.message).toMatch(new RegExp(`^Position ${pos}: "A" is a letter; positions 14-17 of every VIN are digits`));
    expect(e.message).toContain('49 CFR 565.15');
    expect(quickVin(vin)).toBeNull();
  });
  test('a low-volume manufacturer (a 9 in position 3) still has digits at 14-17', () => {
    const a = analyzeVin(checked('1Z9AB12C0LAB4C234'));
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.errors.map((e) => e.position)).toEqual([14]);
  });
  test('a letter at position 13 is allowed only for heavy trucks, buses, trailers and motorcycles: a warning', () => {
    const a = analyzeVin(checked('JTHBE96S1700A7930'));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.checkDigitValid).toBe(true);
    expect(a.warnings).toEqual([expect.stringMatching(/^Position 13 is a letter \("A"\): .*positions 13-17 are digits.*49 CFR 565\.15/)]);
  });
});

describe('VIN parts', () => {
  test('WMI, VDS, plant, sequence and the 7-character serial', () => {
    const a = analyzeVin('JTHBE96S170007930');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.parts).toEqual({
      wmi: 'JTH',
      vds: 'BE96S',
      checkDigit: '1',
      yearCode: '7',
      plant: '0',
      manufacturerId: 'JTH',
      sequence: '007930',
      serial: '0007930',
    });
    expect(a.modelYear).toBe(2007);
  });
  test('a low-volume manufacturer: positions 1-3 and 12-14 identify it, 15-17 are the sequential number', () => {
    const a = analyzeVin(checked('1Z9AB12C0LAB51234'));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect([a.parts.manufacturerId, a.parts.sequence, a.parts.serial]).toEqual(['1Z9B51', '234', 'AB51234']);
  });
  test('region from the first character', () => {
    expect(regionOf('JTH')).toBe('Japan');
    expect(regionOf('2T2')).toBe('North America');
    expect(regionOf('58A')).toBe('North America');
    expect(regionOf('WBA')).toBe('Europe');
    expect(regionOf('KMH')).toBe('Asia');
  });
});

describe('quickVin agrees with the full analysis', () => {
  test('on valid VINs, wrong check digits, and anything it hands back to the full analysis', async () => {
    const cases = [
      '11111111111111111',
      '1M8GDM9AXKP042788',
      'JTHBE96S170007930',
      'JTHBE96S570007930',
      ' JTHBE96S170007930 ',
      'jthbe96s170007930',
      'IJTHBE96S170007930',
      'JTHBE96S1U0007930',
      'JTHBE96S17OOO7930',
      'JTH',
    ];
    for (const raw of cases) {
      const q = quickVin(raw);
      const a = analyzeVin(raw);
      if (q) {
        expect(a.ok, raw).toBe(true);
        expect(q).toEqual({ vin: a.ok && a.vin, checkDigitValid: a.ok && a.checkDigitValid });
      }
    }
    expect(quickVin('JTHBE96S170007930')).toEqual({ vin: 'JTHBE96S170007930', checkDigitValid: true });
    expect(quickVin('JTHBE96S570007930')).toEqual({ vin: 'JTHBE96S570007930', checkDigitValid: false });
    expect(quickVin('jthbe96s170007930')).toBeNull();
    expect(quickVin('JTHBE96S1Z0007930')).toBeNull();
  });
});

// Pure rules no test held before (issue 16): the make a campaign is for, and spreadsheet-safe CSV cells.
import { describe, expect, test } from 'vitest';
import { keyedEvidence, makeFit } from '../../main/lookup/make';
import { csvField } from '../../shared/csv-out';

describe('the make a campaign is for', () => {
  const lexus = new Set(['JTH', 'JTJ']);
  test("vPIC knows the WMI's make but cannot decode the VIN: another make is dropped", () => {
    expect(makeFit('LEXUS', lexus, '1HG', { decodedMake: null, wmiMakes: ['HONDA'] })).toBe('no');
    expect(makeFit('LEXUS', lexus, '2T2', { decodedMake: null, wmiMakes: ['TOYOTA', 'LEXUS'] })).toBe('yes');
  });
  test("the bulletin's own WMIs win; a decoded make decides; nothing known stays unknown", () => {
    expect(makeFit('LEXUS', lexus, 'JTH', { decodedMake: 'TOYOTA', wmiMakes: ['TOYOTA'] })).toBe('yes');
    expect(makeFit('LEXUS', lexus, '2T2', { decodedMake: 'TOYOTA', wmiMakes: ['LEXUS'] })).toBe('no');
    expect(makeFit('LEXUS', lexus, '2T2', { decodedMake: 'LEXUS', wmiMakes: null })).toBe('yes');
    expect(makeFit('LEXUS', lexus, '9ZZ', { decodedMake: null, wmiMakes: [] })).toBe('unknown');
    expect(makeFit('LEXUS', lexus, '9ZZ', { decodedMake: null, wmiMakes: null })).toBe('unknown');
    expect(makeFit(null, null, '1HG', { decodedMake: 'HONDA', wmiMakes: ['HONDA'] })).toBe('unknown');
  });
  test('a bulletin without its own WMI list: the decoded make, else the makes vPIC registers for the WMI, decide', () => {
    expect(makeFit('LEXUS', null, 'JTH', { decodedMake: 'LEXUS', wmiMakes: null })).toBe('yes');
    expect(makeFit('LEXUS', null, '1HG', { decodedMake: null, wmiMakes: ['HONDA'] })).toBe('no');
  });
  test('makes are one whatever their case and spaces, as vPIC and the bulletins spell them', () => {
    const ev = keyedEvidence({ decodedMake: ' Lexus ', wmiMakes: ['toyota', ' LEXUS'] });
    expect(ev).toEqual({ decodedMake: 'LEXUS', wmiMakes: ['TOYOTA', 'LEXUS'] });
    expect(makeFit('LEXUS', lexus, '2T2', ev)).toBe('yes');
    expect(keyedEvidence({ decodedMake: null, wmiMakes: null })).toEqual({ decodedMake: null, wmiMakes: null });
    expect(keyedEvidence({ decodedMake: '', wmiMakes: [] })).toEqual({ decodedMake: null, wmiMakes: [] });
  });
});

describe('CSV cells a spreadsheet would run', () => {
  test('a leading -, + or @ is neutralised like =', () => {
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('a-b')).toBe('a-b');
  });
});

// The VIN-range table parser (shared/, pure): ALE's table exactly as the extraction left it, cells
// carried down, shifted labels shown for the user to correct, and every bad line refused by number.
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { parseVinRangeTable, toVinRanges } from '../../shared/vin-range-table';
import { Bulletin } from '../../shared/bulletin';
import ALE from '../../main/campaigns/library/ALE.json' with { type: 'json' };

/**
 * The first table of the letter, from its heading to the last row, exactly as the extracted file has
 * it (kept as a fixture: the letters live beside the repository, in ../shared/bulletins/).
 */
const aleTable = (): string => fs.readFileSync(new URL('../fixtures/ALE-table-as-extracted.txt', import.meta.url), 'utf8');

test('the fixture is the table exactly as it stands in the letter, where the letter is at hand', () => {
  const letter = [new URL('../../../shared/bulletins/', import.meta.url), new URL('../../../../shared/bulletins/', import.meta.url)]
    .map((dir) => new URL('ALE-preliminary-2010-07-06.txt', dir))
    .find((f) => fs.existsSync(f));
  if (!letter) return;
  const text = fs.readFileSync(letter, 'utf8');
  const start = text.indexOf('Model\tWMI\tModel Year\tVDS\tSerial\n');
  expect(text.slice(start, text.indexOf('\n\nNOTE:', start))).toBe(aleTable());
});

test("ALE's table as pasted: 18 rows, blank cells carried down, the IS 350 rows read despite their lost columns", () => {
  const r = parseVinRangeTable(aleTable());
  expect(r.refused).toEqual([]);
  const rows = r.rows.map((x) => [x.model, x.wmi, x.modelYear, x.vds, x.serialFrom, x.serialTo]);
  expect(rows).toEqual([
    ['GS 350', 'JTH', 2007, 'BE96S', '0007930', '0028367'],
    ['GS 350', 'JTH', 2007, 'CE96S', '0001838', '0013164'],
    ['GS 350', 'JTH', 2008, 'BE96S', '0023566', '0041906'],
    ['GS 350', 'JTH', 2008, 'CE96S', '0013166', '0021058'],
    ['GS 450h', 'JTH', 2007, 'BC96S', '5000125', '5012266'],
    // The extraction's shifted label: BC96S 2008 is the GS 450h (DOMAIN.md); shown as printed, to correct.
    ['GS 460', 'JTH', 2008, 'BC96S', '5012274', '5016761'],
    ['GS 460', 'JTH', 2008, 'BL96S', '5000019', '5002853'],
    ['IS 350', 'JTH', 2006, 'BE262', '2000000', '2007084'],
    ['IS 350', 'JTH', 2006, 'BE262', '5000018', '5011869'],
    ['IS 350', 'JTH', 2007, 'BE262', '2006942', '2013016'],
    ['IS 350', 'JTH', 2007, 'BE262', '5011870', '5017246'],
    ['IS 350', 'JTH', 2008, 'BE262', '2011547', '2016223'],
    ['IS 350', 'JTH', 2008, 'BE262', '5017247', '5021503'],
    ['LS 460', 'JTH', 2007, 'BL46F', '5000193', '5051857'],
    ['LS 460', 'JTH', 2008, 'BL46F', '5051858', '5083639'],
    ['LS 460 L', 'JTH', 2007, 'GL46F', '5000151', '5020667'],
    ['LS 460 L', 'JTH', 2008, 'GL46F', '5020680', '5033001'],
    ['LS 600h L', 'JTH', 2008, 'DU46F', '5000202', '5009305'],
  ]);
  // Which cells were blank in the letter: the second row prints only its VDS and serials.
  expect(r.rows[1]!.carried).toEqual(['model', 'wmi', 'modelYear']);
  expect(r.rows[0]!.carried).toEqual([]);
  expect(r.rows[8]!.carried).toEqual(['model', 'wmi', 'modelYear', 'vds']);
  expect(r.rows[4]!.carried).toEqual(['wmi']);
  // Line numbers are the pasted text's own (the heading is line 1).
  expect(r.rows[0]!.line).toBe(2);
  expect(r.rows.at(-1)!.line).toBe(19);
  // The shift is pointed out, on the line where the user corrects it.
  expect(r.warnings).toEqual([
    { line: 7, message: 'VDS BC96S is labelled GS 450h on line 6 and GS 460 here: check the model labels against the letter (extraction often shifts them).' },
  ]);
});

test('corrected, the rows are the VIN ranges of the shipped ALE bulletin', () => {
  const rows = parseVinRangeTable(aleTable()).rows.map((x) => (x.vds === 'BC96S' ? { ...x, model: 'GS 450h' } : x));
  const ranges = toVinRanges(rows);
  expect(ranges.map((x) => [x.model, x.modelYear, x.vds, x.serialFrom, x.serialTo])).toEqual(
    ALE.vinRanges.map((x) => [x.model, x.modelYear, x.vds, x.serialFrom, x.serialTo]),
  );
  expect(Bulletin.safeParse({ ...ALE, vinRanges: ranges }).success).toBe(true);
});

test('the UIO column after the range is kept as printed', () => {
  const r = parseVinRangeTable(
    'Model\tWMI\tModel Year\tVDS\tSerial\tUIO\nGS 350\tJTH\t2007\tBE96S\t0007930 - 0028367\t25,100\nGS 450h\t\t2007\tBC96S\t5000125 - 5012266\t668\n',
  );
  expect(r.rows.map((x) => x.uio)).toEqual(['25,100', '668']);
  expect(r.refused).toEqual([]);
});

test('each bad line is refused with its line number and the reason; the good ones are read', () => {
  const text = [
    '\tJTH\t2007\tBE96S\t0007930 - 0028367', // 1: no model above
    'GS 350\tJTH\t2007\tBE96S\t0007930 - 0028367', // 2
    'GS 350\tJTH\t2007\tBE96S', // 3: no range
    '\t\t2007\tBE96S\t0028367 - 0007930', // 4: backwards
    '\t\t2007\t2008\tBE96S\t0000001 - 0000002', // 5: two years
    '\t\t2007\tBE96S\t00079 - 0028367', // 6: short serial
    '', // 7: blank
    '\t\t\tCE96S\t0001838-0013164', // 8: ok, no spaces around the dash
    'GS 350  JTH  2009  BE96S  0000001 - 0000009', // 9: runs of spaces as separators
  ].join('\n');
  const r = parseVinRangeTable(text);
  expect(r.refused).toEqual([
    { line: 1, text: 'JTH\t2007\tBE96S\t0007930 - 0028367', reason: 'no model on this line or any line above it' },
    { line: 3, text: 'GS 350\tJTH\t2007\tBE96S', reason: 'no serial range (7 characters - 7 characters, e.g. 0007930 - 0028367)' },
    { line: 4, text: '2007\tBE96S\t0028367 - 0007930', reason: 'the serial range runs backwards (0028367 is after 0007930)' },
    { line: 5, text: '2007\t2008\tBE96S\t0000001 - 0000002', reason: 'two model years on one line ("2007" and "2008")' },
    { line: 6, text: '2007\tBE96S\t00079 - 0028367', reason: '"00079 - 0028367" is not a model, WMI, model year, VDS, serial range or UIO' },
  ]);
  expect(r.rows.map((x) => [x.line, x.model, x.modelYear, x.vds, x.serialFrom])).toEqual([
    [2, 'GS 350', 2007, 'BE96S', '0007930'],
    [8, 'GS 350', 2007, 'CE96S', '0001838'],
    [9, 'GS 350', 2009, 'BE96S', '0000001'],
  ]);
});

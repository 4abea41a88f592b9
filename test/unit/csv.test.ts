import { describe, expect, test } from 'vitest';
import { detectDelimiter, parseCsv } from '../../main/imports/csv';
import { csvField, toCsv } from '../../shared/csv-out';

describe('parseCsv', () => {
  test('BOM, CRLF, header, blank lines; line numbers as an editor shows them', () => {
    const r = parseCsv('\uFEFFVIN,Phase\r\nJTHBE96S170007930,1\r\n\r\njthbe96s170007931 ,2\r\n');
    expect(r).toEqual([
      { line: 1, fields: ['VIN', 'Phase'] },
      { line: 2, fields: ['JTHBE96S170007930', '1'] },
      { line: 4, fields: ['jthbe96s170007931 ', '2'] },
    ]);
  });
  test('quoted fields with delimiters, escaped quotes and line breaks', () => {
    const r = parseCsv('VIN,Note\n"JTHBE96S170007930","a, ""quoted"" note"\n"JTH","two\nlines"\nX,y');
    expect(r).toEqual([
      { line: 1, fields: ['VIN', 'Note'] },
      { line: 2, fields: ['JTHBE96S170007930', 'a, "quoted" note'] },
      { line: 3, fields: ['JTH', 'two\nlines'] },
      { line: 5, fields: ['X', 'y'] },
    ]);
  });
  test('semicolons and tabs are detected', () => {
    expect(detectDelimiter('VIN;Phase\nA;1')).toBe(';');
    expect(detectDelimiter('VIN\tPhase\nA\t1')).toBe('\t');
    expect(parseCsv('VIN;Phase\nA;1')[1]!.fields).toEqual(['A', '1']);
  });
  test('a file without a final line end keeps its last record', () => {
    expect(parseCsv('a\nb')).toHaveLength(2);
    expect(parseCsv('"a"\n"b"')).toHaveLength(2);
  });
});

describe('csv output', () => {
  test('quotes when needed and neutralises spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});

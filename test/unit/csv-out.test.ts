// Cells a spreadsheet would run as a formula are neutralised in every CSV export: the ASCII signs, the
// pipe (DDE), tab and CR, their full-width forms, and any of those after leading spaces or NULs.
import { expect, test } from 'vitest';
import { csvField, toCsv } from '../../shared/csv-out';

test.each([
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '|cmd',
  '\tfoo',
  '\rfoo',
  '＝HYPERLINK("x")',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '   =1+1',
  '\u0000=1+1',
  ' \u0000 @x',
  '\u3000=1',
])('%j is neutralised', (value) => {
  const out = csvField(value);
  const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
  expect(unquoted.startsWith("'")).toBe(true);
  // Nothing of the value is lost: it reads back as the value after the apostrophe.
  expect(unquoted.slice(1)).toBe(value);
});

test.each(['Ann', '555-0100', 'a=b', 'José', '', '12', '2024-04-01'])('%j is left as it is', (value) => {
  expect(csvField(value)).toBe(value);
});

test('a whole export: the cell after leading spaces is neutralised, quoted where CSV needs it', () => {
  expect(toCsv(['a', 'b'], [[' =1', '\t=2']])).toBe("a,b\r\n' =1,'\t=2\r\n");
  expect(toCsv(['a'], [['\r=1']])).toBe(`a\r\n"'\r=1"\r\n`);
});

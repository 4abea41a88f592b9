// A 23LJ01 list's optional columns, as the preview reports them before anything is written: which
// columns were read, part numbers that are not the bulletin's per-VIN part (they are not used: the card
// and the order then give the pattern) and phases the bulletin does not have. Once they were dropped
// or taken without a word.
import { expect, test } from 'vitest';
import { formatListPreview } from '../../main/imports/format';
import { makeVin } from '../support/synthetic';
import { call } from '../support/lane';
import { testApp } from '../support/tempdb';

const vins = Array.from({ length: 6 }, (_, i) => makeVin('JTH', 'KPAAY', 2023, `A00${1240 + i}`));

test('part numbers that do not fit the per-VIN part, and phases the bulletin does not have, are named in the preview', async () => {
  const app = await testApp();
  const content = [
    'VIN,Phase,Part Number,Status',
    `${vins[0]},1,89904-48010,Open`,
    `${vins[1]},1,<img src=x>,Open`,
    `${vins[2]},9,04002-33333,Open`,
    `${vins[3]},1, 04002-abcde ,Open`,
    `${vins[4]},2,04002-12345,Open`,
    `${vins[5]},1,,Open`,
  ].join('\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  // In VIN order (the staged list's).
  expect(p.notes).toEqual([
    `2 part numbers are not 23LJ01's per-VIN part 04002-**** and are not used (orders give the pattern; CPOR gives the VIN's number): <img src=x> for ${vins[1]}, 89904-48010 for ${vins[0]}.`,
    `1 phase is not one of 23LJ01's phases (1, 2, 3, 4, 5, 6, 7): 9 for ${vins[2]}. Check the file with TIS.`,
  ]);
  const text = formatListPreview(p);
  expect(text.split('\n')).toContain('Columns: VIN "VIN", phase "Phase", part number "Part Number", status "Status".');
});

test('a list whose numbers all fit, or with no part number column, has no such note', async () => {
  const app = await testApp();
  const fits = ['VIN,Phase,Part Number', `${vins[0]},1,04002-12345`, `${vins[1]},2,04002-22222`].join('\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content: fits, listDate: '2026-11-20', complete: false });
  expect(p.notes).toEqual([]);
  const plain = await call(app, 'previewVinList', {
    campaign: '23LJ01',
    fileName: 'tis.txt',
    content: vins.join('\n'),
    listDate: '2026-11-20',
    complete: false,
  });
  expect(plain.notes).toEqual([]);
  expect(formatListPreview(plain).split('\n')).toContain('Columns: VIN column 1.');
});

import { expect, test } from 'vitest';
import { parseProductionMonth } from '../../shared/month';

test.each([
  ['2022-12', '2022-12'],
  ['2022-1', '2022-01'],
  ['12/22', '2022-12'],
  ['1/23', '2023-01'],
  ['12/2022', '2022-12'],
  [' 11 / 22 ', '2022-11'],
  ['11.22', '2022-11'],
])('%s → %s', (raw, month) => {
  expect(parseProductionMonth(raw)).toBe(month);
});

test.each(['13/22', '0/22', '2022-13', 'Dec 2022', '12/2', '', '2022/12/01'])('%s is refused', (raw) => {
  expect(parseProductionMonth(raw)).toBeNull();
});

import { describe, expect, test } from 'vitest';
import { dayNumber, MONTH_INSIDE, MONTH_OUTSIDE, MONTH_PARTLY, modelFit, monthFit, monthInWindow } from '../../main/lookup/match';

describe('production month against a window', () => {
  const from = dayNumber('2022-05-15');
  const to = dayNumber('2023-01-10');
  test.each([
    ['2022-04', false, 'the month ends before the window opens'],
    ['2022-05', true, 'the window opens mid-month'],
    ['2022-12', true, 'inside'],
    ['2023-01', true, 'the window closes mid-month'],
    ['2023-02', false, 'the month starts after the window closed'],
  ])('%s: %s (%s)', (month, inside) => {
    expect(monthInWindow(month, from, to)).toBe(inside);
  });
  test('an open end does not bound the window', () => {
    expect(monthInWindow('1999-01', Number.NaN, to)).toBe(true);
    expect(monthInWindow('2039-12', from, Number.NaN)).toBe(true);
    expect(monthInWindow('2022-04', from, Number.NaN)).toBe(false);
  });
  test('days are numbers that sort as the dates do', () => {
    expect(dayNumber('2022-12-31')).toBe(20221231);
    expect(dayNumber('2022-12-31') < dayNumber('2023-01-01')).toBe(true);
  });
});

// A month that straddles a window's edge is not "inside": only some of its days are.
describe('how much of a production month a window covers', () => {
  const from = dayNumber('2022-11-07');
  const to = dayNumber('2022-12-28');
  test.each([
    ['2022-10', MONTH_OUTSIDE],
    ['2022-11', MONTH_PARTLY],
    ['2022-12', MONTH_PARTLY],
    ['2023-01', MONTH_OUTSIDE],
  ])('%s against 2022-11-07 to 2022-12-28: %i', (month, fit) => {
    expect(monthFit(month, from, to)).toBe(fit);
  });
  test('a whole month inside, with the real length of each month (leap years too)', () => {
    expect(monthFit('2023-02', dayNumber('2023-02-01'), dayNumber('2023-02-28'))).toBe(MONTH_INSIDE);
    expect(monthFit('2024-02', dayNumber('2024-02-01'), dayNumber('2024-02-28'))).toBe(MONTH_PARTLY);
    expect(monthFit('2022-11', dayNumber('2022-11-01'), dayNumber('2022-11-30'))).toBe(MONTH_INSIDE);
    expect(monthFit('2022-12', dayNumber('2022-11-01'), Number.NaN)).toBe(MONTH_INSIDE);
    expect(monthFit('2022-10', Number.NaN, dayNumber('2022-11-01'))).toBe(MONTH_INSIDE);
    expect(monthFit('2022-11', dayNumber('2022-11-10'), dayNumber('2022-11-20'))).toBe(MONTH_PARTLY);
  });
});

describe('stated model against a rule', () => {
  test('a model in a family fits, a family may be the model, another model does not', () => {
    expect(modelFit('RX350', 'RX')).toBe('yes');
    expect(modelFit('RX', 'RX350')).toBe('maybe');
    expect(modelFit('ES300H', 'RX')).toBe('no');
  });
});

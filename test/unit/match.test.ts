import { describe, expect, test } from 'vitest';
import { dayNumber, modelFit, monthInWindow } from '../../main/lookup/match';

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

describe('stated model against a rule', () => {
  test('a model in a family fits, a family may be the model, another model does not', () => {
    expect(modelFit('RX350', 'RX')).toBe('yes');
    expect(modelFit('RX', 'RX350')).toBe('maybe');
    expect(modelFit('ES300H', 'RX')).toBe('no');
  });
});

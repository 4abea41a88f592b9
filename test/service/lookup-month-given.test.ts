// A production month given while the model is not known: the card asks for the model only. It asked for
// the month again ("Needs: --model ... and --produced MM/YY", "Read the production month...") though the
// person had typed it.
import { expect, test } from 'vitest';
import { call } from '../support/lane';
import { testApp } from '../support/tempdb';

/** An RX-family WMI and VDS vPIC does not decode to a model: 23LJ01 can be an ES, NX or RX of 2023. */
const CANADIAN = '2T2HZMDA5PC000123';

test('with the month given, only the model is asked for; without it, both', async () => {
  const app = await testApp();
  const hitOf = async (productionMonth?: string) =>
    (await call(app, 'lookup', { vin: CANADIAN, ...(productionMonth ? { productionMonth } : {}) })).campaigns.find((c) => c.code === '23LJ01')!;
  const asked = await hitOf();
  expect(asked.needs).toEqual(['model', 'productionMonth']);
  expect(asked.actions.some((a) => /production month/.test(a))).toBe(true);

  const given = await hitOf('2023-03');
  expect(given.needs).toEqual(['model']);
  expect(given.actions.some((a) => /production month/.test(a))).toBe(false);
  expect(given.actions[0]).toMatch(/^Ask the guest which model it is \(ES, NX, RX\)/);
  expect(given.remedy.explanation).toMatch(/depends on the model\b/);
  expect(given.remedy.explanation).not.toMatch(/production month/);
});

// The suggestions' stock answers are kept until what they depend on changes. vPIC's makes per WMI are
// part of it: a stock vehicle of a WMI no bulletin lists may be the campaign's make or not, and once vPIC
// has opened it says (a Toyota WMI is not a Lexus LC): the kept answers are made again then.
import { expect, test } from 'vitest';
import { suggestOrders } from '../../main/parts/suggest';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

test('a stock vehicle of another make leaves the suggestions once vPIC has opened, in the same process', async () => {
  const app = await testApp();
  try {
    // A Toyota WMI (JTD), recorded as a 2023 LC built 12/2022: 23LJ01's window fits its model and month.
    const vin = makeVin('JTD', 'KPAAY', 2023, '0300001');
    app.db.sqlite
      .prepare(
        "INSERT INTO vehicles (vin, stock_number, model, model_year, production_month, condition, in_stock, updated_at) VALUES (?, 'T1', 'LC 500', 2023, '2022-12', 'new', 1, 'now')",
      )
      .run(vin);
    expect(app.vpic!.ready).toBe(false);
    const before = JSON.stringify(suggestOrders(app));
    // Its make unknown yet: the campaign may apply (a hit that says the make is not known).
    expect(before).toContain(vin);

    expect(await app.vpic!.start()).toBe(true);
    expect(app.vpic!.makesOf('JTD')).toContain('Toyota');
    expect(app.lookup.lookup({ vin }).campaigns.map((c) => c.code)).not.toContain('23LJ01');
    expect(JSON.stringify(suggestOrders(app))).not.toContain(vin);
  } finally {
    await app.close();
  }
});

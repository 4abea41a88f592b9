// "This database has no affected-VIN list and no vehicles" is said while it is so, by the lookup's own
// statement (no second one per lookup), and no longer once a vehicle arrives, in the same process.
import { expect, test } from 'vitest';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

test('a lookup says the database is empty on every ask while it is, and stops saying it once a vehicle is recorded', async () => {
  const app = await testApp();
  try {
    const vin = makeVin('JTH', 'BE96S', 2007, '0009001');
    const other = makeVin('2T2', 'HA31U', 2006, '6077001');
    expect(app.lookup.lookup({ vin }).emptyDatabase).toBe(true);
    expect(app.lookup.lookup({ vin: other }).emptyDatabase).toBe(true);
    expect(app.lookup.candidateSql).toContain("'e'");

    app.db.sqlite
      .prepare("INSERT INTO vehicles (vin, model_year, condition, in_stock, updated_at) VALUES (?, 2006, 'used', 1, ?)")
      .run(other, new Date().toISOString());
    // A VIN not on file: the database is no longer empty, and the lookup says so at once.
    expect(app.lookup.lookup({ vin }).emptyDatabase).toBe(false);
    expect(app.lookup.lookup({ vin: other }).emptyDatabase).toBe(false);
    expect(app.lookup.lookup({ vin: other }).vehicle?.inStock).toBe(true);
    // From then on the lookup runs the plain statement.
    expect(app.lookup.candidateSql).not.toContain("'e'");
  } finally {
    await app.close();
  }
});

// The whole-ledger fold the suggestions read (Ledger.positions) against a plain definition of each
// position, on a varied ledger of thousands of movements: shelf parts and parts held per VIN, orders,
// receipts that fill them and overfill them, issues, returns, counts, reversals of each kind (a
// reversal of a reversal too), folded whole, then carried forward with more movements, then folded
// again after a later reversal. The definition does not queue orders: what is still on order is the
// running total of orders less receipts, less its lowest point (a receipt beyond what is open fills
// nothing later); on hand is the last count plus what came in and went out after it.
import { describe, expect, test } from 'vitest';
import { addMovements, comparable, defined, folded } from '../support/ledger-definition';
import { testApp } from '../support/tempdb';

describe('the fold the suggestions read', () => {
  test('every position is the plain definition: folded whole, carried forward, and folded again after a reversal', async () => {
    const app = await testApp();
    addMovements(app, 3, 4000, 150);
    const check = () => {
      const folds = folded(app);
      const defs = comparable(defined(app), folds);
      // The case is worth having: per-VIN buckets, overfilled receipts, counts.
      expect(defs.size).toBeGreaterThan(10);
      expect(folds).toEqual(defs);
    };
    check();
    // Carried forward: more movements, no reversal among them.
    addMovements(app, 4, 500, 0);
    check();
    // A reversal among the new movements: folded again from the start.
    addMovements(app, 5, 200, 20);
    check();
  });
});

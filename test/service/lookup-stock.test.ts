// An in-stock vehicle's hold is part of the answer (screen, CLI and hold report read the same words);
// a customer's car carries no stock delivery rules.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { testApp } from '../support/tempdb';

function stock(app: App, vin: string, condition: string | null, inStock = 1) {
  app.db.sqlite
    .prepare('INSERT INTO vehicles (vin, model_year, stock_number, condition, in_stock, updated_at) VALUES (?, 2007, ?, ?, ?, ?)')
    .run(vin, 'S-100', condition, inStock, '2026-11-01T00:00:00Z');
}

describe('stock holds', () => {
  test('a used GS 350 in stock: ALE says do not deliver until remedied, as its own field', async () => {
    const app = await testApp({ vpicPath: null });
    stock(app, 'JTHBE96S170007930', 'used');
    const h = app.lookup.lookup({ vin: 'JTHBE96S170007930' }).campaigns.find((c) => c.code === 'ALE')!;
    expect(h.stockHolds).toEqual([
      { hold: 'do-not-deliver-until-remedied', condition: 'used', text: expect.stringMatching(/not deliver any pre-owned vehicle/) },
    ]);
    expect(h.actions.some((a) => a.startsWith('In stock'))).toBe(false);
  });
  test('the condition not recorded: every rule of the bulletin, each with its condition', async () => {
    const app = await testApp({ vpicPath: null });
    stock(app, 'JTHBE96S170007930', null);
    const h = app.lookup.lookup({ vin: 'JTHBE96S170007930' }).campaigns.find((c) => c.code === 'ALE')!;
    expect(h.stockHolds.map((s) => s.condition).sort()).toEqual(['certified-pre-owned', 'used']);
  });
  test('a vehicle on file but no longer in stock has no hold', async () => {
    const app = await testApp({ vpicPath: null });
    stock(app, 'JTHBE96S170007930', 'used', 0);
    expect(app.lookup.lookup({ vin: 'JTHBE96S170007930' }).campaigns[0]!.stockHolds).toEqual([]);
  });
});

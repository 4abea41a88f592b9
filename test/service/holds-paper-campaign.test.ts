// The hold report on paper, narrowed to one campaign (the CLI's --campaign, or the screen's campaign
// filter): its summary's count of held vehicles is that campaign's, and says so ("7 vehicles in stock, 1
// held for BLC"), never a bare "1 held" beside the whole stock, nor the whole stock's held count.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import type { RenderedForm } from '../../shared/forms/contract';
import { bodyOf } from '../../shared/forms/html';
import { call, importVehicles } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };
const GS = (serial: number) => makeVin('JTH', 'BE96S', 2007, String(serial).padStart(7, '0'));
const RX = makeVin('2T2', 'HA31U', 2005, '0100000');
const HONDA = '1HGCM82633A004352';

/** Seven in stock: five GS 350s (ALE), one RX 330 (BLC), one Honda (no hold). */
async function stocked(): Promise<App> {
  const app = await testApp();
  await call(app, 'saveSettings', { dealer: DEALER });
  const lines = ['Stock #,VIN,Year,Model,Prod Date,New/Used'];
  for (let i = 0; i < 5; i++) lines.push(`A${i},${GS(7930 + i)},2007,GS 350,,U`);
  lines.push(`B0,${RX},2005,RX 330,,N`, `H0,${HONDA},2003,Accord,,U`);
  await importVehicles(app, lines.join('\r\n'), 'add');
  return app;
}

const text = async (app: App, req: object) =>
  bodyOf(((await call(app, 'renderForm', req as never)) as RenderedForm).html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe("the hold report's summary, narrowed to one campaign", () => {
  test("the held count is the campaign's and names it, from the CLI and from the screen; the whole report keeps its count", async () => {
    const app = await stocked();
    const r = await call(app, 'holdReport', {});
    expect([r.vehiclesInStock, r.vehiclesHeld]).toEqual([7, 6]);
    expect(new Set(r.holds.filter((h) => h.code === 'BLC').map((h) => h.vin)).size).toBe(1);

    for (const req of [
      { kind: 'holds', campaign: 'BLC' },
      { kind: 'holds', view: { campaign: 'BLC' } },
      { kind: 'holds', view: { campaign: 'BLC', grouped: true } },
    ]) {
      const t = await text(app, req);
      expect(t).toContain('7 vehicles in stock, 1 held for BLC.');
      expect(t).not.toMatch(/in stock, \d+ held\./);
    }
    expect(await text(app, { kind: 'holds' })).toContain('7 vehicles in stock, 6 held.');
  });

  test('a campaign no stock vehicle is held for says so of that campaign', async () => {
    const app = await stocked();
    const t = await text(app, { kind: 'holds', campaign: '23LJ01' });
    expect(t).toContain('No vehicle in stock is held for 23LJ01 (7 vehicles in stock).');
  });
});

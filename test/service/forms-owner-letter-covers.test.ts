// The owner letter says "...which includes your vehicle": it is printed only for a VIN the campaign may
// apply to, by the same lookup the disclosure form, booking and the ledger use. A Honda, an LS 600h L
// that only ALE covers, and a VIN a complete affected-VIN list leaves out are refused (nothing logged);
// a VIN the campaign may apply to ("verify": the letter is for a notice the dealer received) prints.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import type { RenderedForm } from '../../shared/forms/contract';
import { call, importVinList, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const HONDA = '1HGCM82633A004352';
const LS600 = 'JTHDU46F685000400'; // LS 600h L 2008: ALE's VIN range only
const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };

async function withDealer(): Promise<App> {
  const app = await testApp();
  await call(app, 'saveSettings', { dealer: DEALER });
  return app;
}

const letter = (vin: string, campaign = '23LJ01') => ({ kind: 'owner-letter' as const, campaign, vin });

describe('the owner letter is printed only for a VIN its campaign may apply to', () => {
  test('a VIN the lookup gives no 23LJ01 for is refused with the reason, for rendering and saving; the log stays empty', async () => {
    const app = await withDealer();
    for (const vin of [HONDA, LS600]) {
      const codes = (await call(app, 'lookup', { vin })).campaigns.map((h) => h.code);
      expect(codes).not.toContain('23LJ01');
      for (const op of ['renderForm', 'saveFormPdf'] as const) {
        const e = await refusal(app, op, letter(vin));
        expect(e.code).toBe('invalid-input');
        expect(e.message).toBe(
          `No 23LJ01 owner letter for ${vin}: 23LJ01 does not cover this VIN by the library's rules (${
            codes.length ? `campaigns that may apply: ${codes.join(', ')}` : 'no campaign in the library covers it'
          }). Check the VIN and the campaign.`,
        );
      }
    }
    expect((await call(app, 'listForms', {})).forms).toEqual([]);
  });

  test('a VIN to verify (the production month not known) prints: the letter answers a notice the dealer received', async () => {
    const app = await withDealer();
    const hit = (await call(app, 'lookup', { vin: LC })).campaigns.find((h) => h.code === '23LJ01');
    expect(hit?.certainty).toBe('verify');
    const f = (await call(app, 'renderForm', letter(LC))) as RenderedForm;
    expect(f.html).toContain(`VIN: ${LC}`);
  });

  test('a VIN a complete affected-VIN list leaves out is refused; a listed one prints', async () => {
    const app = await withDealer();
    await importVinList(app, '23LJ01', [LC]);
    expect((await call(app, 'renderForm', letter(LC))).vin).toBe(LC);
    const e = await refusal(app, 'renderForm', letter(LC2));
    expect(e.message).toMatch(new RegExp(`^No 23LJ01 owner letter for ${LC2}: 23LJ01 does not cover this VIN`));
  });
});

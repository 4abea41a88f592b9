// Severity (NHTSA's stop-sale, do-not-drive and park-outside advisories) on real SQLite files: the
// bulletin format takes it, the lookup answers it first, and the hold report and follow-up list sort
// flagged campaigns first.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import type { OutputOf } from '../../shared/api';
import { flaggedCampaign } from '../support/bulletins';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const GS = makeVin('JTH', 'BE96S', 2007, '0007930'); // ALE only
const IS = makeVin('JTH', 'BE262', 2006, '2000001'); // ALE and ZDD

function vehicle(app: App, vin: string, v: { stock?: string; serviced?: string; model: string }) {
  app.db.sqlite
    .prepare(
      'INSERT INTO vehicles (vin, model, model_year, stock_number, condition, in_stock, last_service_date, guest_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      vin,
      v.model,
      vin === GS ? 2007 : 2006,
      v.stock ?? null,
      'used',
      v.stock ? 1 : 0,
      v.serviced ?? null,
      v.serviced ? 'Guest' : null,
      '2026-11-01T00:00:00Z',
    );
}

async function importBulletin(app: App, bulletin: unknown) {
  return ok<OutputOf<'importBulletin'>>(app.dispatch('importBulletin', { fileName: 'zdd.json', content: JSON.stringify(bulletin) }));
}

describe('the bulletin format', () => {
  test('severity defaults to none and the recall number to not stated', async () => {
    const app = await testApp({ vpicPath: null });
    await importBulletin(app, { ...flaggedCampaign([]), severity: undefined, nhtsaRecallNumber: undefined });
    const hit = app.lookup.lookup({ vin: IS }).campaigns.find((c) => c.code === 'ZDD')!;
    expect(hit.severity).toEqual([]);
    expect(hit.nhtsaRecallNumber).toBeNull();
  });

  test('an unknown flag, a flag named twice and a malformed recall number are refused in plain words', async () => {
    const app = await testApp({ vpicPath: null });
    const refused = async (b: unknown) => {
      const r = await app.dispatch('importBulletin', { fileName: 'zdd.json', content: JSON.stringify(b) });
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.error.details;
    };
    expect((await refused(flaggedCampaign(['dont-drive']))).join('\n')).toMatch(/^severity\[0\]: /m);
    expect((await refused(flaggedCampaign(['stop-sale', 'stop-sale']))).join('\n')).toMatch(/severity: names a flag twice/);
    expect((await refused(flaggedCampaign([], { nhtsaRecallNumber: 'recall 5' }))).join('\n')).toMatch(/nhtsaRecallNumber: must be NHTSA's recall number/);
    expect(app.lookup.lookup({ vin: IS }).campaigns.map((c) => c.code)).toEqual(['ALE']);
  });

  test('a revision stored before severity existed reads as none stated, everywhere', async () => {
    const app = await testApp({ vpicPath: null });
    // As an existing dealer's database holds the built-in ALE: its document written without the new fields.
    const doc = JSON.parse(app.db.sqlite.prepare<[], string>("SELECT document FROM campaigns WHERE code = 'ALE'").pluck().get()!);
    delete doc.severity;
    delete doc.nhtsaRecallNumber;
    app.db.sqlite.prepare("UPDATE campaigns SET document = ? WHERE code = 'ALE'").run(JSON.stringify(doc));
    app.campaigns.invalidate();
    const detail = await ok<OutputOf<'getCampaign'>>(app.dispatch('getCampaign', { code: 'ALE' }));
    expect([detail.bulletin.severity, detail.bulletin.nhtsaRecallNumber]).toEqual([[], null]);
    expect(app.lookup.lookup({ vin: GS }).campaigns[0]!.severity).toEqual([]);
  });
});

describe('what the flags change', () => {
  test('the lookup states the flags, most urgent first, and puts the flagged campaign first', async () => {
    const app = await testApp({ vpicPath: null });
    await importBulletin(app, flaggedCampaign(['stop-sale', 'do-not-drive']));
    const r = app.lookup.lookup({ vin: IS });
    expect(r.campaigns.map((c) => [c.code, c.severity])).toEqual([
      ['ZDD', ['do-not-drive', 'stop-sale']],
      ['ALE', []],
    ]);
    expect(r.campaigns[0]!.nhtsaRecallNumber).toBe('25V123');
  });

  test('the hold report lists flagged holds first, then as before', async () => {
    const app = await testApp({ vpicPath: null });
    vehicle(app, GS, { stock: 'S-001', model: 'GS 350' });
    vehicle(app, IS, { stock: 'S-999', model: 'IS 350' });
    const before = await ok<OutputOf<'holdReport'>>(app.dispatch('holdReport', {}));
    expect(before.holds.map((h) => [h.code, h.stockNumber])).toEqual([
      ['ALE', 'S-001'],
      ['ALE', 'S-999'],
    ]);
    await importBulletin(app, flaggedCampaign(['park-outside']));
    const after = await ok<OutputOf<'holdReport'>>(app.dispatch('holdReport', {}));
    expect(after.holds.map((h) => [h.code, h.stockNumber, h.severity])).toEqual([
      ['ZDD', 'S-999', ['park-outside']],
      ['ALE', 'S-001', []],
      ['ALE', 'S-999', []],
    ]);
  });

  test('the follow-up list puts flagged rows first, then the most recently serviced', async () => {
    const app = await testApp({ vpicPath: null });
    vehicle(app, GS, { serviced: '2026-10-01', model: 'GS 350' });
    vehicle(app, IS, { serviced: '2025-01-01', model: 'IS 350' });
    await importBulletin(app, flaggedCampaign(['do-not-drive']));
    const list = await ok<OutputOf<'followUpList'>>(app.dispatch('followUpList', {}));
    expect(list.rows.map((r) => [r.code, r.vin, r.severity])).toEqual([
      ['ZDD', IS, ['do-not-drive']],
      ['ALE', GS, []],
      ['ALE', IS, []],
    ]);
  });
});

describe('booking a later visit', () => {
  test('a do-not-drive vehicle: the offer carries the flag and booking says it first', async () => {
    const app = await testApp({ vpicPath: null });
    await importBulletin(app, flaggedCampaign(['do-not-drive']));
    const preview = await ok<OutputOf<'previewBooking'>>(app.dispatch('previewBooking', { vin: IS }));
    expect(preview.campaigns.map((o) => [o.code, o.severity])).toEqual([
      ['ZDD', ['do-not-drive']],
      ['ALE', []],
    ]);
    // No part is released for either (issue 16: no booking, not even as goodwill): the refusal the
    // advisor reads still carries the flag's campaign, and the offer above carries the flag itself.
    const refused = await app.dispatch('bookAppointment', { vin: IS, campaigns: ['ZDD'], at: '2026-12-01T09:00', goodwill: 'guest asked' });
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect([refused.error.message, ...refused.error.details].join(' ')).toContain('ZDD');
  });
});

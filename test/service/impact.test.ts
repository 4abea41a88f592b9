// The impact of an import before it is applied, on real SQLite files: a bulletin revision, an
// affected-VIN list and a DMS file alike. A dry run writes nothing; applying reports the same impact
// and records it in "What changed".
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import BLC from '../../main/campaigns/library/BLC.json' with { type: 'json' };
import type { OutputOf } from '../../shared/api';
import type { BulletinInput } from '../../shared/bulletin';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

type Vehicle = { vin: string; model: string; year: number; stock?: string; condition?: string; serviced?: string; month?: string };

function vehicle(app: App, v: Vehicle) {
  app.db.sqlite
    .prepare(
      `INSERT INTO vehicles (vin, model, model_year, production_month, stock_number, condition, in_stock, last_service_date, guest_name, guest_phone, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      v.vin,
      v.model,
      v.year,
      v.month ?? null,
      v.stock ?? null,
      v.condition ?? null,
      v.stock ? 1 : 0,
      v.serviced ?? null,
      v.serviced ? `Guest ${v.vin.slice(-4)}` : null,
      v.serviced ? '555-0100' : null,
      '2026-11-01T00:00:00Z',
    );
}

function book(app: App, vin: string, at: string) {
  app.db.sqlite.prepare("INSERT INTO appointments (vin, at, status, created_at, updated_at) VALUES (?, ?, 'booked', 'then', 'then')").run(vin, at);
}

/** LS 2023 built in Japan in December 2022: inside 23LJ01's LS window, phase not stated (remedy unknown). */
const lsVin = (serial: string) => makeVin('JTH', 'GZ1EF', 2023, serial);
/** GS 350 2007: ALE holds used stock. */
const gsVin = (serial: string) => makeVin('JTH', 'BE96S', 2007, serial);

const holds = async (app: App) => (await ok<OutputOf<'holdReport'>>(app.dispatch('holdReport', {}))).holds.map((h) => `${h.code} ${h.stockNumber}`);
const changes = async (app: App) => ok<OutputOf<'listChanges'>>(app.dispatch('listChanges', {}));

describe('a bulletin revision that moves a model window', () => {
  // BLC covers RX 2004-2007 (perform before delivery). The new revision says 2006-2008.
  const revision: BulletinInput = { ...(structuredClone(BLC) as BulletinInput), revisionDate: '2012-03-01', revisionLabel: 'Update' };
  revision.modelWindows = revision.modelWindows!.map((w) => ({ ...w, modelYearFrom: 2006, modelYearTo: 2008 }));
  const RX04 = makeVin('2T2', 'GA31U', 2004, '0000001');
  const RX06 = makeVin('2T2', 'GK31U', 2006, '0000002');
  const RX08 = makeVin('2T2', 'GK31U', 2008, '0000003');

  async function dealer() {
    const app = await testApp({ vpicPath: null });
    vehicle(app, { vin: RX04, model: 'RX 330', year: 2004, stock: 'S-04', condition: 'used' });
    vehicle(app, { vin: RX06, model: 'RX 350', year: 2006, stock: 'S-06', condition: 'used' });
    vehicle(app, { vin: RX08, model: 'RX 350', year: 2008, stock: 'S-08', condition: 'used' });
    return app;
  }

  test('the dry run names the stock newly held and released, and writes nothing', async () => {
    const app = await dealer();
    expect(await holds(app)).toEqual(['BLC S-04', 'BLC S-06']);
    const r = await ok<OutputOf<'importBulletin'>>(app.dispatch('importBulletin', { fileName: 'blc.json', content: JSON.stringify(revision), dryRun: true }));
    expect(r).toMatchObject({ outcome: 'updated', dryRun: true, previousRevisionDate: '2011-12-19' });
    expect(r.impact.holds.added.map((h) => [h.vin, h.campaign, h.hold, h.stockNumber])).toEqual([[RX08, 'BLC', 'perform-before-delivery', 'S-08']]);
    expect(r.impact.holds.released.map((h) => [h.vin, h.campaign, h.hold, h.stockNumber])).toEqual([[RX04, 'BLC', 'perform-before-delivery', 'S-04']]);
    // Nothing written: the library, the holds and the changes log are as before.
    expect((await ok<OutputOf<'getCampaign'>>(app.dispatch('getCampaign', { code: 'BLC' }))).bulletin.revisionDate).toBe('2011-12-19');
    expect(await holds(app)).toEqual(['BLC S-04', 'BLC S-06']);
    expect((await changes(app)).changes).toEqual([]);
  });

  test('applying it does what the dry run said, and "What changed" records it', async () => {
    const app = await dealer();
    const dry = await ok<OutputOf<'importBulletin'>>(app.dispatch('importBulletin', { fileName: 'blc.json', content: JSON.stringify(revision), dryRun: true }));
    const r = await ok<OutputOf<'importBulletin'>>(app.dispatch('importBulletin', { fileName: 'blc.json', content: JSON.stringify(revision) }));
    expect(r.impact).toEqual(dry.impact);
    expect(await holds(app)).toEqual(['BLC S-06', 'BLC S-08']);
    const log = await changes(app);
    expect(log.unseen).toBe(1);
    expect(log.changes).toEqual([
      expect.objectContaining({
        at: '2026-11-23T12:00:00.000Z',
        by: null,
        source: { kind: 'bulletin', fileName: 'blc.json', code: 'BLC', title: revision.title, revisionDate: '2012-03-01', previousRevisionDate: '2011-12-19' },
        impact: r.impact,
        seen: false,
      }),
    ]);
    expect((await ok<OutputOf<'markChangesSeen'>>(app.dispatch('markChangesSeen', {}))).unseen).toBe(0);
  });
});

describe('an affected-VIN list that adds phase-5 vehicles of 23LJ01', () => {
  const list = ['VIN,Phase', `${lsVin('5000001')},5`, `${lsVin('5000002')},5`, `${lsVin('5000003')},5`].join('\n');

  async function dealer() {
    const app = await testApp({ vpicPath: null });
    for (const s of ['5000001', '5000002']) vehicle(app, { vin: lsVin(s), model: 'LS 500', year: 2023, month: '2022-12', serviced: '2026-10-01' });
    book(app, lsVin('5000001'), '2026-12-02T09:00');
    return app;
  }
  const preview = (app: App) =>
    ok<OutputOf<'previewVinList'>>(app.dispatch('previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content: list, listDate: '2026-11-20' }));

  test('remedy now available, split booked and not booked; newly confirmed; nothing written by the dry run', async () => {
    const app = await dealer();
    expect(app.lookup.lookup({ vin: lsVin('5000001') }).campaigns.find((c) => c.code === '23LJ01')!.remedy.available).toBeNull();
    const p = await preview(app);
    const impact = await ok<OutputOf<'importImpact'>>(app.dispatch('importImpact', { importId: p.importId }));
    expect(impact.remedyNowAvailable.map((r) => [r.vin, r.campaign, r.bookedAt])).toEqual([
      [lsVin('5000001'), '23LJ01', '2026-12-02T09:00'],
      [lsVin('5000002'), '23LJ01', null],
    ]);
    expect(impact.confirmed.added.map((r) => r.vin)).toEqual([lsVin('5000001'), lsVin('5000002')]);
    expect(impact.followup).toEqual({ added: 0, removed: 0 });
    expect(app.lookup.lookup({ vin: lsVin('5000001') }).campaigns.find((c) => c.code === '23LJ01')!.certainty).toBe('verify');
    expect((await changes(app)).changes).toEqual([]);

    // Apply after seeing it: the same preview, the same impact, recorded.
    const started = await ok<OutputOf<'commitImport'>>(app.dispatch('commitImport', { importId: p.importId }));
    const end = await app.jobs.wait(started.jobId);
    expect(end.state).toBe('done');
    expect(end.impact).toEqual(impact);
    expect(app.lookup.lookup({ vin: lsVin('5000001') }).campaigns.find((c) => c.code === '23LJ01')!.remedy.available).toBe(true);
    const log = await changes(app);
    expect(log.changes.map((c) => c.source)).toEqual([
      { kind: 'vin-list', fileName: 'tis.csv', campaign: '23LJ01', listDate: '2026-11-20', complete: false, rows: 3 },
    ]);
    const calls = await ok<OutputOf<'changeCallList'>>(app.dispatch('changeCallList', { id: log.changes[0]!.id }));
    expect(calls.map((c) => [c.vin, c.guestName, c.bookedAt])).toEqual([
      [lsVin('5000001'), 'Guest 0001', '2026-12-02T09:00'],
      [lsVin('5000002'), 'Guest 0002', null],
    ]);
  });
});

describe('a DMS file that takes vehicles out of stock', () => {
  test('releases their holds, and only theirs', async () => {
    const app = await testApp({ vpicPath: null });
    vehicle(app, { vin: gsVin('0007930'), model: 'GS 350', year: 2007, stock: 'S-1', condition: 'used' });
    vehicle(app, { vin: gsVin('0007931'), model: 'GS 350', year: 2007, stock: 'S-2', condition: 'used' });
    expect(await holds(app)).toEqual(['ALE S-1', 'ALE S-2']);
    const content = ['VIN,Stock,Condition,Model', `${gsVin('0007930')},S-1,Used,GS 350`].join('\n');
    const p = await ok<OutputOf<'previewVehicles'>>(app.dispatch('previewVehicles', { fileName: 'stock.csv', content, inStock: 'replace' }));
    const impact = await ok<OutputOf<'importImpact'>>(app.dispatch('importImpact', { importId: p.importId! }));
    expect(impact.holds.added).toEqual([]);
    expect(impact.holds.released.map((h) => [h.vin, h.campaign, h.hold, h.stockNumber])).toEqual([
      [gsVin('0007931'), 'ALE', 'do-not-deliver-until-remedied', 'S-2'],
    ]);
    expect(await holds(app)).toEqual(['ALE S-1', 'ALE S-2']);
    const end = await app.jobs.wait((await ok<OutputOf<'commitImport'>>(app.dispatch('commitImport', { importId: p.importId! }))).jobId);
    expect(end.impact).toEqual(impact);
    expect(await holds(app)).toEqual(['ALE S-1']);
    expect((await changes(app)).changes.map((c) => c.source.kind)).toEqual(['vehicles']);
  });
});

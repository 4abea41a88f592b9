// Vehicle records from a DMS export, what the lookup does with them, the stock hold report and the
// follow-up list, on real SQLite files.
import { describe, expect, test } from 'vitest';
import { detectMapping, readVehicles } from '../../main/imports/vehicles';
import { createDispatcher } from '../../main/api/dispatch';

import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const ALE_GS = makeVin('JTH', 'BE96S', 2007, '0007930'); // in ALE's GS 350 2007 range
const LC = 'JTHKPAAY4PA001234'; // 2023, Japan-built: 23LJ01 by model and month
const RX05 = makeVin('2T2', 'HA31U', 2005, '0123456'); // BLC by model and year
const CIVIC = '1HGCM82633A004352'; // nothing applies
const TODAY = '2026-11-23'; // testApp's clock

async function importVehicles(
  app: Awaited<ReturnType<typeof testApp>>,
  content: string,
  inStock: 'none' | 'add' | 'replace',
  mapping: Record<string, string> = {},
) {
  const p = await ok<{ importId: string }>(app.dispatch('previewVehicles', { fileName: 'dms.csv', content, inStock, mapping }));
  const s = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
  return app.jobs.wait(s.jobId);
}

const STOCK = [
  'Stock #,VIN,Year,Model,Prod Date,New/Used',
  `S100,${ALE_GS},2007,GS 350,,U`,
  `S101,${ALE_GS.replace('0007930', '0007931').slice(0, 8)}X${ALE_GS.slice(9).replace('0007930', '0007931')},2007,GS 350,,CPO`,
  `S102,${LC},2023,LC,12/22,N`,
  `S103,${RX05},2005,RX 330,,Used`,
  `S104,${CIVIC},2003,Accord,,U`,
].join('\r\n');

describe('reading a DMS export', () => {
  test('common headers are recognised', () => {
    const m = detectMapping(['Stock #', 'VIN', 'Year', 'Model', 'Prod Date', 'New/Used', 'Customer Name', 'Home Phone', 'E-mail', 'Address', 'Last RO Date']);
    expect(m).toEqual({
      vin: 'VIN',
      stockNumber: 'Stock #',
      model: 'Model',
      modelYear: 'Year',
      productionMonth: 'Prod Date',
      condition: 'New/Used',
      guestName: 'Customer Name',
      guestPhone: 'Home Phone',
      guestEmail: 'E-mail',
      guestAddress: 'Address',
      lastServiceDate: 'Last RO Date',
    });
  });

  test('a mapping overrides detection, and a mapped column must exist', () => {
    expect(detectMapping(['Serial', 'Mdl'], { vin: 'Serial', model: 'Mdl' })).toMatchObject({ vin: 'Serial', model: 'Mdl' });
    expect(() => detectMapping(['Serial'], { vin: 'Vin Number' })).toThrowError(/names a column "Vin Number" for vin, but the file has no such column/);
  });

  test('values are normalised; bad lines are kept with their reasons; the later duplicate wins', () => {
    const csv = [
      'VIN,Model,Year,Production Date,Condition,Last Service',
      `${LC},LC,2023,2022-12-05,New,`,
      `${RX05},RX 330,2005,,Certified,03/31/2024`,
      `${RX05},RX 330,2005,,Used,04/30/2024`,
      `JTHBE96S17OOO7930,GS,2007,,U,`,
      `${CIVIC},Accord,0x7D7,,U,`,
      `${ALE_GS},GS 350,2007,13/22,U,`,
      `${ALE_GS},GS 350,2007,,U,31/03/2024`,
    ].join('\n');
    const { preview, rows } = readVehicles(csv, 'dms.csv', { today: TODAY });
    expect(preview).toMatchObject({ rowsRead: 7, valid: 2, duplicates: 1 });
    expect(rows[0]).toMatchObject({ vin: LC, productionMonth: '2022-12', condition: 'new', modelYear: 2023 });
    expect(rows[1]).toMatchObject({ vin: RX05, condition: 'used', lastServiceDate: '2024-04-30' });
    expect(preview.invalid.map((i) => `${i.line}: ${i.reason}`)).toEqual([
      '5: Position 11: "O" never appears in a VIN; did you mean "0"?',
      '6: Model year "0x7D7" is not a year.',
      '7: Production month "13/22" is not a month (write 12/22, 2022-12 or a date).',
      '8: Last service date "31/03/2024" is not a date (write 2024-03-31 or 03/31/2024).',
    ]);
  });

  test('no VIN column: nothing can be imported until one is mapped, and the columns are offered', () => {
    const { preview, rows } = readVehicles('Stock,Serial\n1,JTHKPAAY4PA001234\n', 'x.csv', { today: TODAY });
    expect(rows).toEqual([]);
    expect(preview.columns).toEqual(['Stock', 'Serial']);
    expect(preview.blocking).toMatch(/^x.csv: no column is mapped to VIN.*\(the file has 2 columns\)/);
    expect(readVehicles('Stock,Serial\n1,JTHKPAAY4PA001234\n', 'x.csv', { today: TODAY, mapping: { vin: 'Serial' } }).preview).toMatchObject({
      valid: 1,
      blocking: null,
    });
  });

  test('every line rejected: blocking, with the reasons', () => {
    const { preview } = readVehicles('VIN\nnot-a-vin\n', 'x.csv', { today: TODAY });
    expect(preview.blocking).toMatch(/every line was rejected/);
    expect(preview.invalid).toHaveLength(1);
  });
});

describe('vehicle records in the lookup', () => {
  test("a known vehicle's model and production month are used, so nothing is asked again", async () => {
    const app = await testApp();
    await importVehicles(app, `VIN,Model,Prod Date\n${LC},LC,12/22\n`, 'none');
    const r = app.lookup.lookup({ vin: LC });
    expect(r).toMatchObject({ model: 'LC', modelSource: 'vehicle-record', productionMonth: '2022-12', productionMonthSource: 'vehicle-record' });
    expect(r.campaigns[0]).toMatchObject({ code: '23LJ01', needs: [], remedy: { available: true, phase: '1' } });
    // What the person says still wins.
    expect(app.lookup.lookup({ vin: LC, productionMonth: '2022-11' }).campaigns[0]!.remedy.phase).toBeNull();
  });

  test('completed campaigns show as completed, last, with nothing to do', async () => {
    const app = await testApp();
    await ok(app.dispatch('setVehicleCampaignStatus', { vin: ALE_GS, campaign: 'ale', status: 'completed-elsewhere', completedOn: '2010-09-01' }));
    const hit = app.lookup.lookup({ vin: ALE_GS }).campaigns[0]!;
    expect(hit.vehicleStatus).toEqual({ status: 'completed-elsewhere', completedOn: '2010-09-01', repairOrder: null });
    expect(hit.actions).toEqual(['Completed at another dealer on 2010-09-01: nothing to do.']);
    const bad = await app.dispatch('setVehicleCampaignStatus', { vin: ALE_GS, campaign: 'ALE', status: 'completed-here' });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('Completion date: The date is missing.') } });
  });

  test('personal data stays out of the lookup answer', async () => {
    const app = await testApp();
    await importVehicles(app, `VIN,Customer Name,Phone,Last Service\n${RX05},Ann Example,555-0100,2024-01-02\n`, 'none');
    const text = JSON.stringify(app.lookup.lookup({ vin: RX05 }));
    expect(text).not.toContain('Ann Example');
    expect(text).not.toContain('555-0100');
  });
});

describe('stock hold report', () => {
  test('every in-stock vehicle against every campaign, by the rule for its condition', async () => {
    const app = await testApp();
    const done = await importVehicles(app, STOCK, 'replace');
    expect(done).toMatchObject({ state: 'done', total: 5 });
    const report = await ok<any>(app.dispatch('holdReport', {}));
    expect(report.vehiclesInStock).toBe(5);
    const rows = report.holds.map((h: any) => `${h.stockNumber} ${h.code} ${h.hold}`);
    expect(rows).toEqual([
      'S100 ALE do-not-deliver-until-remedied',
      'S101 ALE do-not-deliver-until-remedied',
      'S102 23LJ01 deliver-with-disclosure-if-unavailable',
      'S103 BLC perform-before-delivery',
    ]);
    expect(report.vehiclesHeld).toBe(4);
    expect(report.perCampaign).toEqual([
      { code: '23LJ01', title: 'Second Key Delivery Program', doNotDeliver: 0, withDisclosure: 1, performBefore: 0 },
      { code: 'ALE', title: 'Valve Spring', doNotDeliver: 2, withDisclosure: 0, performBefore: 0 },
      { code: 'BLC', title: "Driver's Side Floor Carpet Cover and Retention Clips", doNotDeliver: 0, withDisclosure: 0, performBefore: 1 },
    ]);
    const s100 = report.holds[0];
    expect(s100.reason).toMatch(/not deliver any pre-owned vehicle/);
    expect(s100.source).toBe('Safety Recall ALE - Preliminary Notice (dealer letter with Q&A), revision 2010-07-06');
  });

  test('a remedied vehicle is released; a complete stock list drops sold vehicles', async () => {
    const app = await testApp();
    await importVehicles(app, STOCK, 'replace');
    await ok(app.dispatch('setVehicleCampaignStatus', { vin: ALE_GS, campaign: 'ALE', status: 'completed-elsewhere', completedOn: '2010-09-01' }));
    let report = await ok<any>(app.dispatch('holdReport', {}));
    expect(report.holds.map((h: any) => h.stockNumber)).not.toContain('S100');
    await importVehicles(app, `Stock #,VIN\nS102,${LC}\n`, 'replace');
    report = await ok<any>(app.dispatch('holdReport', {}));
    expect(report.vehiclesInStock).toBe(1);
    expect(report.holds.map((h: any) => h.stockNumber)).toEqual(['S102']);
    // The record keeps what the earlier file said: the model and month, so 23LJ01 still decides.
    expect(report.holds[0]).toMatchObject({ model: 'LC', needs: [] });
  });

  test('condition unknown: every rule is shown', async () => {
    const app = await testApp();
    await importVehicles(app, `VIN,Model,Prod Date\n${LC},LC,12/22\n`, 'add');
    const report = await ok<any>(app.dispatch('holdReport', {}));
    expect(report.holds.map((h: any) => h.hold)).toEqual(['do-not-deliver-until-remedied', 'deliver-with-disclosure-if-unavailable']);
  });
});

describe('follow-up list', () => {
  const SERVICED = [
    'VIN,Model,Customer Name,Phone,E-mail,Address,Last Service',
    `${ALE_GS},GS 350,Ann Example,555-0100,ann@example.com,"1 Main St, Plano",2024-05-01`,
    `${RX05},RX 330,Bo Example,555-0101,,,2023-01-15`,
    `${LC},LC,Cy Example,555-0102,,,2024-02-01`,
    `${CIVIC},Accord,Di Example,555-0103,,,2024-03-01`,
  ].join('\n');

  test('vehicles serviced here with open campaigns, with counts per campaign', async () => {
    const app = await testApp();
    await importVehicles(app, SERVICED, 'none');
    const list = await ok<any>(app.dispatch('followUpList', {}));
    expect(list.vehiclesServiced).toBe(4);
    expect(list.rows.map((r: any) => `${r.code} ${r.guestName} ${r.lastServiceDate}`)).toEqual([
      'ALE Ann Example 2024-05-01',
      '23LJ01 Cy Example 2024-02-01',
      'BLC Bo Example 2023-01-15',
    ]);
    expect(list.rows[0].guestAddress).toBe('1 Main St, Plano');
    expect(list.perCampaign.map((c: any) => [c.code, c.notYetRemedied])).toEqual([
      ['23LJ01', 1],
      ['ALE', 1],
      ['BLC', 1],
    ]);
  });

  test('filters: one campaign; remedy available only; completed ones drop out', async () => {
    const app = await testApp();
    await importVehicles(app, SERVICED, 'none');
    expect((await ok<any>(app.dispatch('followUpList', { campaign: 'blc' }))).rows.map((r: any) => r.code)).toEqual(['BLC']);
    // The LC has no production month on file: its phase, so its remedy, is unknown, not available.
    expect((await ok<any>(app.dispatch('followUpList', { remedyAvailableOnly: true }))).rows.map((r: any) => r.code)).toEqual(['BLC']);
    await ok(app.dispatch('setVehicleCampaignStatus', { vin: RX05, campaign: 'BLC', status: 'completed-elsewhere' }));
    const after = await ok<any>(app.dispatch('followUpList', {}));
    expect(after.perCampaign.find((c: any) => c.code === 'BLC')).toBeUndefined();
  });
});

describe('personal data stays out of logs', () => {
  test('an internal failure is logged by operation name only', async () => {
    const logged: string[] = [];
    const app = await testApp();
    const dispatch = createDispatcher(
      app,
      {
        setVehicleCampaignStatus: () => {
          throw new Error('disk on fire');
        },
      } as never,
      (m) => logged.push(m),
    );
    // A VIN the gate accepts (an invalid one is refused before any handler runs), with a repair order
    // that could hold anything a person typed.
    const r = await dispatch('setVehicleCampaignStatus', { vin: 'JTHBE96S170007930', campaign: 'ALE', status: 'open', repairOrder: 'Ann Example 555-0100' });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged.join('\n')).toContain('setVehicleCampaignStatus failed');
    expect(logged.join('\n')).not.toMatch(/Ann|555-0100|JTHBE96S/);
  });
});

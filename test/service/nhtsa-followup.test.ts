// The follow-up list with NHTSA's file imported: the list is of open campaigns to call guests about, so a
// serviced vehicle of another make, whose recalls NHTSA lists by make, model and year only, is never a
// "not yet remedied" row nor counted as one. It is a line of its own, "check by VIN at NHTSA", naming
// the recalls NHTSA lists (flagged ones first) and the guest's contact, for the advisor to check first.
import { expect, test } from 'vitest';
import type { Envelope, FollowUpList } from '../../shared/api';
import { followUpText } from '../../main/reports/format';
import { ACCORD_2019, fixtureRows, writeRcl } from '../support/nhtsa';
import { makeVin } from '../support/synthetic';
import { tempDir, testApp } from '../support/tempdb';

const data = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.data as T;
};
const RX05 = makeVin('2T2', 'HA31U', 2005, '0123456'); // BLC by model and year
const GS = makeVin('JTH', 'BE96S', 2007, '0007930'); // ALE, which NHTSA's 07V999000 names (MFGCAMPNO)

async function setUp() {
  const app = await testApp();
  const p = data<{ importId: string }>(await app.dispatch('previewNhtsa', { path: writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows()) }));
  expect((await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: p.importId })).jobId)).state).toBe('done');
  const content = [
    'VIN,Model,Customer Name,Phone,E-mail,Address,Last Service',
    `${ACCORD_2019},Accord,Hana Honda,555-0110,hana@example.com,,2025-06-01`,
    `${RX05},RX 330,Bo Example,555-0101,,,2023-01-15`,
    `${GS},GS 350,Ann Example,555-0100,,,2024-05-01`,
  ].join('\n');
  const v = data<{ importId: string }>(await app.dispatch('previewVehicles', { fileName: 'dms.csv', content, inStock: 'none' }));
  expect((await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: v.importId })).jobId)).state).toBe('done');
  return app;
}

type List = {
  rows: { vin: string; code: string }[];
  perCampaign: { code: string; notYetRemedied: number }[];
  checkAtNhtsa: {
    vin: string;
    model: string | null;
    modelYear: number;
    guestName: string | null;
    guestPhone: string | null;
    lastServiceDate: string;
    recalls: { code: string; severity: string[]; component: string }[];
    note: string;
  }[];
};

test('a serviced Honda is not a "not yet remedied" row: a line of its own, "check by VIN at NHTSA", its recalls flagged first', async () => {
  const app = await setUp();
  const list = data<List>(await app.dispatch('followUpList', {}));
  // Open campaigns of the library only; the Lexus one NHTSA also lists stays the bulletin's own row.
  expect(list.rows.map((r) => [r.vin, r.code])).toEqual([
    [GS, 'ALE'],
    [RX05, 'BLC'],
  ]);
  expect(list.perCampaign.map((c) => c.code)).toEqual(['ALE', 'BLC']);
  expect(list.checkAtNhtsa).toEqual([
    {
      vin: ACCORD_2019,
      model: 'Accord',
      modelYear: 2019,
      lastServiceDate: '2025-06-01',
      guestName: 'Hana Honda',
      guestPhone: '555-0110',
      guestEmail: 'hana@example.com',
      guestAddress: null,
      recalls: [
        expect.objectContaining({ code: '19V182000', severity: ['do-not-drive'] }),
        expect.objectContaining({ code: '20V100000', severity: ['park-outside'] }),
        expect.objectContaining({ code: '18V001000', severity: [] }),
        expect.objectContaining({ code: '19V500000', severity: [] }),
      ],
      note: expect.stringMatching(/^NHTSA's file lists these recalls for a 2019 HONDA Accord by model and year, not by VIN: check this VIN at NHTSA/),
    },
  ]);
});

test("the terminal's follow-up list says so apart from the open campaigns, flags first", async () => {
  const app = await setUp();
  const text = [...followUpText(data<FollowUpList>(await app.dispatch('followUpList', {})))].join('\n');
  expect(text).toMatch(/^2 open campaigns on 3 vehicles serviced here\./);
  const tail = text.slice(text.indexOf('Other makes: check by VIN at NHTSA'));
  expect(tail.split('\n')).toEqual([
    "Other makes: check by VIN at NHTSA: 1 vehicle (NHTSA's file lists recalls by model and year, not by VIN).",
    `${ACCORD_2019}  2019 Accord  last service 2025-06-01  Hana Honda 555-0110`,
    expect.stringMatching(/^ {2}19V182000 {2}Do not drive {2}AIR BAGS/),
    expect.stringMatching(/^ {2}20V100000 {2}Park outside {2}ELECTRICAL/),
    '  18V001000  STEERING',
    '  19V500000  FUEL SYSTEM, GASOLINE',
  ]);
});

test("the screen's filters: one campaign (an NHTSA number finds its vehicles); remedy available or booked only leaves NHTSA's out", async () => {
  const app = await setUp();
  const one = data<List>(await app.dispatch('followUpList', { campaign: '20v100000' }));
  expect(one.rows).toEqual([]);
  expect(one.checkAtNhtsa.map((c) => [c.vin, c.recalls.map((r) => r.code)])).toEqual([[ACCORD_2019, ['20V100000']]]);
  expect(data<List>(await app.dispatch('followUpList', { campaign: 'BLC' })).checkAtNhtsa).toEqual([]);
  // Whether NHTSA's remedy is available, or a visit booked for it, is not known: not claimed.
  expect(data<List>(await app.dispatch('followUpList', { remedyAvailableOnly: true })).checkAtNhtsa).toEqual([]);
  expect(data<List>(await app.dispatch('followUpList', { booked: 'booked' })).checkAtNhtsa).toEqual([]);
  expect(data<List>(await app.dispatch('followUpList', { booked: 'not-booked' })).checkAtNhtsa).toHaveLength(1);
});

// The CPOR state of a per-VIN order (main/parts/cpor.ts) over time: "to place" since the order, "on
// order" since the reference was entered (or since the order, when the order carried its reference), and
// no state once the part is fitted. Real SQLite files; two clocks, so each date says which event it is.
import { describe, expect, test } from 'vitest';
import { cporStates } from '../../main/parts/cpor';
import { call, LC, LC2, LC3 } from '../support/lane';
import { testApp } from '../support/tempdb';

const KEY = '04002-****';
const state = (app: { db: Parameters<typeof cporStates>[0] }, vin: string) => cporStates(app.db).get(`${KEY}\u0000${vin}`);

describe('the CPOR state and since when', () => {
  test('to place since the order; on order since the reference was entered, days later', async () => {
    const app = await testApp();
    const early = await testApp({ dbPath: app.db.path, now: () => new Date('2026-11-20T09:30:00Z') });
    const o = await call(early, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    await early.close();
    expect(state(app, LC)).toEqual({ state: 'to-place', since: '2026-11-20T09:30:00.000Z', reference: null, partNumber: '04002-12345', listedNow: null });
    await call(app, 'setCporReference', { id: o.movement.id, reference: 'CP-1', by: 'Pat' });
    expect(state(app, LC)).toEqual({ state: 'on-order', since: '2026-11-23T12:00:00.000Z', reference: 'CP-1', partNumber: '04002-12345', listedNow: null });
  });

  test('an order typed with its CPOR reference is on order since the order', async () => {
    const app = await testApp();
    const early = await testApp({ dbPath: app.db.path, now: () => new Date('2026-11-20T09:30:00Z') });
    await call(early, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: LC2, ref: 'CP-77', by: 'Pat' });
    await early.close();
    expect(state(app, LC2)).toEqual({ state: 'on-order', since: '2026-11-20T09:30:00.000Z', reference: 'CP-77', partNumber: '04002-12345', listedNow: null });
  });

  test('a reference entered after the key was received: the answer says received, not on order', async () => {
    const app = await testApp();
    const part = { part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' };
    const o = await call(app, 'recordMovement', { kind: 'order', ...part });
    await call(app, 'recordMovement', { kind: 'receive', ...part });
    const r = await call(app, 'setCporReference', { id: o.movement.id, reference: 'CP-9', by: 'Pat' });
    expect([r.state, r.reference]).toEqual(['received', 'CP-9']);
    expect(state(app, LC)?.state).toBe('received');
  });

  test('ordered, received, then fitted to the vehicle: no CPOR state is left to show', async () => {
    const app = await testApp();
    const part = { part: '04002-12345', quantity: 1, vin: LC3, by: 'Pat' };
    await call(app, 'recordMovement', { kind: 'order', ...part });
    await call(app, 'recordMovement', { kind: 'receive', ...part });
    expect(state(app, LC3)?.state).toBe('received');
    await call(app, 'recordMovement', { kind: 'use', ...part });
    expect(state(app, LC3)).toBeUndefined();
  });
});

describe("the affected list's number for a VIN", () => {
  test('is used only where it is a number of the part: another part number on the list is not ordered', async () => {
    const app = await testApp();
    const content = ['VIN,Phase,Part Number,Status', `${LC},1,89904-78010,Open`].join('\r\n');
    const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
    await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(lines.map((l) => [l.vin, l.partNumber, l.reason])).toEqual([
      [LC, KEY, 'Booked 2026-11-25 09:00 (remedy available); no CPOR order recorded: order 1 through CPOR for this VIN (per-VIN part number: CPOR gives it).'],
    ]);
  });
});

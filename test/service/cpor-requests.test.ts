// The standing list of CPOR requests (issue 16: "accepting a CPOR line does not place an order anywhere:
// it is a request the parts person places in Service Lane"): every request still to place, with its part,
// VIN, campaign, since when and who accepted it, at any time after the acceptance; its reference entered
// later from the list makes it "on order since ..."; received, it leaves the list. The part, the
// vehicle's card and the list say the same state. Real SQLite files; the clock moves as the day goes.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, LC, LC2, LC3, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

/** The 23LJ01 list as TIS exports it, with its per-VIN part numbers. */
async function list(app: App) {
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`, `${LC3},1,04002-78030,Open`].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

describe('the CPOR requests to place in Service Lane', () => {
  test('standing: listed until the reference is entered, at any time later; then on order; received, gone', async () => {
    let now = new Date('2026-11-23T09:30:00Z');
    const app = await testApp({ now: () => now });
    await list(app);
    expect(await call(app, 'cporRequests', {})).toEqual({ toPlace: 0, onOrder: 0, requests: [] });
    for (const [vin, at] of [
      [LC, '2026-11-25T09:00'],
      [LC2, '2026-11-25T10:00'],
    ] as const)
      await call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at });
    const accepted = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [LC] })).recorded;
    now = new Date('2026-11-23T11:00:00Z');
    const second = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Sam', vins: [LC2] })).recorded;

    // Hours later, nothing else done: both are still to place, the oldest first, with who accepted them.
    now = new Date('2026-11-24T08:00:00Z');
    const r = await call(app, 'cporRequests', {});
    expect(r.toPlace).toBe(2);
    expect(r.onOrder).toBe(0);
    expect(r.requests).toEqual([
      {
        id: accepted[0]!.id,
        campaign: '23LJ01',
        part: '04002-****',
        partNumber: '04002-78010',
        description: expect.stringMatching(/key/i),
        what: 'key',
        vin: LC,
        state: 'to-place',
        since: '2026-11-23T09:30:00.000Z',
        reference: null,
        acceptedBy: 'Pat',
        acceptedAt: '2026-11-23T09:30:00.000Z',
        enteredBy: null,
        recordedAs: 'accepted',
        listedNow: null,
      },
      expect.objectContaining({
        id: second[0]!.id,
        vin: LC2,
        partNumber: '04002-78020',
        state: 'to-place',
        acceptedBy: 'Sam',
        since: '2026-11-23T11:00:00.000Z',
      }),
    ]);

    // The second one placed first, the next day: on order since then, after the one still to place.
    await call(app, 'setCporReference', { id: second[0]!.id, reference: 'CP-2002', by: 'Pat' });
    const after = await call(app, 'cporRequests', {});
    expect([after.toPlace, after.onOrder]).toEqual([1, 1]);
    expect(after.requests.map((q) => [q.vin, q.state, q.since, q.reference, q.enteredBy])).toEqual([
      [LC, 'to-place', '2026-11-23T09:30:00.000Z', null, null],
      [LC2, 'on-order', '2026-11-24T08:00:00.000Z', 'CP-2002', 'Pat'],
    ]);
    expect((await call(app, 'cporRequests', { state: 'to-place' })).requests.map((q) => q.vin)).toEqual([LC]);
    expect((await call(app, 'cporRequests', { state: 'on-order' })).requests.map((q) => q.vin)).toEqual([LC2]);

    // The part and the vehicle's card say the same states.
    const part = (await call(app, 'listParts', {})).parts.find((p) => p.partNumber === '04002-****')!;
    for (const q of after.requests) {
      const onPart = part.perVinStock.find((s) => s.vin === q.vin)!.cpor!;
      const onCard = (await call(app, 'vehicleCpor', { vin: q.vin })).parts[0]!;
      expect([onPart.state, onPart.since, onPart.reference]).toEqual([q.state, q.since, q.reference]);
      expect([onCard.state, onCard.since, onCard.reference]).toEqual([q.state, q.since, q.reference]);
    }

    // Received for LC2: it leaves the list; the reference cannot be entered twice.
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-78020', quantity: 1, vin: LC2, expectedOn: null, ref: null, by: 'Pat' });
    expect((await call(app, 'cporRequests', {})).requests.map((q) => q.vin)).toEqual([LC]);
    expect((await refusal(app, 'setCporReference', { id: second[0]!.id, reference: 'CP-9', by: 'Pat' })).message).toMatch(
      /already has the CPOR reference CP-2002/,
    );

    // A request reversed (accepted in error) is no request.
    await call(app, 'reverseMovement', { id: accepted[0]!.id, reason: 'accepted in error', by: 'Pat' });
    expect(await call(app, 'cporRequests', {})).toEqual({ toPlace: 0, onOrder: 0, requests: [] });
  });
});

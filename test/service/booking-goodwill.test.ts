// Goodwill in the booking offer (main/appointments/vehicle.ts), a rule the mutation run found no test
// holding: a phase announced but not launched, where the FAQ offers goodwill, gets none while the
// campaign's part is not released (no repair could be done). Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { call, LC, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

describe('goodwill where the FAQ offers it', () => {
  test('a phase not launched whose part is not released: no goodwill, and a booking as goodwill is refused', async () => {
    const app = await testApp();
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === '23LJ01')) as Record<string, any>;
    b.revisionDate = '2026-11-20';
    b.phaseChart[0].phase = '6';
    await call(app, 'importBulletin', { fileName: '23LJ01.json', content: JSON.stringify(b) });
    const input = { vin: LC, model: 'LC', productionMonth: '2022-12' };
    const before = (await call(app, 'previewBooking', input)).campaigns.find((c) => c.code === '23LJ01')!;
    expect(before.goodwill).toBe('23LJ01 FAQ Q13');
    await call(app, 'setPart', { campaign: '23LJ01', part: '04002-****', released: false, by: 'Pat' });
    const o = (await call(app, 'previewBooking', input)).campaigns.find((c) => c.code === '23LJ01')!;
    expect([o.available, o.goodwill]).toEqual([false, null]);
    const e = await refusal(app, 'bookAppointment', { ...input, campaigns: ['23LJ01'], at: '2026-11-30T09:00', goodwill: 'lost the only key' });
    expect(e.code).toBe('invalid-input');
  });
});

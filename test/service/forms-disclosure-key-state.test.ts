// The disclosure form is what a sale needs while the second key is not available (23LJ01 dealer letter):
// when this VIN's key is already on the shelf, the advisor is told to deliver it instead; when it is
// requested, where it stands. The form itself is unchanged (the guest signs what the bulletin prints).
import { expect, test } from 'vitest';
import type { App } from '../../main/app';
import type { RenderedForm } from '../../shared/forms/contract';
import { call, LC } from '../support/lane';
import { testApp } from '../support/tempdb';

const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street', code: '64123', phone: '(217) 555-0100' };
const disclosure = { kind: 'disclosure' as const, vin: LC, staff: 'Ann Advisor', model: 'LC', productionMonth: '2022-12' };

async function lane(): Promise<App> {
  const app = await testApp();
  await call(app, 'saveSettings', { dealer: DEALER });
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
  return app;
}

const notes = async (app: App) => ((await call(app, 'renderForm', disclosure)) as RenderedForm).advisorNotes.join('\n');

test('no request: no note about the key; requested: where it stands; received: deliver it, not the form', async () => {
  const app = await lane();
  expect(await notes(app)).not.toMatch(/04002-78010/);

  await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
  const [order] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded;
  expect(await notes(app)).toContain('This VIN’s key 04002-78010 to place in CPOR since 2026-11-23 (no CPOR reference yet).');

  await call(app, 'setCporReference', { id: order!.id, reference: 'CP-123', by: 'Pat' });
  expect(await notes(app)).toContain('This VIN’s key 04002-78010 on order since 2026-11-23 (CPOR CP-123).');

  await call(app, 'recordMovement', { kind: 'receive', part: '04002-78010', quantity: 1, vin: LC, by: 'Pat' });
  const received = await notes(app);
  expect(received).toContain('This VIN’s key 04002-78010 received 2026-11-23: deliver it with the vehicle');
  expect(received).toContain('the disclosure form is for a sale while the key is not available');
});

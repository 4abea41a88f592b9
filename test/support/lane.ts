// Helpers for the parts/appointments/claims scenarios: one call per API operation, failing with the
// API's own message, and the errors the API answers with.
import type { App } from '../../main/app';
import type { InputOf, OperationName, OutputOf } from '../../shared/api';
import { makeVin } from './synthetic';

export const call = async <K extends OperationName>(app: App, name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
  const r = await app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message} ${r.error.details.join(' | ')}`);
  return r.data as OutputOf<K>;
};

/** The error an operation answers with (fails the test when it succeeds). */
export const refusal = async <K extends OperationName>(app: App, name: K, input: InputOf<K>) => {
  const r = await app.dispatch(name, input);
  if (r.ok) throw new Error(`${name} succeeded but should have been refused`);
  return r.error;
};

/** Books each [VIN, at] for 23LJ01, one after the other (the order they are recorded in). */
export async function book23LJ01(app: App, bookings: readonly (readonly [string, string])[]) {
  for (const [vin, at] of bookings) await call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at });
}

export const LC = 'JTHKPAAY4PA001234'; // 2023 LC, Japan-built: 23LJ01 by model and production month
export const LC2 = makeVin('JTH', 'KPAAY', 2023, 'A001235');
export const LC3 = makeVin('JTH', 'KPAAY', 2023, 'A001236');
export const TRAINED = ['Safety Recall and Service Campaign Essentials', 'LIC206A - Electrical Repair 1'];

/** Imports a vehicle file through the same job the window uses. */
export async function importVehicles(app: App, content: string, inStock: 'none' | 'add' | 'replace') {
  const p = await call(app, 'previewVehicles', { fileName: 'dms.csv', content, inStock, mapping: {} });
  if (!p.importId) throw new Error('the vehicle file did not read');
  const s = await call(app, 'commitImport', { importId: p.importId });
  return app.jobs.wait(s.jobId);
}

export async function importVinList(app: App, campaign: string, vins: string[]) {
  const p = await call(app, 'previewVinList', { campaign, fileName: 'tis.csv', content: vins.join('\n'), listDate: '2026-11-20', complete: true });
  const s = await call(app, 'commitImport', { importId: p.importId });
  return app.jobs.wait(s.jobId);
}

// The NHTSA import through the API and the import job: Cancel leaves the database as it was (the older
// import still in force), a file changed after its preview is refused, the import is in "What changed"
// and nhtsaStatus gives its date, rows and age (stale past 30 days).
import fs from 'node:fs';
import { expect, test } from 'vitest';
import type { Envelope } from '../../shared/api';
import type { NhtsaPreview } from '../../shared/nhtsa/contract';
import { formatNhtsaPreview } from '../../main/nhtsa/format';
import { ACCORD_2019, fixtureRows, type RclRow, writeRcl } from '../support/nhtsa';
import { testApp, tempDir } from '../support/tempdb';

const data = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.data as T;
};

/** Enough rows for the job to pass several chunks (progress and Cancel are checked between them). */
const many = (n: number): RclRow[] =>
  Array.from({ length: n }, (_, i) => ({ campaign: `21V${String(i).padStart(6, '0')}`, make: 'FORD', model: `F-${150 + (i % 5)}`, year: '2021' }));

test('Cancel rolls the whole import back: the older import stays in force', async () => {
  let clock = new Date('2026-11-23T12:00:00Z');
  const app = await testApp({ now: () => clock });
  const dir = tempDir();
  const first = data<{ importId: string }>(await app.dispatch('previewNhtsa', { path: writeRcl(dir, 'FLAT_RCL_POST_2010.txt', fixtureRows()) }));
  const done = await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: first.importId })).jobId);
  expect(done.state).toBe('done');

  const big = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', many(100_000));
  const second = data<{ importId: string; kept: number }>(await app.dispatch('previewNhtsa', { path: big }));
  expect(second.kept).toBe(100_000);
  const started = data<{ jobId: string }>(await app.dispatch('commitImport', { importId: second.importId }));
  // Cancelled once the job has written its first chunk (of five): asked between its chunks, which yield with setImmediate too.
  while (app.jobs.status(started.jobId).done === 0 && app.jobs.status(started.jobId).state === 'running') await new Promise((r) => setImmediate(r));
  expect(app.jobs.status(started.jobId)).toMatchObject({ state: 'running', total: 100_000 });
  await app.dispatch('cancelImport', { jobId: started.jobId });
  const end = await app.jobs.wait(started.jobId);
  expect(end.state).toBe('cancelled');
  expect(end.message).toMatch(/nothing was changed/);
  const status = data<{ imports: { rowsKept: number; stale: boolean; ageDays: number }[] }>(await app.dispatch('nhtsaStatus', {}));
  expect(status.imports).toMatchObject([{ rowsKept: 7, stale: false, ageDays: 0 }]);
  expect(app.db.sqlite.prepare("SELECT count(*) FROM nhtsa_vehicles WHERE make_key = 'FORD'").pluck().get()).toBe(0);
  const hits = data<{ campaigns: { code: string }[] }>(await app.dispatch('lookup', { vin: ACCORD_2019 })).campaigns;
  expect(hits.map((h) => h.code)).toContain('19V182000');

  // 31 days later the import is stale.
  clock = new Date('2026-12-24T12:00:00Z');
  expect(data<{ imports: { stale: boolean; ageDays: number }[] }>(await app.dispatch('nhtsaStatus', {})).imports).toMatchObject([{ stale: true, ageDays: 31 }]);
});

test('a file changed after its preview is refused, nothing written; an applied import is in What changed', async () => {
  const app = await testApp();
  const file = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows());
  const p = data<{ importId: string }>(await app.dispatch('previewNhtsa', { path: file }));
  fs.appendFileSync(file, 'more\r\n');
  fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
  const end = await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: p.importId })).jobId);
  expect(end.state).toBe('failed');
  expect(end.message).toMatch(/changed since it was read: read it again/);
  expect(app.db.sqlite.prepare('SELECT count(*) FROM nhtsa_vehicles').pluck().get()).toBe(0);

  const again = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows());
  const q = data<{ importId: string }>(await app.dispatch('previewNhtsa', { path: again }));
  expect((await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: q.importId })).jobId)).state).toBe('done');
  const { changes } = data<{ changes: { source: { kind: string; rows: number } }[] }>(await app.dispatch('listChanges', {}));
  expect(changes[0]!.source).toMatchObject({ kind: 'nhtsa', fileName: 'FLAT_RCL_POST_2010.txt', part: 'current', rows: 7, newestReportDate: '2020-01-10' });
});

test('a file that is not NHTSA layout is an invalid-input answer naming what was expected', async () => {
  const app = await testApp();
  const file = `${tempDir()}/list.txt`;
  fs.writeFileSync(file, 'JTHBE96S170007930\n');
  const r = await app.dispatch('previewNhtsa', { path: file });
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.message).toMatch(/list.txt is not NHTSA's recall file.*Expected NHTSA's recall flat file/);
  }
});

test('a file older than the import in force (its newest report earlier) is said so before Import, in the window and the terminal', async () => {
  const app = await testApp();
  const current = data<{ importId: string }>(await app.dispatch('previewNhtsa', { path: writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows()) }));
  expect((await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: current.importId })).jobId)).state).toBe('done');
  // An earlier download: its newest report is 2019-08-01, the import in force's 2020-01-10.
  const older = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', [
    { campaign: '19V500000', make: 'HONDA', model: 'ACCORD', year: '2019', reportDate: '20190801' },
  ]);
  const p = data<NhtsaPreview>(await app.dispatch('previewNhtsa', { path: older }));
  expect(p.olderThanInForce).toBe(true);
  expect(formatNhtsaPreview(p)).toMatch(
    /This file is older than the import in force: its newest report is 2019-08-01, the import's 2020-01-10\. Importing it drops the recalls reported since: download the file again from NHTSA\./,
  );
  // A newer one is not.
  const newer = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', [
    ...fixtureRows(),
    { campaign: '21V001000', make: 'HONDA', model: 'ACCORD', year: '2019', reportDate: '20210105' },
  ]);
  const q = data<NhtsaPreview>(await app.dispatch('previewNhtsa', { path: newer }));
  expect(q.olderThanInForce).toBe(false);
  expect(formatNhtsaPreview(q)).not.toMatch(/older than the import in force/);
});

test("NHTSA's pre-2010 file renamed (e.g. recalls-old.txt) is still the pre-2010 part, by its report dates: it does not replace the current import", async () => {
  const app = await testApp();
  const current = data<{ importId: string }>(await app.dispatch('previewNhtsa', { path: writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows()) }));
  expect((await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: current.importId })).jobId)).state).toBe('done');
  // NHTSA splits its history by report date: every report in the PRE_2010 file is from before 2010.
  const old = writeRcl(tempDir(), 'recalls-old.txt', [{ campaign: '05V123000', make: 'HONDA', model: 'ACCORD', year: '2005', reportDate: '20050310' }]);
  const p = data<NhtsaPreview>(await app.dispatch('previewNhtsa', { path: old }));
  expect(p).toMatchObject({ part: 'pre-2010', replaces: null, olderThanInForce: false });
  expect((await app.jobs.wait(data<{ jobId: string }>(await app.dispatch('commitImport', { importId: p.importId })).jobId)).state).toBe('done');
  const status = data<{ imports: { part: string; fileName: string }[] }>(await app.dispatch('nhtsaStatus', {}));
  expect(status.imports.map((i) => [i.part, i.fileName])).toEqual([
    ['current', 'FLAT_RCL_POST_2010.txt'],
    ['pre-2010', 'recalls-old.txt'],
  ]);
});

// Affected-VIN lists on real SQLite files: reading every shape of file a dealer gets, the preview,
// the all-or-nothing commit, replacing a list, cancel, and what the lookup then says.
import { describe, expect, test } from 'vitest';
import { readVinList } from '../../main/imports/vinlist';
import { type StagedList, vinAt } from '../../main/imports/vinlist-stage';
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

/** A staged list read back whole (the staging file is then removed): its VINs in order and their columns. */
function readBack(staged: StagedList) {
  const out = {
    count: staged.count,
    vins: [] as string[],
    phases: null as (string | null)[] | null,
    partNumbers: null as (string | null)[] | null,
    statuses: null as (string | null)[] | null,
  };
  for (const c of staged.chunks()) {
    for (let i = 0; i < c.count; i++) out.vins.push(vinAt(c, i));
    if (c.phases) (out.phases ??= []).push(...c.phases);
    if (c.partNumbers) (out.partNumbers ??= []).push(...c.partNumbers);
    if (c.statuses) (out.statuses ??= []).push(...c.statuses);
  }
  staged.dispose();
  return out;
}
const ALE = (serial: string) => makeVin('JTH', 'BE96S', 2007, serial); // GS 350 2007 range 0007930-0028367

async function importList(app: Awaited<ReturnType<typeof testApp>>, content: string, opts: { campaign?: string; listDate?: string; complete?: boolean } = {}) {
  const preview = await ok<{ importId: string; valid: number }>(
    app.dispatch('previewVinList', {
      campaign: opts.campaign ?? 'ALE',
      fileName: 'list.csv',
      content,
      listDate: opts.listDate ?? '2010-07-07',
      complete: opts.complete ?? true,
    }),
  );
  const started = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: preview.importId }));
  return app.jobs.wait(started.jobId);
}

describe('reading a list', () => {
  test("plain text, one VIN a line, any case, stray spaces, the scanner's I, CRLF, a BOM", () => {
    const text = `\uFEFF${ALE('0007930')}\r\n  ${ALE('0007931').toLowerCase()} \r\nI${ALE('0007932')}\r\n\r\n`;
    const { preview, rows } = readVinList(text, 'list.txt');
    expect(preview).toMatchObject({ rowsRead: 3, valid: 3, duplicates: 0, invalid: [], hasHeader: false });
    expect(readBack(rows).vins).toEqual([ALE('0007930'), ALE('0007931'), ALE('0007932')]);
  });

  test('a CSV with a header, quoted fields and optional columns', () => {
    const text = `"Model","VIN","Phase","Part Number"\n"GS 350","${ALE('0007930')}","1","90913-A"\n"GS 350","${ALE('0007931')}",,\n`;
    const { preview, rows: staged } = readVinList(text, 'tis.csv');
    expect(preview.columns).toEqual({ vin: 'VIN', phase: 'Phase', partNumber: 'Part Number', status: null });
    const rows = readBack(staged);
    expect(rows.phases).toEqual(['1', null]);
    expect(rows.partNumbers).toEqual(['90913-A', null]);
  });

  test("a repeated VIN keeps its first line's columns; its check-digit mismatch counts once", () => {
    const badCheck = `${ALE('0007933').slice(0, 8)}${ALE('0007933')[8] === '0' ? '1' : '0'}${ALE('0007933').slice(9)}`;
    const text = ['VIN,Phase', `${ALE('0007931')},2`, `${badCheck},1`, `${ALE('0007931')},3`, `${ALE('0007930')},1`, `${badCheck},2`].join('\n');
    const { preview, rows: staged } = readVinList(text, 'tis.csv');
    expect(preview).toMatchObject({ rowsRead: 5, valid: 3, duplicates: 2, checkDigitMismatches: 1 });
    const rows = readBack(staged);
    expect(rows.vins).toEqual([ALE('0007930'), ALE('0007931'), badCheck].sort());
    expect(rows).toMatchObject({ count: 3, partNumbers: null, statuses: null });
    const phaseOf = new Map(rows.vins.map((v, i) => [v, rows.phases![i]]));
    expect(Object.fromEntries(phaseOf)).toEqual({ [ALE('0007930')]: '1', [ALE('0007931')]: '2', [badCheck]: '1' });
  });

  test('no header: the VIN column is found by its content', () => {
    const text = `GS 350,${ALE('0007930')}\nGS 350,${ALE('0007931')}\n`;
    expect(readVinList(text, 'x.csv').preview).toMatchObject({ valid: 2, hasHeader: false, columns: { vin: 'column 2' } });
  });

  test('bad lines are listed with their line number and reason; duplicates are counted', () => {
    const text = ['VIN', ALE('0007930'), 'JTHBE96S17OOO7930', ALE('0007930'), 'JTH12', '', ALE('0007933')].join('\n');
    const { preview } = readVinList(text, 'x.csv');
    expect(preview).toMatchObject({ rowsRead: 5, valid: 2, duplicates: 1 });
    expect(preview.invalid).toEqual([
      { line: 3, kind: 'not-a-vin', text: 'JTHBE96S17OOO7930', reason: 'Position 11: "O" never appears in a VIN; did you mean "0"?' },
      { line: 5, kind: 'not-a-vin', text: 'JTH12', reason: 'A VIN has 17 characters; this has 5 (12 missing).' },
    ]);
  });

  test('a file that is not a VIN list is refused with a reason', () => {
    expect(() => readVinList('Name,Phone\nAnn,555-0100\nBob,555-0101\n', 'guests.csv')).toThrowError(
      /guests.csv is not a VIN list: none of its columns holds VINs/,
    );
    expect(() => readVinList('', 'empty.csv')).toThrowError(/empty.csv is empty/);
    const mostlyBad = ['VIN', ALE('0007930'), ...Array.from({ length: 6 }, (_, i) => `NOTAVIN${i}`)].join('\n');
    expect(() => readVinList(mostlyBad, 'odd.csv')).toThrowError(/odd.csv is not a VIN list: 6 of 7 lines are not VINs/);
  });
});

describe('importing a list', () => {
  test('the preview writes nothing; the commit confirms listed VINs and quotes the list date', async () => {
    const app = await testApp();
    const preview = await ok<{ importId: string; valid: number; replaces: unknown }>(
      app.dispatch('previewVinList', { campaign: 'ale', fileName: 'tis.csv', content: `VIN\n${ALE('0007930')}\n${ALE('0009999')}\n`, listDate: '2010-07-07' }),
    );
    expect(preview).toMatchObject({ valid: 2, replaces: null });
    expect(app.db.sqlite.prepare('SELECT count(*) FROM affected_vins').pluck().get()).toBe(0);
    expect(app.lookup.lookup({ vin: ALE('0007930') }).campaigns[0]!.certainty).toBe('verify');

    const started = await ok<{ jobId: string; state: string }>(app.dispatch('commitImport', { importId: preview.importId }));
    expect(started.state).toBe('running');
    const done = await app.jobs.wait(started.jobId);
    expect(done).toMatchObject({ state: 'done', done: 2, total: 2, message: 'ALE: affected-VIN list of 2010-07-07 imported, 2 VINs (partial list).' });

    const hit = app.lookup.lookup({ vin: ALE('0007930') }).campaigns[0]!;
    expect(hit).toMatchObject({ certainty: 'confirmed', matchedBy: 'affected-list', affectedList: { date: '2010-07-07', listed: true, complete: false } });
    expect(hit.matchDetail).toBe('On the affected-VIN list of 2010-07-07.');
  });

  test('in range but not on a complete list: says so, with the date, and ranks last', async () => {
    const app = await testApp();
    await importList(app, `${ALE('0007930')}\n`);
    const hit = app.lookup.lookup({ vin: ALE('0008000') }).campaigns[0]!;
    expect(hit.certainty).toBe('verify');
    expect(hit.affectedList).toEqual({ date: '2010-07-07', listed: false, complete: true, partNumber: null });
    expect(hit.certaintyReason).toMatch(/^Not on the affected list of 2010-07-07/);
    expect(hit.actions[0]).toMatch(/^Not on the affected-VIN list of 2010-07-07 \(1 VINs\)/);
  });

  test('a partial list confirms but never says "not on the list"', async () => {
    const app = await testApp();
    await importList(app, `${ALE('0007930')}\n`, { complete: false });
    const hit = app.lookup.lookup({ vin: ALE('0008000') }).campaigns[0]!;
    expect(hit.affectedList).toEqual({ date: '2010-07-07', listed: false, complete: false, partNumber: null });
    expect(hit.certaintyReason).toMatch(/^Verify:/);
  });

  test('a listed VIN outside every published range is still confirmed: the list is the authority', async () => {
    const app = await testApp();
    const outside = makeVin('JTH', 'BE96S', 2007, '0099999');
    expect(app.lookup.lookup({ vin: outside }).campaigns.map((c) => c.code)).not.toContain('ALE');
    await importList(app, `${outside}\n`);
    expect(app.lookup.lookup({ vin: outside }).campaigns[0]).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
  });

  test('a newer list for the same campaign replaces the older one atomically', async () => {
    const app = await testApp();
    await importList(app, `${ALE('0007930')}\n${ALE('0007931')}\n`, { listDate: '2010-07-07' });
    const preview = await ok<{ replaces: unknown }>(
      app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'n.csv', content: `${ALE('0007931')}\n${ALE('0007932')}\n`, listDate: '2010-08-01' }),
    );
    expect(preview.replaces).toEqual({ listDate: '2010-07-07', rows: 2 });
    await importList(app, `${ALE('0007931')}\n${ALE('0007932')}\n`, { listDate: '2010-08-01' });
    expect(app.db.sqlite.prepare('SELECT count(*) FROM affected_vin_lists').pluck().get()).toBe(1);
    // The older list's rows are removed after the commit, between imports (see purge.ts).
    await app.jobs.purger.drained();
    expect(app.db.sqlite.prepare('SELECT vin FROM affected_vins ORDER BY vin').pluck().all()).toEqual([ALE('0007931'), ALE('0007932')]);
    expect(app.lookup.lookup({ vin: ALE('0007930') }).campaigns[0]!.affectedList).toMatchObject({ date: '2010-08-01', listed: false });
    expect(app.lookup.lookup({ vin: ALE('0007932') }).campaigns[0]!.affectedList).toMatchObject({ date: '2010-08-01', listed: true });
  });

  test("every row and column is written, however the list divides into statements; a purge leaves other campaigns' rows", async () => {
    const app = await testApp();
    const vin = (i: number) => makeVin('JTH', 'BE96S', 2007, String(1_000_000 + i).padStart(7, '0'));
    // Another campaign's list shares some of the VINs.
    await importList(app, Array.from({ length: 3_000 }, (_, i) => vin(i * 7)).join('\n'), { campaign: 'BLC' });
    const rows = (n: number, from: number) => [
      'VIN,Phase,Part Number,Status',
      ...Array.from({ length: n }, (_, i) => `${vin(from + i)},${i % 3 || ''},P${i},open`),
    ];
    await importList(app, rows(45_001, 0).join('\n'), { listDate: '2010-07-07' });
    await importList(app, rows(20_777, 30_000).join('\n'), { listDate: '2010-08-01' });
    await importList(app, rows(1_234, 10_000).join('\n'), { listDate: '2010-09-01' });
    await app.jobs.purger.drained();
    const s = app.db.sqlite;
    const listOf = (code: string) =>
      s.prepare('SELECT l.id FROM affected_vin_lists l JOIN campaigns c ON c.id = l.campaign_id WHERE c.code = ?').pluck().get(code);
    const count = s.prepare<[unknown], number>('SELECT count(*) FROM affected_vins WHERE list_id = ?').pluck();
    expect(count.get(listOf('ALE'))).toBe(1_234);
    expect(count.get(listOf('BLC'))).toBe(3_000);
    expect(s.prepare('SELECT count(*) FROM affected_vins').pluck().get()).toBe(4_234);
    expect(s.prepare('SELECT phase, part_number, status FROM affected_vins WHERE vin = ? AND list_id = ?').get(vin(10_004), listOf('ALE'))).toEqual({
      phase: '1',
      part_number: 'P4',
      status: 'open',
    });
    expect(s.prepare("SELECT count(*) FROM meta WHERE key LIKE 'superseded%'").pluck().get()).toBe(0);
  });

  test('cancel part-way leaves the database as it was, even with a list already there', async () => {
    const app = await testApp();
    await importList(app, `${ALE('0007930')}\n`);
    const big = Array.from({ length: 100_000 }, (_, i) => makeVin('JTH', 'BE96S', 2007, String(1_000_000 + i).padStart(7, '0'))).join('\n');
    const preview = await ok<{ importId: string }>(
      app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'big.txt', content: big, listDate: '2010-09-01' }),
    );
    const started = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: preview.importId }));
    // Let a chunk or two go in, then cancel.
    while (app.jobs.status(started.jobId).done === 0) await new Promise((r) => setImmediate(r));
    const cancelled = await ok<{ state: string }>(app.dispatch('cancelImport', { jobId: started.jobId }));
    expect(['running', 'cancelled']).toContain(cancelled.state);
    const end = await app.jobs.wait(started.jobId);
    expect(end).toMatchObject({ state: 'cancelled', message: 'Import cancelled: nothing was changed.' });
    expect(end.done).toBeLessThan(100_000);
    expect(app.db.sqlite.prepare('SELECT list_date, row_count FROM affected_vin_lists').all()).toEqual([{ list_date: '2010-07-07', row_count: 1 }]);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM affected_vins').pluck().get()).toBe(1);
  });

  test('a preview can be committed once; an unknown campaign is named', async () => {
    const app = await testApp();
    const p = await ok<{ importId: string }>(app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'a', content: ALE('0007930') }));
    const started = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }));
    await app.jobs.wait(started.jobId);
    const again = await app.dispatch('commitImport', { importId: p.importId });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found', message: 'This preview is no longer available: read the file again.' } });
    const unknown = await app.dispatch('previewVinList', { campaign: 'NOPE', fileName: 'a', content: ALE('0007930') });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', details: ['Known campaigns: 23LJ01, ALE, BLC.'] } });
  });

  test('the list date defaults to today and a bad one is refused', async () => {
    const app = await testApp();
    const p = await ok<{ listDate: string }>(app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'a', content: ALE('0007930') }));
    expect(p.listDate).toMatch(/^2026-11-2[34]$/);
    const bad = await app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'a', content: ALE('0007930'), listDate: '07/07/2010' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'listDate: must be a date written YYYY-MM-DD' } });
    const unreal = await app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'a', content: ALE('0007930'), listDate: '2010-02-30' });
    expect(unreal).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'listDate: is not a real calendar date' } });
  });
});

describe('writes while an import runs', () => {
  test('a status save and a second import wait for the running import instead of failing or freezing', async () => {
    const app = await testApp();
    const big = Array.from({ length: 60_000 }, (_, i) => makeVin('JTH', 'BE96S', 2007, String(1_000_000 + i).padStart(7, '0'))).join('\n');
    const p1 = await ok<{ importId: string }>(app.dispatch('previewVinList', { campaign: 'ALE', fileName: 'big.txt', content: big, listDate: '2010-09-01' }));
    const p2 = await ok<{ importId: string }>(
      app.dispatch('previewVinList', { campaign: '23LJ01', fileName: 'lc.txt', content: 'JTHKPAAY4PA001234', listDate: '2024-02-01' }),
    );
    const first = await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p1.importId }));
    const second = await ok<{ jobId: string; message: string }>(app.dispatch('commitImport', { importId: p2.importId }));
    expect(second.message).toBe('Waiting for the import before it to finish…');
    // Save while the first import is mid-write, its transaction open.
    while (app.jobs.status(first.jobId).done === 0) await new Promise((r) => setImmediate(r));
    expect(app.jobs.status(first.jobId).state).toBe('running');
    const t0 = Date.now();
    const saved = await app.dispatch('setVehicleCampaignStatus', { vin: ALE('0007930'), campaign: 'ALE', status: 'completed-elsewhere' });
    expect(saved.ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(4000); // not a busy-timeout stall
    expect((await app.jobs.wait(first.jobId)).state).toBe('done');
    expect((await app.jobs.wait(second.jobId)).state).toBe('done');
    expect(app.db.sqlite.prepare('SELECT count(*) FROM affected_vin_lists').pluck().get()).toBe(2);
    expect(app.lookup.lookup({ vin: ALE('0007930') }).campaigns[0]!.vehicleStatus?.status).toBe('completed-elsewhere');
  });
});

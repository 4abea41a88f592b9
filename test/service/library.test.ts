// The library on real SQLite files across starts: first start, second start, imports, rejections.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { ApiError } from '../../shared/api';
import { tempDbPath, tempDir, testApp } from '../support/tempdb';

const lj01 = () => structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;

/** 23LJ01 as a later update would bring it: phase 6 launched, and the matrix says which months. */
function newer23LJ01() {
  const d = lj01();
  d.revisionDate = '2024-03-28';
  d.revisionLabel = 'Update: phase 6 launched';
  d.phases[5].status = 'remedy-available';
  d.phases[5].expectedTiming = null;
  d.phases[5].mailing = 'April 2024';
  d.phaseChart.push({ window: 'LC-JP', month: '2022-11', phase: '6' });
  d.revisionHistory.push({ date: '2024-03-28', change: 'Phase 6 vehicles added.' });
  return d;
}

function snapshot(app: Awaited<ReturnType<typeof testApp>>) {
  const q = (sql: string) => app.db.sqlite.prepare(sql).all();
  return {
    campaigns: q('SELECT code, revision_date, origin, loaded_at, document FROM campaigns ORDER BY code'),
    revisions: q('SELECT campaign_code, revision_date FROM campaign_revisions ORDER BY 1, 2'),
    ranges: q('SELECT * FROM vin_range_rules ORDER BY id'),
    windows: q('SELECT * FROM model_window_rules ORDER BY id'),
  };
}

describe('first and second start', () => {
  test('first start in an empty folder creates the file, migrates and loads the three bulletins', async () => {
    const file = tempDbPath();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    const app = await testApp({ dbPath: file });
    expect(fs.existsSync(file)).toBe(true);
    expect(app.db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    const list = await app.campaigns.list();
    expect(list.map((c) => [c.code, c.origin, c.revisionDate])).toEqual([
      ['23LJ01', 'built-in', '2024-01-31'],
      ['ALE', 'built-in', '2010-07-06'],
      ['BLC', 'built-in', '2011-12-19'],
    ]);
    const s = snapshot(app);
    expect(s.ranges).toHaveLength(18);
    // 23LJ01's 13 windows expanded per model year, plus BLC's 3 models x 4 years.
    expect(s.windows.length).toBe(3 * 4 + [1, 1, 1, 1, 1, 1, 3, 2, 2, 2, 1, 3, 2].reduce((a, b) => a + b, 0));
  });

  test('a second start reloads nothing: rows, timestamps and the revision history are untouched', async () => {
    const file = tempDbPath();
    let t = 0;
    const clock = () => new Date(Date.UTC(2026, 10, 23, 12, 0, t++));
    const first = await testApp({ dbPath: file, now: clock });
    const before = snapshot(first);
    await first.close();
    const second = await testApp({ dbPath: file, now: clock });
    expect(snapshot(second)).toEqual(before);
  });

  test('a changed built-in file (an app upgrade) reloads, and a newer imported revision is never overwritten', async () => {
    const file = tempDbPath();
    const app = await testApp({ dbPath: file });
    app.campaigns.upsert((await import('../../shared/bulletin')).Bulletin.parse(newer23LJ01()), 'imported');
    await app.close();
    const fixedBlc = structuredClone(BUILT_IN_DOCUMENTS[0]) as Record<string, any>;
    fixedBlc.notes.push('A correction shipped with an app upgrade.');
    const { createApp } = await import('../../main/app');
    const { loadBuiltInLibrary } = await import('../../main/campaigns/library');
    const again = await createApp({ dbPath: file });
    try {
      const r = await loadBuiltInLibrary(again.db, again.campaigns, [fixedBlc, BUILT_IN_DOCUMENTS[1], BUILT_IN_DOCUMENTS[2]]);
      expect(r.loaded).toEqual(['BLC']);
      expect((await again.campaigns.detail('BLC')).bulletin.notes.at(-1)).toBe('A correction shipped with an app upgrade.');
      expect((await again.campaigns.detail('23LJ01')).summary).toMatchObject({ revisionDate: '2024-03-28', origin: 'imported' });
    } finally {
      await again.close();
    }
  });

  test('the database path: --db wins, then RECALL_DESK_DB, then the user data folder', async () => {
    const { resolveDbPath, userDataDir } = await import('../../main/db/paths');
    expect(resolveDbPath('/x/a.sqlite', { RECALL_DESK_DB: '/y/b.sqlite' })).toBe('/x/a.sqlite');
    expect(resolveDbPath(null, { RECALL_DESK_DB: '/y/b.sqlite' })).toBe('/y/b.sqlite');
    expect(resolveDbPath(null, { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/Recall Desk/recall-desk.sqlite');
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toContain('Recall Desk');
  });

  test('a file that is not a database is refused with a clear message, and left as it was', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database'.repeat(200));
    const before = fs.readFileSync(file);
    await expect(testApp({ dbPath: file })).rejects.toThrow(/Is it a Recall Desk database\? Choose another with --db PATH|file is not a database/);
    expect(fs.readFileSync(file)).toEqual(before);
  });
});

describe('importing a bulletin', () => {
  test('a newer revision replaces the rules and answers at once, and both revisions are kept', async () => {
    const app = await testApp();
    const lc = 'JTHKPAAY4PA001234';
    const before = app.lookup.lookup({ vin: lc, model: 'LC', productionMonth: '2022-11' });
    expect(before.campaigns[0]!.remedy.available).toBeNull();

    const r = await app.dispatch('importBulletin', { fileName: '23LJ01-2024-03-28.json', content: JSON.stringify(newer23LJ01()) });
    expect(r).toMatchObject({
      ok: true,
      data: {
        code: '23LJ01',
        title: 'Second Key Delivery Program',
        revisionDate: '2024-03-28',
        outcome: 'updated',
        previousRevisionDate: '2024-01-31',
        dryRun: false,
        impact: { holds: { added: [], released: [] }, remedyNowAvailable: [] },
      },
    });

    const after = app.lookup.lookup({ vin: lc, model: 'LC', productionMonth: '2022-11' });
    expect(after.campaigns[0]!.remedy).toMatchObject({ available: true, phase: '6' });
    expect(after.campaigns[0]!.source.revisionDate).toBe('2024-03-28');
    const detail = await app.campaigns.detail('23LJ01');
    expect(detail.revisions.map((x) => [x.revisionDate, x.origin])).toEqual([
      ['2024-03-28', 'imported'],
      ['2024-01-31', 'built-in'],
    ]);
  });

  test('the same file twice: unchanged', async () => {
    const app = await testApp();
    const content = JSON.stringify(newer23LJ01());
    await app.dispatch('importBulletin', { fileName: 'a.json', content });
    const r = await app.dispatch('importBulletin', { fileName: 'a.json', content });
    expect(r.ok && (r.data as { outcome: string }).outcome).toBe('unchanged');
  });

  test('a new campaign is added and found by the lookup', async () => {
    const app = await testApp();
    const d = structuredClone(BUILT_IN_DOCUMENTS[1]) as Record<string, any>;
    d.code = 'ZZ9';
    d.title = 'Test campaign';
    d.vinRanges = [{ model: 'IS 250', modelYear: 2014, wmi: 'JTH', vds: 'BF1D2', serialFrom: '5000000', serialTo: '5099999' }];
    const r = await app.dispatch('importBulletin', { fileName: 'zz9.json', content: JSON.stringify(d) });
    expect(r.ok).toBe(true);
    const { makeVin } = await import('../support/synthetic');
    expect(app.lookup.lookup({ vin: makeVin('JTH', 'BF1D2', 2014, '5012345') }).campaigns.map((c) => c.code)).toEqual(['ZZ9']);
    expect((await app.campaigns.list()).map((c) => c.code)).toContain('ZZ9');
  });

  test('a bad bulletin is rejected with field-level errors and nothing changes', async () => {
    const app = await testApp();
    const before = snapshot(app);
    const bad = newer23LJ01();
    bad.modelWindows[0].producedTo = '2022-12-32';
    bad.phaseChart.push({ window: 'NOPE', month: '2023-13', phase: '1' });
    const r = await app.dispatch('importBulletin', { fileName: 'bad.json', content: JSON.stringify(bad) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-bulletin');
    expect(r.error.message).toBe('bad.json was not imported: 3 problems in the file. Nothing was changed.');
    expect(r.error.details).toEqual([
      'modelWindows[0].producedTo: is not a real calendar date',
      'phaseChart[2].month: must be a month written YYYY-MM',
      'phaseChart[2].window: names window "NOPE", which is not in modelWindows',
    ]);
    expect(snapshot(app)).toEqual(before);
  });

  test('an older revision is refused and nothing changes', async () => {
    const app = await testApp();
    const before = snapshot(app);
    const old = lj01();
    old.revisionDate = '2023-12-21';
    const r = await app.dispatch('importBulletin', { fileName: 'old.json', content: JSON.stringify(old) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '23LJ01 revision 2023-12-21 is older than the loaded revision 2024-01-31; nothing was changed.' },
    });
    expect(snapshot(app)).toEqual(before);
  });

  test('a failure in the middle of writing rules rolls everything back', async () => {
    const app = await testApp();
    const before = snapshot(app);
    const { Bulletin } = await import('../../shared/bulletin');
    const b = Bulletin.parse(newer23LJ01());
    // Break the 5th window's insert after the campaign row and earlier rules were written.
    app.db.sqlite.exec(`CREATE TRIGGER boom BEFORE INSERT ON model_window_rules WHEN NEW.window_id = 'GX-JP' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => app.campaigns.upsert(b, 'imported')).toThrow(/disk trouble/);
    app.db.sqlite.exec('DROP TRIGGER boom');
    expect(snapshot(app)).toEqual(before);
    expect(app.lookup.lookup({ vin: 'JTHKPAAY4PA001234', model: 'LC', productionMonth: '2022-12' }).campaigns[0]!.source.revisionDate).toBe('2024-01-31');
  });

  test('unknown campaign in detail names the known ones', async () => {
    const app = await testApp();
    await expect(app.campaigns.detail('XYZ')).rejects.toThrowError(ApiError);
    const r = await app.dispatch('getCampaign', { code: 'xyz' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No campaign "XYZ" in the library.', details: ['Known campaigns: 23LJ01, ALE, BLC.'] },
    });
  });
});

describe('one database, several processes', () => {
  test("a bulletin imported by another process (the CLI) shows in an open window's answers", async () => {
    const file = tempDbPath();
    const window = await testApp({ dbPath: file, syncIntervalMs: 0 });
    const lc = { vin: 'JTHKPAAY4PA001234', model: 'LC', productionMonth: '2022-11' };
    expect(window.lookup.lookup(lc).campaigns[0]!.remedy.available).toBeNull();
    expect((await window.campaigns.list()).find((c) => c.code === '23LJ01')!.revisionDate).toBe('2024-01-31');

    const { cli } = await import('../support/cli');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'u.json'), JSON.stringify(newer23LJ01()));
    expect(cli(['import-bulletin', path.join(dir, 'u.json'), '--db', file]).code).toBe(0);

    expect(window.lookup.lookup(lc).campaigns[0]!.remedy).toMatchObject({ available: true, phase: '6' });
    expect((await window.campaigns.list()).find((c) => c.code === '23LJ01')!.revisionDate).toBe('2024-03-28');
  });
});

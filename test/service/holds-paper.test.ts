// The hold report and the follow-up list on paper and in CSV keep the screen's word (issues 16 and 18):
// Print / Save PDF carry the screen's search, filters, sort and per-vehicle grouping; the CSV says what
// the screen says (no internal codes); a 23LJ01 vehicle's hold names its CPOR state; a recall from
// NHTSA's file never says "verify in TIS". Real SQLite files, the real dispatch; clock 2026-11-23.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { FOLLOW_UP_CSV_HEADER, followUpCsv, HOLDS_CSV_HEADER, holdsCsv } from '../../shared/csv-out';
import type { RenderedForm } from '../../shared/forms/contract';
import { flatRows, followUpShown, holdsShown } from '../../shared/reports/view';
import { ok } from '../support/envelope';
import { call, importVehicles, LC } from '../support/lane';
import { ACCORD_2019, fixtureRows, writeRcl } from '../support/nhtsa';
import { makeVin } from '../support/synthetic';
import { tempDir, testApp } from '../support/tempdb';

const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };
const GS = (serial: number) => makeVin('JTH', 'BE96S', 2007, String(serial).padStart(7, '0'));
const RX = (serial: number) => makeVin('2T2', 'HA31U', 2005, String(serial).padStart(7, '0'));

async function dealer(): Promise<App> {
  const app = await testApp();
  await ok(app.dispatch('saveSettings', { dealer: DEALER }));
  return app;
}

/** Five GS 350s (ALE), two RX 330s (BLC) and an LC whose condition is unknown (23LJ01: two holds). */
async function stocked(app: App) {
  const lines = ['Stock #,VIN,Year,Model,Prod Date,New/Used'];
  for (let i = 0; i < 5; i++) lines.push(`A${i},${GS(7930 + i)},2007,GS 350,,U`);
  for (let i = 0; i < 2; i++) lines.push(`B${i},${RX(100_000 + i)},2005,RX 330,,N`);
  lines.push(`C0,${LC},2023,LC,12/22,`);
  await importVehicles(app, lines.join('\r\n'), 'add');
}

const html = async (app: App, req: object) => (await ok<RenderedForm>(app.dispatch('renderForm', req))).html;
/** The stock numbers of the table's lines, top to bottom. */
const stockColumn = (h: string) => [...h.matchAll(/(?<!<th>)<div class="ln">(\S*)/g)].map((m) => m[1]);

describe('Print / Save PDF follow the screen', () => {
  test("the campaign filter, the search and the sort: only the lines shown, in the screen's order", async () => {
    const app = await dealer();
    await stocked(app);
    const ale = await html(app, { kind: 'holds', view: { campaign: 'ALE', sort: { column: 'stock', descending: true } } });
    expect(stockColumn(ale)).toEqual(['A4', 'A3', 'A2', 'A1', 'A0']);
    expect(ale).not.toContain(LC);
    expect(ale).not.toMatch(/BLC \[|23LJ01 \[/);
    expect(ale).toMatch(/5 of 9 holds shown/);
    expect(ale).toMatch(/Campaign ALE/);
    const searched = await html(app, { kind: 'holds', view: { search: 'b1' } });
    expect(stockColumn(searched)).toEqual(['B1']);
    const saved = await ok<{ pages: number; pdfBase64: string }>(app.dispatch('saveFormPdf', { kind: 'holds', view: { campaign: 'BLC' } }));
    expect(saved.pages).toBe(1);
  });

  test('one line per hold, or one line per vehicle, as the screen shows them', async () => {
    const app = await dealer();
    await stocked(app);
    const flat = await html(app, { kind: 'holds', view: { campaign: '23LJ01' } });
    expect(stockColumn(flat)).toEqual(['C0', 'C0']);
    const grouped = await html(app, { kind: 'holds', view: { campaign: '23LJ01', grouped: true } });
    expect(stockColumn(grouped)).toEqual(['C0']);
    expect(grouped).toMatch(/1 vehicle with holds shown/);
  });

  test("the follow-up list: booked guests left out as on screen, the phone searched, the screen's sort", async () => {
    const app = await dealer();
    const lines = ['VIN,Model,Customer Name,Phone,Last Service'];
    for (let i = 0; i < 4; i++) lines.push(`${GS(8000 + i)},GS 350,Guest ${i},555-010${i},2024-0${i + 1}-01`);
    lines.push(`${RX(100_000)},RX 330,Booked Guest,555-0199,2024-06-01`);
    await importVehicles(app, lines.join('\r\n'), 'none');
    await call(app, 'bookAppointment', { vin: RX(100_000), campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    expect(await html(app, { kind: 'followup' })).toContain('Booked Guest');
    const toCall = await html(app, { kind: 'followup', view: { booked: 'not-booked' } });
    expect(toCall).not.toContain('Booked Guest');
    expect(toCall).toMatch(/4 of 5 open campaigns shown<\/strong> · as on screen: not booked \(to call\)/);
    const list = await html(app, { kind: 'followup', view: { booked: 'not-booked', sort: { column: 'service', descending: false } } });
    expect([...list.matchAll(/Guest (\d)/g)].map((m) => m[1])).toEqual(['0', '1', '2', '3']);
    const byPhone = await html(app, { kind: 'followup', view: { search: '5550102' } });
    expect([...byPhone.matchAll(/<td>(Guest \d)<\/td>/g)].map((m) => m[1])).toEqual(['Guest 2']);
  });
});

describe('the CSV says what the screen says', () => {
  test('hold, condition, certainty and needs in words, never the internal codes', async () => {
    const app = await dealer();
    await stocked(app);
    const report = await call(app, 'holdReport', {});
    const csv = holdsCsv({ ...report, holds: [...flatRows(holdsShown(report.holds, { campaign: 'ALE' }))] }).split('\r\n');
    expect(csv[0]).toBe(HOLDS_CSV_HEADER.join(','));
    expect(csv.filter(Boolean)).toHaveLength(6);
    expect(csv[1]).toMatch(/^A0,JTHBE96S.{9},GS 350,2007,Used,ALE,Valve Spring,Do not deliver until remedied,Verify in TIS,Not yet,,/);
    expect(csv.join('\n')).not.toMatch(/do-not-deliver|,used,|,verify,/);
    const lc = holdsCsv({ ...report, holds: [...flatRows(holdsShown(report.holds, { campaign: '23LJ01' }))] });
    expect(lc).toMatch(/Condition unknown/);
    const follow = await call(app, 'followUpList', {});
    expect(followUpCsv({ ...follow, rows: [...flatRows(followUpShown(follow.rows, {}))] }).split('\r\n')[0]).toBe(FOLLOW_UP_CSV_HEADER.join(','));
  });
});

describe("a 23LJ01 vehicle's CPOR state on the hold report", () => {
  test('on paper and in the CSV: to place, then on order since the day the reference was entered', async () => {
    const app = await dealer();
    const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`].join('\r\n');
    const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
    await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
    await importVehicles(app, ['Stock #,VIN,Year,New/Used', `S1,${LC},2023,U`].join('\r\n'), 'add');
    const [order] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded;
    expect(await html(app, { kind: 'holds' })).toContain('key 04002-78010 to place in CPOR since 2026-11-23 (no CPOR reference yet)');
    await call(app, 'setCporReference', { id: order!.id, reference: 'CP-123', by: 'Pat' });
    expect(await html(app, { kind: 'holds', view: { campaign: '23LJ01' } })).toContain('key 04002-78010 on order since 2026-11-23 (CPOR CP-123)');
    const report = await call(app, 'holdReport', {});
    expect(HOLDS_CSV_HEADER).toContain('Part (CPOR)');
    expect(holdsCsv(report)).toContain('key 04002-78010 on order since 2026-11-23 (CPOR CP-123)');
  });
});

describe("a recall from NHTSA's file on paper", () => {
  test('says verify by VIN at NHTSA, never "verify in TIS", and its source is NHTSA', async () => {
    const app = await dealer();
    const file = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows());
    const p = await ok<{ importId: string }>(app.dispatch('previewNhtsa', { path: file }));
    await app.jobs.wait((await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }))).jobId);
    await importVehicles(app, ['Stock #,VIN,Year,Model,New/Used', `H1,${ACCORD_2019},2019,Accord,U`, `A1,${GS(7930)},2007,GS 350,U`].join('\r\n'), 'add');
    const report = await call(app, 'holdReport', {});
    const honda = report.holds.filter((h) => h.vin === ACCORD_2019);
    expect(honda.length).toBeGreaterThan(0);
    expect(honda.every((h) => h.origin === 'nhtsa')).toBe(true);
    const paper = await html(app, { kind: 'holds', view: { search: 'H1', grouped: true } });
    expect(paper).not.toMatch(/verify in TIS/i);
    expect(paper).toMatch(/19V182000 \[\d\], verify by VIN at NHTSA/);
    expect(paper).toMatch(/\[\d\] 19V182000[^<]*:[^<]*<\/strong>[^<]*Source: NHTSA recall file/);
    const ale = await html(app, { kind: 'holds', view: { campaign: 'ALE' } });
    expect(ale).toMatch(/ALE \[\d\], verify in TIS/);
    expect(ale).toMatch(/Source: bulletin /);
    const csv = holdsCsv({ ...report, holds: honda });
    expect(csv).not.toMatch(/Verify in TIS/);
    expect(csv).toMatch(/Verify by VIN at NHTSA/);
  });
});

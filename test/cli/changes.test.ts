// The issue-15 commands through the built CLI: --dry-run with the impact for a bulletin, an affected-VIN
// list and a DMS file; `changes`; and `export-bulletin`, whose file gives the same lookups elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { flaggedCampaign } from '../support/bulletins';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const GS = (serial: string) => makeVin('JTH', 'BE96S', 2007, serial);
const IS = (serial: string) => makeVin('JTH', 'BE262', 2006, serial);

function write(name: string, content: string): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}
const run = (args: string[]) => {
  const r = cli(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
};
const json = (args: string[]) => JSON.parse(run(args).stdout);

/** A dealer with two used stock vehicles: a GS 350 (ALE) and an IS 350 (ALE, and ZDD once imported). */
function dealer(): string {
  const db = tempDbPath();
  const stock = ['VIN,Stock,Condition,Model', `${GS('0007930')},S-1,Used,GS 350`, `${IS('2000001')},S-2,Used,IS 350`].join('\n');
  run(['import-vehicles', write('stock.csv', stock), '--stock', 'add', '--db', db]);
  return db;
}

describe('--dry-run prints the impact beside the preview and writes nothing', () => {
  test('import-bulletin FILE --dry-run --json', () => {
    const db = dealer();
    const file = write('zdd.json', JSON.stringify(flaggedCampaign(['do-not-drive'])));
    const r = json(['import-bulletin', file, '--dry-run', '--json', '--db', db]);
    expect(r).toMatchObject({ code: 'ZDD', outcome: 'added', dryRun: true });
    expect(r.impact.holds.added).toEqual([
      expect.objectContaining({ vin: IS('2000001'), campaign: 'ZDD', hold: 'do-not-deliver-until-remedied', stockNumber: 'S-2', severity: ['do-not-drive'] }),
    ]);
    expect(r.impact).toMatchObject({ holds: { released: [] }, remedyNowAvailable: [], followup: { added: 0, removed: 0 } });
    expect(json(['lookup', IS('2000001'), '--json', '--db', db]).campaigns.map((c: { code: string }) => c.code)).toEqual(['ALE']);
    expect(json(['changes', '--json', '--db', db]).changes.map((c: { source: { kind: string } }) => c.source.kind)).toEqual(['vehicles']);

    // Applied: the same impact, the same outcome line as before on stdout, and lookup --json shows the flag.
    const applied = run(['import-bulletin', file, '--db', db]);
    expect(applied.stdout.trim()).toBe('ZDD Fuel Pump, revision 2025-03-01: added to the library.');
    expect(applied.stderr).toContain('Impact: 1 stock vehicle newly held, 0 released;');
    const hits = json(['lookup', IS('2000001'), '--json', '--db', db]).campaigns;
    expect(hits.map((c: { code: string; severity: string[] }) => [c.code, c.severity])).toEqual([
      ['ZDD', ['do-not-drive']],
      ['ALE', []],
    ]);
  });

  test('import-vins CAMPAIGN FILE --dry-run --json, then applied with the same impact', () => {
    const db = dealer();
    const list = write('tis.csv', `VIN\n${GS('0007930')}\n`);
    const dry = json(['import-vins', 'ALE', list, '--date', '2010-07-07', '--complete', '--dry-run', '--json', '--db', db]);
    expect(dry).toMatchObject({ campaign: { code: 'ALE' }, valid: 1, dryRun: true });
    // A complete list without S-2: its ALE hold is released; S-1 is newly confirmed.
    expect(dry.impact.holds.released.map((h: { vin: string; campaign: string }) => [h.vin, h.campaign])).toEqual([[IS('2000001'), 'ALE']]);
    expect(dry.impact.confirmed.added.map((h: { vin: string }) => h.vin)).toEqual([GS('0007930')]);
    expect(json(['lookup', GS('0007930'), '--json', '--db', db]).campaigns[0].certainty).toBe('verify');
    const applied = json(['import-vins', 'ALE', list, '--date', '2010-07-07', '--complete', '--json', '--db', db]);
    expect(applied.impact).toEqual(dry.impact);
    expect(applied.message).toBe('ALE: affected-VIN list of 2010-07-07 imported, 1 VINs.');
    expect(json(['lookup', GS('0007930'), '--json', '--db', db]).campaigns[0].certainty).toBe('confirmed');
  });

  test('import-vehicles FILE --dry-run --json', () => {
    const db = dealer();
    const file = write('stock2.csv', ['VIN,Stock,Condition,Model', `${GS('0007930')},S-1,Used,GS 350`].join('\n'));
    const dry = json(['import-vehicles', file, '--stock', 'replace', '--dry-run', '--json', '--db', db]);
    expect(dry).toMatchObject({ inStock: 'replace', stock: { leaving: 1 }, dryRun: true });
    expect(dry.impact.holds.released.map((h: { stockNumber: string }) => h.stockNumber)).toEqual(['S-2']);
    expect(json(['holds', '--json', '--db', db]).holds).toHaveLength(2);
  });
});

describe('recall-desk changes', () => {
  test('every applied import, newest first, with at, by, source and impact; --since filters', () => {
    const db = dealer();
    run(['import-bulletin', write('zdd.json', JSON.stringify(flaggedCampaign(['park-outside']))), '--db', db]);
    const all = json(['changes', '--json', '--db', db]).changes;
    expect(all.map((c: { source: { kind: string } }) => c.source.kind)).toEqual(['bulletin', 'vehicles']);
    expect(Object.keys(all[0]).sort()).toEqual(['at', 'by', 'impact', 'source']);
    expect(all[0]).toMatchObject({ by: null, source: { kind: 'bulletin', code: 'ZDD' } });
    expect(all[1].impact.holds.added.map((h: { stockNumber: string }) => h.stockNumber)).toEqual(['S-1', 'S-2']);
    expect(json(['changes', '--since', '2999-01-01', '--json', '--db', db]).changes).toEqual([]);
    const text = run(['changes', '--db', db]).stdout;
    expect(text).toContain('Bulletin ZDD Fuel Pump, revision 2025-03-01 (new campaign), from zdd.json');
    const bad = cli(['changes', '--since', 'yesterday', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since takes a date written YYYY-MM-DD');
  });
});

describe('recall-desk export-bulletin', () => {
  test('the newest revision in the bulletin format; imported into an empty database, the same lookups', () => {
    const a = dealer();
    run(['import-bulletin', write('zdd.json', JSON.stringify(flaggedCampaign(['stop-sale', 'do-not-drive']))), '--db', a]);
    const out = path.join(tempDir(), 'ZDD-export.json');
    expect(run(['export-bulletin', 'ZDD', '--out', out, '--db', a]).stdout).toContain('ZDD revision 2025-03-01 written to');
    const exported = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(exported).toMatchObject({ format: 'recall-desk/bulletin@1', code: 'ZDD', severity: ['stop-sale', 'do-not-drive'], nhtsaRecallNumber: '25V123' });

    const b = tempDbPath();
    expect(run(['import-bulletin', out, '--db', b]).stdout).toContain('ZDD Fuel Pump, revision 2025-03-01: added to the library.');
    for (const vin of [IS('2000001'), IS('5000018'), IS('2007085'), GS('0007930')]) {
      const hits = (db: string) => json(['lookup', vin, '--model', 'IS 350', '--json', '--db', db]).campaigns.filter((c: { code: string }) => c.code === 'ZDD');
      expect(hits(b)).toEqual(hits(a).map((h: { stockHolds: unknown[] }) => ({ ...h, stockHolds: [] })));
    }
    const missing = cli(['export-bulletin', 'NOPE', '--out', out, '--db', a]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No campaign "NOPE" in the library.');
  });
});

// Issue 18 through the built CLI: `import-nhtsa FILE [--dry-run] [--json]` on NHTSA's file (both
// vintages, the .txt and the .zip, Windows-1252 text, a row cut over lines), exit 2 on another file, a
// newer file replacing the older; `lookup VIN --json` with NHTSA's recalls as "verify" campaign entries;
// the Lexus row naming a library bulletin adding its NHTSA number to that card; the hold report.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { addAccount, CLI, cli } from '../support/cli';
import { type LanHost, serveLan } from '../support/lan';
import { ACCORD_2019, fixtureRows, rclText, windows1252, withCheckDigit, writeRcl, writeZip } from '../support/nhtsa';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const run = (args: string[], env: Record<string, string> = {}) => {
  const r = cli(args, env);
  if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
};
const json = (args: string[], env: Record<string, string> = {}) => JSON.parse(run(args, env).stdout);
const GS = makeVin('JTH', 'BE96S', 2007, '0007930');

describe('import-nhtsa', () => {
  test('counts rows read, vehicle rows kept and refused rows by reason; a cut row is joined back; nothing written on --dry-run', () => {
    const dir = tempDir();
    const db = tempDbPath();
    const file = writeRcl(dir, 'FLAT_RCL_POST_2010.txt', fixtureRows());
    const r = json(['import-nhtsa', file, '--dry-run', '--json', '--db', db]);
    expect(r).toMatchObject({ fileName: 'FLAT_RCL_POST_2010.txt', part: 'current', fields: 29, rowsRead: 9, kept: 7, rejoined: 1, dryRun: true });
    expect(r.refused).toEqual([
      { reason: 'not-vehicle', text: expect.stringMatching(/not a vehicle record/), count: 1 },
      { reason: 'year', text: expect.stringMatching(/model year unknown/), count: 1 },
    ]);
    expect(r.impact).toMatchObject({ holds: { added: [], released: [] } });
    // The dry run wrote nothing: the lookup has no NHTSA recall.
    expect(json(['lookup', ACCORD_2019, '--json', '--db', db]).campaigns).toEqual([]);

    const text = run(['import-nhtsa', file, '--db', db]).stdout;
    expect(text).toMatch(/rows read: +9/);
    expect(text).toMatch(/vehicle rows kept: +7 \(1 of them cut over several lines, joined back\)/);
    expect(text).toMatch(/1 {2}not a vehicle record/);
    expect(text).toMatch(/Imported NHTSA's recall file FLAT_RCL_POST_2010.txt: 7 vehicle rows kept of 9 read/);
  });

  test('the .zip as downloaded and the older 27-field vintage read alike; Windows-1252 text arrives as written', () => {
    const dir = tempDir();
    const db = tempDbPath();
    const zip = writeZip(path.join(dir, 'FLAT_RCL_POST_2010.zip'), 'FLAT_RCL_POST_2010.txt', windows1252(rclText(fixtureRows(27), 27)));
    const r = json(['import-nhtsa', zip, '--json', '--db', db]);
    expect(r).toMatchObject({ fields: 27, rowsRead: 9, kept: 7, rejoined: 1, dryRun: false });
    const hits = json(['lookup', ACCORD_2019, '--json', '--db', db]).campaigns;
    const airbag = hits.find((h: { code: string }) => h.code === '19V182000');
    expect(airbag.nhtsa.summary).toBe('The driver’s air bag inflator may rupture (“explode”).');
    // The older vintage has no flag columns: no flag is claimed.
    expect(airbag.severity).toEqual([]);
    expect(airbag.nhtsa.doNotDrive).toBe(false);
  });

  test('a file that is not NHTSA layout exits 2 saying what was expected; nothing is written', () => {
    const dir = tempDir();
    const db = tempDbPath();
    const csv = path.join(dir, 'stock.csv');
    fs.writeFileSync(csv, 'VIN,Stock,Model\n1HGCV1F38KA000123,S-1,Accord\n');
    const r = cli(['import-nhtsa', csv, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stock.csv is not NHTSA's recall file: its first line has 1 field/);
    expect(r.stderr).toMatch(/tab-separated rows of 29 fields \(27 in files from before May 2025\)/);
    expect(r.stderr).not.toMatch(/at .*\.cjs/);
    const zip = writeZip(path.join(dir, 'other.zip'), 'readme.pdf', Buffer.from('%PDF'));
    const z = cli(['import-nhtsa', zip, '--db', db]);
    expect(z.code).toBe(2);
    expect(z.stderr).toMatch(/holds no \.txt file \(it holds readme\.pdf\)/);
  });

  test('a newer file replaces the older import of its part; the pre-2010 file is kept beside it', () => {
    const dir = tempDir();
    const db = tempDbPath();
    run(['import-nhtsa', writeRcl(dir, 'FLAT_RCL_POST_2010.txt', fixtureRows()), '--db', db]);
    run(['import-nhtsa', writeRcl(dir, 'FLAT_RCL_PRE_2010.txt', [{ campaign: '05V100000', make: 'HONDA', model: 'ACCORD', year: '2005' }]), '--db', db]);
    const newer = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', [{ campaign: '21V001000', make: 'HONDA', model: 'ACCORD', year: '2019' }]);
    const r = json(['import-nhtsa', newer, '--json', '--db', db]);
    expect(r.replaces).toMatchObject({ fileName: 'FLAT_RCL_POST_2010.txt', rowsKept: 7 });
    const codes = json(['lookup', ACCORD_2019, '--json', '--db', db]).campaigns.map((h: { code: string }) => h.code);
    expect(codes).toEqual(['21V001000']);
    const old = json(['lookup', withCheckDigit('1HGCM56305A000123'), '--model', 'Accord', '--json', '--db', db]).campaigns;
    expect(old.map((h: { code: string }) => h.code)).toEqual(['05V100000']);
    const changes = run(['changes', '--db', db]).stdout;
    expect(changes).toMatch(/NHTSA's recall file \(1 vehicle rows, newest report 2019-04-15\), from FLAT_RCL_POST_2010.txt/);
  });
});

describe('lookup with NHTSA data', () => {
  const imported = () => {
    const db = tempDbPath();
    run(['import-nhtsa', writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', fixtureRows()), '--db', db]);
    return db;
  };

  test("a 2019 Honda Accord gets NHTSA's recalls as verify entries, the do-not-drive one first", () => {
    const db = imported();
    const r = json(['lookup', ACCORD_2019, '--json', '--db', db]);
    expect(r.decoded).toMatchObject({ make: 'Honda', model: 'Accord' });
    expect(r.campaigns.map((h: { code: string }) => h.code)).toEqual(['19V182000', '20V100000', '18V001000', '19V500000']);
    const [first] = r.campaigns;
    expect(first).toMatchObject({
      code: '19V182000',
      certainty: 'verify',
      severity: ['do-not-drive'],
      nhtsaRecallNumber: '19V182000',
      nhtsa: {
        campaign: '19V182000',
        manufacturerCampaign: null,
        component: 'AIR BAGS:FRONTAL:DRIVER SIDE:INFLATOR MODULE',
        summary: 'The driver’s air bag inflator may rupture (“explode”).',
        consequence: 'Metal fragments may strike the driver.',
        remedy: 'Dealers will replace the inflator.',
        doNotDrive: true,
        parkOutside: false,
      },
    });
    expect(first.certaintyReason).toBe("NHTSA's file lists recalls by model and year, not by VIN: verify this VIN at NHTSA or with the manufacturer");
    expect(r.campaigns[1]).toMatchObject({ code: '20V100000', severity: ['park-outside'] });
    const text = run(['lookup', ACCORD_2019, '--db', db]).stdout;
    expect(text).toMatch(/19V182000/);
  });

  test('a known production month narrows by the production dates; model names match across case and spaces', () => {
    const db = imported();
    const codes = (args: string[]) => json(['lookup', ...args, '--json', '--db', db]).campaigns.map((h: { code: string }) => h.code);
    // 2019-01 is inside 19V182000's dates and outside 18V001000's (2017-01 to 2017-06).
    expect(codes([ACCORD_2019, '--produced', '2019-01'])).toEqual(['19V182000', '20V100000', '19V500000']);
    expect(codes([ACCORD_2019, '--produced', '2019-06'])).toEqual(['20V100000', '19V500000']);
    // NHTSA writes RX350, the counter "rx 350".
    expect(codes([withCheckDigit('2T2BK1BA0AC000123'), '--model', 'rx 350'])).toContain('22V777000');
  });

  test('where no model matches, the answer names the models NHTSA lists for the make and year', () => {
    const db = imported();
    const r = json(['lookup', ACCORD_2019, '--model', 'Odyssey', '--json', '--db', db]);
    expect(r.campaigns).toEqual([]);
    expect(r.nhtsa.modelsListed).toEqual(['ACCORD', 'CIVIC']);
    expect(r.nhtsa.text).toMatch(/no recall for a 2019 Honda Odyssey.*ACCORD, CIVIC/);
  });

  test("a Lexus row naming a library bulletin adds NHTSA's number to the bulletin's card: one card, not two", () => {
    const db = imported();
    const r = json(['lookup', GS, '--json', '--db', db]);
    const ale = r.campaigns.filter((h: { code: string; nhtsaRecallNumber: string | null }) => h.code === 'ALE' || h.nhtsaRecallNumber === '07V999000');
    expect(ale).toHaveLength(1);
    expect(ale[0]).toMatchObject({ code: 'ALE', nhtsaRecallNumber: expect.any(String), nhtsa: { campaign: '07V999000', manufacturerCampaign: 'ALE' } });
  });

  test('a used Honda in stock is on the hold report: do-not-drive first (do not deliver), the others "check by VIN before delivery"', () => {
    const db = imported();
    const stock = path.join(tempDir(), 'stock.csv');
    fs.writeFileSync(stock, `VIN,Stock,Condition,Model\n${ACCORD_2019},U-77,Used,Accord\n`);
    run(['import-vehicles', stock, '--stock', 'add', '--db', db]);
    const holds = json(['holds', '--json', '--db', db]).holds.filter((h: { vin: string }) => h.vin === ACCORD_2019);
    expect(holds.map((h: { code: string; hold: string }) => [h.code, h.hold])).toEqual([
      ['19V182000', 'do-not-deliver-until-remedied'],
      ['20V100000', 'check-by-vin-before-delivery'],
      ['18V001000', 'check-by-vin-before-delivery'],
      ['19V500000', 'check-by-vin-before-delivery'],
    ]);
    expect(holds[0].reason).toMatch(/do not test-drive/);
    expect(holds[1].reason).toMatch(/^Check by VIN before delivery/);
  });
});

describe('import-nhtsa from a desk (serve --lan)', () => {
  const hosts: LanHost[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.stop();
  });

  test("a desk sends NHTSA's file to the sharing PC in pieces; the host imports it as it would its own", async () => {
    const db = tempDbPath();
    addAccount(db, 'Dana Admin', 'admin', 'admin-pw-1');
    const host = await serveLan(CLI, db);
    hosts.push(host);
    const zip = writeZip(path.join(tempDir(), 'FLAT_RCL_POST_2010.zip'), 'FLAT_RCL_POST_2010.txt', windows1252(rclText(fixtureRows())));
    const env = { XDG_CONFIG_HOME: tempDir(), RECALL_DESK_DB: '', RECALL_DESK_PASSWORD: 'admin-pw-1' };
    const r = cli(['--server', host.url, '--fingerprint', host.fingerprint, '--user', 'Dana Admin', 'import-nhtsa', zip], env);
    expect(r.stderr).not.toMatch(/at .*\.(ts|cjs):\d+/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/sending FLAT_RCL_POST_2010.zip: [\d,]+ \/ [\d,]+ bytes/);
    expect(r.stdout).toMatch(/vehicle rows kept: +7/);
    expect(r.stdout).toMatch(/Imported NHTSA's recall file FLAT_RCL_POST_2010.zip: 7 vehicle rows kept of 9 read/);
    // Read by the host from the copy sent (its uploads folder beside its database), and that copy gone.
    const uploads = path.join(path.dirname(db), 'nhtsa-uploads');
    expect(fs.readdirSync(uploads).flatMap((d) => fs.readdirSync(path.join(uploads, d)))).toEqual([]);
    const there = json(['--server', host.url, '--fingerprint', host.fingerprint, '--user', 'Dana Admin', 'lookup', ACCORD_2019, '--json'], env);
    expect(there.campaigns.map((h: { code: string }) => h.code)).toContain('19V182000');
  }, 120_000);
});

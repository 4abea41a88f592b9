// The recall-desk CLI: the JSON contract of lookup, exit codes, and every command once.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { CLI, ROOT, cli } from '../support/cli';
import { tempDbPath, tempDir } from '../support/tempdb';

describe('lookup', () => {
  test('--json prints the contract: vin, modelYear, checkDigitValid, warnings, campaigns[...]', () => {
    const db = tempDbPath();
    const r = cli(['lookup', 'IJTHBE96S170007930', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ vin: 'JTHBE96S170007930', modelYear: 2007, checkDigitValid: true, warnings: [] });
    expect(out.campaigns).toHaveLength(1);
    const ale = out.campaigns[0];
    expect(ale).toMatchObject({ code: 'ALE', title: 'Valve Spring', certainty: 'verify', needs: [] });
    expect(ale.remedy.available).toBe(false);
    expect(ale.remedy.timing).toMatch(/late July 2010/);
    expect(ale.actions.length).toBeGreaterThan(0);
    expect(ale.source).toMatchObject({ revisionDate: '2010-07-06' });
    expect(ale.source.bulletin).toMatch(/ALE/);
    expect(fs.existsSync(db)).toBe(true);
  });

  test('--model and --produced answer what a campaign needs', () => {
    const db = tempDbPath();
    const vin = 'JTHKPAAY4PA001234';
    const asked = JSON.parse(cli(['lookup', vin, '--json', '--db', db]).stdout).campaigns[0];
    expect(asked).toMatchObject({ code: '23LJ01', needs: ['model', 'productionMonth'], remedy: { available: null } });
    const answered = JSON.parse(cli(['lookup', vin, '--model', 'LC', '--produced', '2022-12', '--json', '--db', db]).stdout).campaigns[0];
    expect(answered).toMatchObject({ code: '23LJ01', needs: [], remedy: { available: true, phase: '1' } });
  });

  test('a VIN nothing applies to: exit 0, empty campaigns', () => {
    const r = cli(['lookup', '1HGCM82633A004352', '--json', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).campaigns).toEqual([]);
  });

  test('check-digit mismatch: exit 0 with the warning', () => {
    const r = cli(['lookup', 'JTHBE96S570007930', '--json', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.checkDigitValid).toBe(false);
    expect(out.warnings[0]).toMatch(/calls for "1"/);
  });

  test('a bad VIN: exit 2, the reason on stderr, nothing on stdout', () => {
    const r = cli(['lookup', 'JTHBE96S17OOO7930', '--json', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Position 11: "O" never appears in a VIN; did you mean "0"\?/);
    // Each position said once: the first reason is the message, not also a detail under it.
    expect(r.stderr.match(/Position \d+: "O" never appears in a VIN/g)).toEqual([11, 12, 13].map((p) => `Position ${p}: "O" never appears in a VIN`));
  });

  test('a bad production month: exit 2 with how to write it', () => {
    const r = cli(['lookup', 'JTHKPAAY4PA001234', '--produced', 'Dec 2022', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('--produced "Dec 2022" is not a month. Write the production month as on the door-jamb label, e.g. 12/22, or as 2022-12.');
  });

  test('the door-jamb form MM/YY is accepted', () => {
    const r = cli(['lookup', 'JTHKPAAY4PA001234', '--model', 'LC', '--produced', '12/22', '--json', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ productionMonth: '2022-12', campaigns: [{ code: '23LJ01', remedy: { phase: '1' } }] });
  });

  test('human output names the campaign, certainty, remedy, next steps and source age', () => {
    const r = cli(['lookup', 'JTHBE96S170007930', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ALE {2}Valve Spring {2}\[Safety recall\] {2}VERIFY {2}REMEDY NOT YET AVAILABLE$/m);
    expect(r.stdout).toMatch(/Next:\n {4}- Confirm coverage through TIS/);
    expect(r.stdout).toMatch(/revision 2010-07-06 \(\d+ years old\)/);
  });
});

describe('other commands', () => {
  test('campaigns --json lists the library', () => {
    const r = cli(['campaigns', '--json', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((c: { code: string }) => c.code)).toEqual(['23LJ01', 'ALE', 'BLC']);
  });

  test('import-bulletin: a good file is added; a bad one exits 2 naming fields; the library is unchanged', () => {
    const db = tempDbPath();
    const dir = tempDir();
    const good = structuredClone(BUILT_IN_DOCUMENTS[0]) as Record<string, any>;
    good.revisionDate = '2012-03-01';
    good.revisionLabel = 'Second follow-up';
    fs.writeFileSync(path.join(dir, 'blc.json'), JSON.stringify(good));
    const ok = cli(['import-bulletin', path.join(dir, 'blc.json'), '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe("BLC Driver's Side Floor Carpet Cover and Retention Clips, revision 2012-03-01: updated from revision 2011-12-19.");

    const bad = { ...good, revisionDate: '2013-01-01', kind: 'recall', phases: [] };
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const no = cli(['import-bulletin', path.join(dir, 'bad.json'), '--db', db]);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/bad.json was not imported: 2 problems/);
    expect(no.stderr).toMatch(/kind: /);
    expect(no.stderr).toMatch(/phases: must list at least one phase/);
    const list = JSON.parse(cli(['campaigns', '--json', '--db', db]).stdout);
    expect(list.find((c: { code: string }) => c.code === 'BLC').revisionDate).toBe('2012-03-01');
  });

  test('import-bulletin of a missing file: exit 2', () => {
    const r = cli(['import-bulletin', '/nonexistent/x.json', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read \/nonexistent\/x.json: no such file/);
  });

  test('usage errors exit 2 with the usage', () => {
    expect(cli([]).code).toBe(2);
    const r = cli(['frobnicate', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(cli(['lookup', '--db', tempDbPath()]).stderr).toMatch(/lookup needs one VIN/);
    expect(cli(['lookup', 'X', '--colour']).code).toBe(2);
    expect(cli(['--help']).code).toBe(0);
  });

  test("an option the command does not take exits 2 with that command's usage", () => {
    const r = cli(['campaigns', '--stock', 'add', '--port', '7', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/campaigns does not take the option --stock/);
    expect(r.stderr).toMatch(/Usage: recall-desk campaigns \[options\]/);
    expect(r.stderr).not.toMatch(/import-vins/);
    expect(r.stdout).toBe('');
    const extra = cli(['holds', 'now', '--db', tempDbPath()]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/too many arguments for 'holds'/);
  });

  test("help COMMAND and COMMAND --help print that command's usage and exit 0", () => {
    for (const args of [
      ['help', 'import-vins'],
      ['import-vins', '--help'],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: recall-desk import-vins \[options\] <CAMPAIGN> <FILE>/);
      expect(r.stdout).toMatch(/--partial/);
      expect(r.stdout).toMatch(/--db <path>/);
    }
  });

  test('RECALL_DESK_DB chooses the database when --db is absent', () => {
    const db = tempDbPath();
    expect(cli(['campaigns'], { RECALL_DESK_DB: db }).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });

  test('the npm bin runs the same CLI', () => {
    const r = cli(['campaigns', '--db', tempDbPath()]);
    const viaBin = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'recall-desk.cjs'), 'campaigns', '--db', tempDbPath()], { encoding: 'utf8' });
    expect(viaBin.status).toBe(0);
    expect(viaBin.stdout.split('\n')[1]).toBe(r.stdout.split('\n')[1]);
  });

  test('serve prints a tokened loopback URL, answers with the token, refuses without, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', tempDbPath()], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
        setTimeout(() => reject(new Error('no URL printed')), 20_000);
      });
      const u = new URL(url);
      const token = u.hash.slice('#token='.length);
      const call = (headers: Record<string, string>) =>
        fetch(`${u.origin}/api/listCampaigns`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
      expect((await call({})).status).toBe(401);
      const ok = await call({ 'x-recall-desk-token': token });
      expect(ok.status).toBe(200);
      expect((await ok.json()).data).toHaveLength(3);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('serve --port rejects a bad port', () => {
    const r = cli(['serve', '--port', 'eighty', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be a number/);
  });
});

// Long CLI outputs stream: `check` of a big VIN list runs in a small heap (the whole answer used to be
// one string: "Invalid string length" above about 180,000 VINs, 1 GB at 200,000), and `holds` and
// `followup` print, record by record, the very report the services answer.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, test } from 'vitest';
import { CLI, cli } from '../support/cli';
import { serviceCsv, stockCsv, vinListLines } from '../support/synthetic';
import { existingDbPath, tempDbPath, tempDir, testApp } from '../support/tempdb';

function write(name: string, content: string): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

describe('check streams its answers', () => {
  test('200,000 VINs with --json in a 48 MB heap: a valid JSON array of 200,000 answers, in the order of the file', async () => {
    const vins = [...vinListLines(200_000)];
    const file = write('vins.txt', `VIN\n${vins.join('\n')}\n`);
    // 48 MB of heap: today's code, which builds the whole answer first, dies at about 30,000 VINs with it.
    const child = spawn(process.execPath, ['--max-old-space-size=48', CLI, 'check', file, '--json', '--db', existingDbPath()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));

    // The output is read as it comes, one answer a line, and each answer parsed: never the whole at once.
    let lineNo = 0;
    let answers = 0;
    let withCampaigns = 0;
    let closed = false;
    for await (const line of readline.createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      lineNo++;
      if (lineNo === 1) {
        expect(line).toBe('[');
        continue;
      }
      if (line === ']') {
        closed = true;
        continue;
      }
      expect(closed).toBe(false);
      expect(line.startsWith(',')).toBe(answers > 0);
      const answer = JSON.parse(answers > 0 ? line.slice(1) : line);
      if (answer.vin !== vins[answers]) expect(answer.vin).toBe(vins[answers]);
      if (answer.campaigns.length > 0) withCampaigns++;
      answers++;
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(closed).toBe(true);
    expect(answers).toBe(200_000);
    // One VIN in ten is a vehicle some campaign covers.
    expect(withCampaigns).toBeGreaterThanOrEqual(20_000);
  }, 180_000);

  test('text: one line per VIN; bad lines go to stderr with their line number; a quote never swallows the lines after it', () => {
    const vins = [...vinListLines(30_000)];
    // A CSV whose quoted note spans two lines, far enough in to cross the reader's 16 KB blocks: VIN lists are
    // read line by line (as the imports read them), so the quote's own line is reported and no VIN is lost.
    const lines = ['Note,VIN', ...vins.map((v, i) => (i === 4_000 ? `"two\nlines",${v}` : i === 9_000 ? 'oops,not-a-vin' : `,${v}`))];
    const file = write('vins.csv', `${lines.join('\n')}\n`);
    const r = cli(['check', file, '--db', existingDbPath()]);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(29_999);
    expect(out[0]!.startsWith(vins[0]!)).toBe(true);
    expect(out[4_000]!.startsWith(vins[4_000]!)).toBe(true);
    expect(out.at(-1)!.startsWith(vins.at(-1)!)).toBe(true);
    // Header line 1, VIN i on line i + 2, and the quoted note adds a line from VIN 4,000 on.
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^line 4002: /);
    expect(r.stderr).toMatch(/\nline 9003: /);
  }, 60_000);

  test('a reader that stops early (| head) ends the command quietly: exit 0, nothing on stderr', async () => {
    const file = write('vins.txt', `${[...vinListLines(100_000)].join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'check', file, '--json', '--db', existingDbPath()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    child.stdout.destroy();
    expect(first.startsWith('[\n{')).toBe(true);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);

  test('a missing file or a folder: exit 2 with the reason', () => {
    const missing = cli(['check', path.join(tempDir(), 'nope.txt'), '--db', tempDbPath()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.txt: no such file\./);
    const folder = cli(['check', tempDir(), '--db', tempDbPath()]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/it is a folder, not a file/);
    // A device or a pipe is no folder: the reason says what it is and what to do.
    const device = cli(['check', '/dev/null', '--db', tempDbPath()]);
    expect(device.code).toBe(2);
    expect(device.stderr).toMatch(/Cannot read \/dev\/null: it is not a file \(a device or a pipe\): save the list to a file and check that\./);
  });
});

describe('holds and followup print the services’ report, record by record', () => {
  test('--json is the same object as the API answer; --csv and text have one record per hold', async () => {
    const db = tempDbPath();
    // Small enough for the test's 1 MB output buffer; the streaming itself is the check test's.
    expect(cli(['import-vehicles', write('stock.csv', stockCsv(1_000)), '--stock', 'add', '--db', db]).code).toBe(0);
    expect(cli(['import-vehicles', write('service.csv', serviceCsv(1_000, 1_000)), '--db', db]).code).toBe(0);
    const app = await testApp({ dbPath: db, now: () => new Date() });
    const holds = await app.dispatch('holdReport', {});
    const followUp = await app.dispatch('followUpList', { campaign: 'ALE' });
    if (!holds.ok || !followUp.ok) throw new Error('the services did not answer');

    const printed = cli(['holds', '--json', '--db', db]);
    expect(printed.stderr).toBe('');
    const json = JSON.parse(printed.stdout);
    expect(Object.keys(json).sort()).toEqual(['generatedAt', 'holds', 'perCampaign', 'vehiclesHeld', 'vehiclesInStock']);
    expect({ ...json, generatedAt: null }).toEqual({ ...(holds.data as object), generatedAt: null });
    expect(json.holds).toHaveLength(1_000);

    const list = JSON.parse(cli(['followup', '--campaign', 'ALE', '--json', '--db', db]).stdout);
    expect({ ...list, generatedAt: null }).toEqual({ ...(followUp.data as object), generatedAt: null });
    expect(list.rows.length).toBeGreaterThan(500);

    const csv = cli(['holds', '--csv', '--db', db]).stdout;
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1_001);
    const text = cli(['holds', '--db', db]).stdout;
    expect(text).toMatch(/^1,000 of 1,000 vehicles in stock have holds\./);
    expect(text.match(/^S\d{6} {2}/gm)).toHaveLength(1_000);
    const followCsv = cli(['followup', '--csv', '--db', db]).stdout.split('\r\n').filter(Boolean);
    expect(followCsv).toHaveLength(1_001);
  }, 120_000);

  test('an empty report is still the whole object', () => {
    const db = tempDbPath();
    expect(JSON.parse(cli(['holds', '--json', '--db', db]).stdout)).toMatchObject({ vehiclesInStock: 0, vehiclesHeld: 0, holds: [], perCampaign: [] });
    expect(JSON.parse(cli(['followup', '--json', '--db', db]).stdout)).toMatchObject({ vehiclesServiced: 0, rows: [], perCampaign: [] });
  });
});

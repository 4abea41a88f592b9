// Files as DMSs and spreadsheets really write them: Windows-1252 ("CSV" from an old DMS), UTF-16 with a
// BOM ("Unicode text" from Excel), UTF-8 with or without a BOM. Each is read in its own encoding, and the
// preview says which; "José" stays "José". Through the built CLI, on real database files.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));

function write(name: string, bytes: Buffer): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, bytes);
  return f;
}
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

test('a Windows-1252 DMS export: "José Núñez" stays whole, and the preview says Windows-1252', () => {
  const db = tempDbPath();
  const text = `VIN,Customer,Phone,Last Service\r\n${ALE(7930)},José Núñez – Ærø,555-0100,04/01/2024\r\n`;
  // Windows-1252: é ñ Æ ø are one byte each, the en dash is 0x96.
  const bytes = Buffer.from(text.replace('–', '\u0096'), 'latin1');
  expect(bytes.includes(0x96)).toBe(true);
  const r = cli(['import-vehicles', write('dms.csv', bytes), '--db', db]);
  expect(r.stderr).toContain('Read as Windows-1252.');
  expect(r.code).toBe(0);
  const csv = cli(['followup', '--csv', '--db', db]).stdout;
  expect(csv).toContain('José Núñez – Ærø');
  expect(csv).not.toContain('\uFFFD');
});

test.each([
  ['UTF-16 (little-endian)', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
  ['UTF-16 (big-endian)', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)])],
  ['UTF-8 with a BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
  ['UTF-8', (s: string) => Buffer.from(s, 'utf8')],
])('an affected-VIN list in %s is read, and the preview says so', (label, encode) => {
  const db = tempDbPath();
  const text = `VIN,Phase,Note\r\n${ALE(1)},1,Überprüft\r\n${ALE(2)},1,José\r\n${ALE(3)},1,ok\r\n`;
  const r = cli(['import-vins', 'ALE', write('tis.csv', encode(text)), '--date', '2010-07-07', '--db', db]);
  expect(r.stderr).toContain(`Read as ${label}.`);
  expect(r.stderr).toContain('3 rows read: 3 valid, 0 duplicates, 0 invalid.');
  expect(r.code).toBe(0);
  const a = JSON.parse(cli(['lookup', ALE(2), '--json', '--db', db]).stdout);
  expect(a.campaigns[0]).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
});

test.each([
  ['UTF-16 LE with a BOM', 'UTF-16 (little-endian)', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
  ['UTF-16 BE with a BOM', 'UTF-16 (big-endian)', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)])],
  ['UTF-16 LE without a BOM', 'UTF-16 (little-endian)', (s: string) => Buffer.from(s, 'utf16le')],
  ['UTF-8 with a BOM', 'UTF-8 with a BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
  ['Windows-1252', 'Windows-1252', (s: string) => Buffer.from(s, 'latin1')],
])('check reads a VIN list in %s as the imports do, and says so', (_name, label, encode) => {
  const db = tempDbPath();
  expect(cli(['import-vins', 'ALE', write('tis.txt', Buffer.from(`${ALE(1)}\n${ALE(2)}\n`)), '--db', db]).code).toBe(0);
  const r = cli(['check', write('one.txt', encode(`${ALE(2)}\r\n${ALE(9)},Núñez\r\n`)), '--json', '--db', db]);
  expect(r.stderr).toBe(`Read as ${label}.\n`);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.map((x: { vin: string }) => x.vin)).toEqual([ALE(2), ALE(9)]);
  expect(out[0].campaigns).toContainEqual(expect.objectContaining({ code: 'ALE', certainty: 'confirmed' }));
});

test('check of a plain UTF-8 (ASCII) list keeps stderr for what needs attention', () => {
  const db = tempDbPath();
  expect(cli(['import-vins', 'ALE', write('tis.txt', Buffer.from(`${ALE(1)}\n`)), '--db', db]).code).toBe(0);
  const r = cli(['check', write('one.txt', Buffer.from(`${ALE(2)}\n`)), '--json', '--db', db]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toHaveLength(1);
});

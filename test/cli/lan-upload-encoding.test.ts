// A file uploaded from a desk is read on the sharing PC in the encoding the desk detected, as a local
// import reads it: a Windows-1252 DMS export keeps "José Núñez", and a UTF-16 list its rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { addAccount, CLI, cli } from '../support/cli';
import { type LanHost, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const hosts: LanHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));

async function sharing() {
  const db = tempDbPath();
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  const host = await serveLan(CLI, db);
  hosts.push(host);
  const dir = tempDir();
  const desk = (args: string[]) =>
    cli(['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, ...args], {
      XDG_CONFIG_HOME: dir,
      RECALL_DESK_DB: '',
      RECALL_DESK_PASSWORD: ADMIN.password,
    });
  const file = (name: string, bytes: Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  return { desk, file };
}

test('a Windows-1252 DMS export uploaded from a desk keeps "José Núñez – Ærø"', async () => {
  const { desk, file } = await sharing();
  const text = `VIN,Customer,Phone,Last Service\r\n${ALE(7930)},José Núñez – Ærø,555-0100,04/01/2024\r\n`;
  const bytes = Buffer.from(text.replace('–', '\u0096'), 'latin1');
  const r = desk(['import-vehicles', file('dms.csv', bytes)]);
  expect(r.stderr).toContain('Read as Windows-1252.');
  expect(r.code, r.stderr).toBe(0);
  const csv = desk(['followup', '--csv']).stdout;
  expect(csv).toContain('José Núñez – Ærø');
  expect(csv).not.toContain('\uFFFD');
});

test('a UTF-16 affected-VIN list uploaded from a desk is read whole', async () => {
  const { desk, file } = await sharing();
  const text = `VIN,Phase,Note\r\n${ALE(1)},1,Überprüft\r\n${ALE(2)},1,José\r\n${ALE(3)},1,ok\r\n`;
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const r = desk(['import-vins', 'ALE', file('tis.csv', bytes), '--date', '2010-07-07']);
  expect(r.stderr).toContain('Read as UTF-16 (little-endian).');
  expect(r.stderr).toContain('3 rows read: 3 valid, 0 duplicates, 0 invalid.');
  expect(r.code, r.stderr).toBe(0);
});

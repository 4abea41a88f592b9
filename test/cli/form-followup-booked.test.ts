// `recall-desk form followup` prints whom to call, as the follow-up screen shows it: guests already
// booked for the campaign are left out unless asked for (--booked: only them; --all: everyone), with
// `followup`'s own option names. The built CLI, the PDF read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const GS = (serial: number) => makeVin('JTH', 'BE96S', 2007, String(serial).padStart(7, '0'));
const RX = makeVin('2T2', 'HA31U', 2005, '0100000');
const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

test('form followup leaves booked guests out by default; --booked prints only them, --all everyone', () => {
  const db = tempDbPath();
  const dir = tempDir();
  const run = (...args: string[]) => cli([...args, '--db', db]);
  expect(run('settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '555-0100').code).toBe(0);
  const file = path.join(dir, 'service.csv');
  fs.writeFileSync(
    file,
    ['VIN,Model,Customer Name,Phone,Last Service', `${GS(8000)},GS 350,Guest Zero,555-0100,2024-01-01`, `${RX},RX 330,Booked Guest,555-0199,2024-06-01`].join(
      '\n',
    ),
  );
  expect(run('import-vehicles', file).code).toBe(0);
  expect(run('book', RX, '--campaign', 'BLC', '--at', '2099-11-25T08:00', '--model', 'RX 330').code).toBe(0);

  const print = (name: string, ...options: string[]) => {
    const out = path.join(dir, `${name}.pdf`);
    const r = run('form', 'followup', '--out', out, ...options);
    expect([r.code, r.stderr]).toEqual([0, '']);
    return text(out);
  };
  const toCall = print('default');
  expect(toCall).toContain('Guest Zero');
  expect(toCall).not.toContain('Booked Guest');
  expect(toCall).toContain('not booked (to call)');
  expect(print('not-booked', '--not-booked')).not.toContain('Booked Guest');
  const booked = print('booked', '--booked');
  expect([booked.includes('Booked Guest'), booked.includes('Guest Zero')]).toEqual([true, false]);
  const all = print('all', '--all');
  expect([all.includes('Booked Guest'), all.includes('Guest Zero')]).toEqual([true, true]);
  // One campaign's lines, still without the booked guests.
  const blc = print('blc', '--campaign', 'BLC');
  expect(blc).not.toContain('Booked Guest');

  const both = run('form', 'followup', '--out', path.join(dir, 'x.pdf'), '--booked', '--all');
  expect(both.code).toBe(2);
  expect(both.stderr).toMatch(/Choose one of --booked, --not-booked and --all/);
}, 180_000);

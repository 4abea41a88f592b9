// The shape of a CSV as the header promises it: a row with too few or too many cells is reported (a
// comma inside an unquoted name shifts every cell after it), two columns of one name are reported, and
// the app's own export headers are recognised when its CSV is imported back. Real CLI, real files.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { VEHICLE_FIELD_LABEL } from '../../shared/vehicle-fields';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));

function write(name: string, content: string): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

test('DMS rows with too many or too few cells are reported, not imported shifted', () => {
  const db = tempDbPath();
  const file = write(
    'svc.csv',
    ['VIN,Customer,Phone,Last Service', `${ALE(1)},Ann Example,555-0100,04/01/2024`, `${ALE(2)},Doe, John,555-0101,04/02/2024`, `${ALE(3)},Bo,555-0102`].join(
      '\n',
    ),
  );
  const r = cli(['import-vehicles', file, '--dry-run', '--db', db]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('3 rows read: 1 valid, 0 duplicates, 2 invalid.');
  expect(r.stderr).toContain('Wrong number of cells 2');
  expect(r.stderr).toContain(
    `line 3: The line has 5 cells; the header names 4. A comma inside a value that is not in quotes? Fix the line in the file. (${ALE(2)})`,
  );
  expect(r.stderr).toContain(`line 4: The line has 3 cells; the header names 4. Fix the line in the file. (${ALE(3)})`);
  // Never the guest's details.
  expect(r.stderr).not.toMatch(/John|Doe|555-010/);
});

test('two columns of one name are reported, and both can be mapped', () => {
  const file = write('dup.csv', ['VIN,Phone,Customer,Phone', `${ALE(1)},555-0100,Ann,555-0199`].join('\n'));
  const r = cli(['import-vehicles', file, '--dry-run', '--db', tempDbPath()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('Two columns are named "Phone" (columns 2 and 4): the second is shown as "Phone (column 4)".');
  const mapped = cli(['import-vehicles', file, '--map', 'guestPhone=Phone (column 4)', '--dry-run', '--db', tempDbPath()]);
  expect(mapped.stderr).toContain('guestPhone=Phone (column 4)');
  expect(mapped.code).toBe(0);
});

test("an affected-VIN list's row with extra cells is reported", () => {
  const file = write('tis.csv', ['VIN,Phase', `${ALE(1)},1`, `${ALE(2)},1,extra`, `${ALE(3)},1`].join('\n'));
  const r = cli(['import-vins', 'ALE', file, '--dry-run', '--db', tempDbPath()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('3 rows read: 2 valid, 0 duplicates, 1 invalid.');
  expect(r.stderr).toContain(`line 3: The line has 3 cells; the header names 2.`);
});

test("the app's own headers (the mapping's labels, the follow-up CSV) are recognised when imported back", () => {
  const labels = Object.values(VEHICLE_FIELD_LABEL);
  const file = write(
    'labels.csv',
    [
      labels.map((l) => (l.includes(',') ? `"${l}"` : l)).join(','),
      [ALE(1), 'S1', 'GS 350', '2007', '2006-10', 'used', 'Ann', '555-0100', 'a@example.com', '"1 Main St"', '2024-04-01'].join(','),
    ].join('\n'),
  );
  const r = cli(['import-vehicles', file, '--dry-run', '--db', tempDbPath()]);
  expect(r.code).toBe(0);
  for (const [field, label] of Object.entries(VEHICLE_FIELD_LABEL)) expect(r.stderr).toContain(`${field}=${label}`);

  // Round trip: the follow-up CSV imported into another database gives the same follow-up CSV.
  const db = tempDbPath();
  const svc = write('svc.csv', `VIN,Customer,Phone,E-mail,Address,Last Service\n${ALE(7930)},"Example, Ann",555-0100,ann@example.com,1 Main St,04/01/2024\n`);
  expect(cli(['import-vehicles', svc, '--db', db]).code).toBe(0);
  const csv = cli(['followup', '--csv', '--db', db]).stdout;
  const again = tempDbPath();
  const back = cli(['import-vehicles', write('followup.csv', csv), '--db', again]);
  expect(back.code).toBe(0);
  expect(back.stderr).toMatch(/guestName=Guest name.*guestPhone=Phone.*guestEmail=E-mail.*guestAddress=Address.*lastServiceDate=Last service/);
  expect(cli(['followup', '--csv', '--db', again]).stdout).toBe(csv);
});

// A DMS file's text reaches the counter's terminal: its control characters are shown, never obeyed
// (issue 17, hostile text). The real CLI, a real file.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { tempDbPath, tempDir } from '../support/tempdb';

test('a guest name with escape sequences prints without a control character, in the list and as CSV', () => {
  const dir = tempDir();
  const db = tempDbPath();
  const name = 'Ann\u001b[2J\u001b[1;1HALL CLEAR\u001b]0;title\u0007';
  const file = path.join(dir, 'dms.csv');
  fs.writeFileSync(file, `VIN,Model,Model Year,Guest Name,Last Service Date\r\nJTHKPAAY4PA400001,LC 500,2023,"${name}",2026-11-01\r\n`);
  expect(cli(['import-vehicles', file, '--db', db]).code).toBe(0);
  for (const args of [['followup'], ['followup', '--csv']]) {
    const out = cli([...args, '--db', db]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Ann\uFFFD[2J\uFFFD[1;1HALL CLEAR');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal.
    expect(out.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  }
  // JSON keeps the name as it is (escaped by JSON itself): a program reads the real value.
  const json = JSON.parse(cli(['followup', '--json', '--db', db]).stdout);
  expect(JSON.stringify(json)).toContain('Ann\\u001b[2J');
});

// Facts exactly as sure as they are, as the command line says them (issue 17): the built CLI in a
// separate process, on a real database file.
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { tempDbPath } from '../support/tempdb';

describe('recall-desk lookup: the VIN rules', () => {
  test('a letter where 49 CFR 565.15 requires digits: refused, with the reason', () => {
    const r = cli(['lookup', 'JTHBE96S17000793A', '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Position 17: "A" is a letter; positions 14-17 of every VIN are digits (49 CFR 565.15(d)).');
    expect(r.stderr).not.toMatch(/at .*\.cjs/);
  });
});

describe('recall-desk lookup: a production month across a window edge', () => {
  test('LC produced 11/22 against 2022-11-07 to 2022-12-28: never "inside the window"', () => {
    const r = cli(['lookup', 'JTHKPAAY4PA001234', '--model', 'LC', '--produced', '11/22', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('inside the window');
    expect(r.stdout).toContain('the window starts on 2022-11-07, the 7th of that month');
    expect(r.stdout).toContain('Read the build date');
  });
});

describe('recall-desk lookup: the decode and the bulletin name different models', () => {
  test("an LS 600h L in ALE's range that vPIC decodes as an LS 460: both in the text and in --json", () => {
    const db = tempDbPath();
    const text = cli(['lookup', 'JTHDU46F285009305', '--db', db]);
    expect(text.stdout).toContain("Two models: the bulletin's VIN range names LS 600h L; NHTSA vPIC decodes LS 460.");
    const json = JSON.parse(cli(['lookup', 'JTHDU46F285009305', '--json', '--db', db]).stdout);
    expect(json.modelConflict).toMatchObject({ model: 'LS 600h L', modelSource: 'vin-range', decoded: 'LS 460' });
  });
});

describe('recall-desk lookup: where the vehicle was built', () => {
  test("a Canadian-built (2T2) RX 350 that vPIC's plant pattern calls Japanese: Canada, from the WMI", () => {
    const r = cli(['lookup', '2T2HK31UX7C012345', '--db', tempDbPath()]);
    expect(r.stdout).toContain('built in Canada (vPIC: the country of WMI 2T2)');
    expect(r.stdout).not.toContain('Japan');
  });
});

describe('recall-desk lookup: a Genesis VIN with a letter at position 9', () => {
  test('decoded, with the softer warning', () => {
    const r = cli(['lookup', 'KMUMA4ABDSU123456', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2025 Genesis GV70');
    expect(r.stdout).toContain('WARNING: Position 9 is "D", a letter where a check digit (0-9 or X) belongs');
    expect(r.stdout).not.toMatch(/typo/i);
  });
});

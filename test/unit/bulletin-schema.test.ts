import { describe, expect, test } from 'vitest';
import { Bulletin, describeIssues } from '../../shared/bulletin';
import { parseBulletinFile } from '../../main/campaigns/import';
import { BUILT_IN_DOCUMENTS, parseBuiltIns } from '../../main/campaigns/library/documents';
import { ApiError } from '../../shared/api';

const ale = () => structuredClone(BUILT_IN_DOCUMENTS[1]) as Record<string, any>;

function errorsOf(doc: unknown): string[] {
  const r = Bulletin.safeParse(doc);
  expect(r.success).toBe(false);
  return r.success ? [] : describeIssues(r.error);
}

describe('the built-in library', () => {
  test('all three bulletins validate, with their codes and revision dates', () => {
    const list = parseBuiltIns();
    expect(list.map((b) => [b.code, b.revisionDate])).toEqual([
      ['BLC', '2011-12-19'],
      ['ALE', '2010-07-06'],
      ['23LJ01', '2024-01-31'],
    ]);
  });
  test('ALE has the 18 reconstructed ranges whose UIO groups sum to 138,869', () => {
    const ale = parseBuiltIns()[1]!;
    expect(ale.vinRanges).toHaveLength(18);
    const groups = new Map(ale.vinRanges.map((r) => [r.uio, Number(r.uio!.split(' ')[0]!.replace(/,/g, ''))]));
    expect([...groups.values()].reduce((a, b) => a + b, 0)).toBe(138_869);
  });
  test('what the bulletins leave unstated is null, not filled in', () => {
    const [blc, ale, lj] = parseBuiltIns();
    expect(blc!.vehicleCount).toBeNull();
    expect(ale!.parts[0]!.partNumber).toBeNull();
    expect(ale!.repairTimeMinutes).toBeNull();
    expect(lj!.parts[0]!.macCode).toBeNull();
    expect(lj!.modelWindows.find((w) => w.id === 'NX-CBU')!.producedTo).toBeNull();
    expect(lj!.phaseChart).toEqual([{ window: 'LC-JP', month: '2022-12', phase: '1' }]);
  });
  test('media contacts are internal', () => {
    for (const b of parseBuiltIns()) {
      for (const c of b.contacts.filter((c) => /media/i.test(c.purpose))) expect(c.audience).toBe('internal');
    }
  });
});

const SERIAL_RULE = 'must be the 7 characters of VIN positions 11-17: letters or digits, then digits at 14-17 (49 CFR 565.15; no I, O or Q)';

describe('schema errors name the field and the problem', () => {
  test('wrong format marker', () => {
    const d = ale();
    d.format = 'something-else';
    expect(errorsOf(d)).toContain('format: must be "recall-desk/bulletin@1"');
  });
  test('a date in another format, and a date that does not exist', () => {
    const d = ale();
    d.revisionDate = '07/06/2010';
    expect(errorsOf(d)).toEqual(['revisionDate: must be a date written YYYY-MM-DD']);
    d.revisionDate = '2010-02-30';
    expect(errorsOf(d)).toEqual(['revisionDate: is not a real calendar date']);
  });
  test('a serial with a forbidden letter, at its row', () => {
    const d = ale();
    d.vinRanges[3].serialTo = '00I3166';
    expect(errorsOf(d)).toEqual([`vinRanges[3].serialTo: ${SERIAL_RULE}`]);
  });
  test('a serial with letters in VIN positions 14-17, which are digits (49 CFR 565.15), at its row and not as a reversed range', () => {
    const d = ale();
    d.vinRanges[0].serialFrom = 'ABCDEFG';
    expect(errorsOf(d)).toEqual([`vinRanges[0].serialFrom: ${SERIAL_RULE}`]);
    d.vinRanges[0].serialFrom = 'ABC0000';
    expect(errorsOf(d).filter((e) => e.startsWith('vinRanges[0].serialFrom'))).toEqual([]);
  });
  test('a date far outside any bulletin (years 1950 to 2099)', () => {
    const d = structuredClone(BUILT_IN_DOCUMENTS.find((b) => (b as { code: string }).code === '23LJ01')) as Record<string, any>;
    d.modelWindows[0].producedFrom = '0001-01-01';
    d.modelWindows[0].producedTo = '9999-12-31';
    expect(errorsOf(d)).toEqual([
      'modelWindows[0].producedFrom: is not a plausible date (years 1950 to 2099)',
      'modelWindows[0].producedTo: is not a plausible date (years 1950 to 2099)',
    ]);
  });
  test('a reversed range', () => {
    const d = ale();
    d.vinRanges[0].serialFrom = '0099999';
    expect(errorsOf(d)).toEqual(['vinRanges[0].serialTo: serialFrom must not be after serialTo']);
  });
  test('a phase reference that does not exist', () => {
    const d = ale();
    d.vinRanges[1].phase = '9';
    expect(errorsOf(d)).toEqual(['vinRanges[1].phase: names phase "9", which is not in phases']);
  });
  test('no rules at all', () => {
    const d = ale();
    d.vinRanges = [];
    expect(errorsOf(d)[0]).toMatch(/^vinRanges: a campaign needs at least one VIN range or model window/);
  });
  test('an id listed twice', () => {
    const d = ale();
    d.phases.push({ ...d.phases[0] });
    expect(errorsOf(d)).toEqual(['phases[1].id: phase "preliminary" is listed twice']);
  });
  test('a missing required field', () => {
    const d = ale();
    delete d.title;
    expect(errorsOf(d)[0]).toMatch(/^title: /);
  });
  test('a file that is not JSON is refused with the parser message', () => {
    try {
      parseBulletinFile('{ "format": ', 'x.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('invalid-bulletin');
      expect((e as ApiError).message).toBe('x.json is not a bulletin file: it is not valid JSON.');
    }
  });
  test('a BOM is tolerated', () => {
    expect(parseBulletinFile('\uFEFF' + JSON.stringify(ale()), 'ale.json').code).toBe('ALE');
  });
});

describe('bulletin files are never silently wrong', () => {
  test('an unknown key is an error wherever it is, so a misspelled "delivry" cannot drop the holds', () => {
    const top = ale();
    top.delivry = top.delivery;
    delete top.delivery;
    expect(errorsOf(top)).toEqual(['(file): unknown field "delivry": check the spelling against the bulletin format']);
    const nested = ale();
    nested.delivery[0].conditon = 'used';
    expect(errorsOf(nested)).toEqual(['delivery[0]: unknown field "conditon": check the spelling against the bulletin format']);
    const range = ale();
    range.vinRanges[2].serail = '0000001';
    expect(errorsOf(range)).toEqual(['vinRanges[2]: unknown field "serail": check the spelling against the bulletin format']);
  });
  test('the make is required, the WMIs optional and checked', () => {
    const d = ale();
    delete d.make;
    expect(errorsOf(d)[0]).toMatch(/^make: /);
    const w = ale();
    w.wmis = ['JTH', 'JTHX'];
    expect(errorsOf(w)).toEqual(['wmis[1]: must be the 3-character WMI (VIN positions 1-3)']);
    const none = ale();
    delete none.wmis;
    expect(Bulletin.parse(none).wmis).toEqual([]);
    expect(parseBuiltIns().map((b) => [b.code, b.make, b.wmis])).toEqual([
      ['BLC', 'Lexus', ['JTJ', '2T2']],
      ['ALE', 'Lexus', ['JTH']],
      ['23LJ01', 'Lexus', ['JTH', 'JTJ', '2T2', '58A']],
    ]);
  });
  test('a model year a VIN cannot express is refused by the schema, not by a database constraint', () => {
    const d = ale();
    d.vinRanges[0].modelYear = 2040;
    expect(errorsOf(d)).toEqual(['vinRanges[0].modelYear: must be 2039 or earlier: a VIN cannot express a later model year']);
    const lj = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
    lj.modelWindows[0].modelYearTo = 2100;
    expect(errorsOf(lj)).toEqual(['modelWindows[0].modelYearTo: must be 2039 or earlier: a VIN cannot express a later model year']);
  });
  test('a revision dated in the future is refused, with today in the message', () => {
    const d = ale();
    d.revisionDate = '2027-06-30';
    try {
      parseBulletinFile(JSON.stringify(d), 'ale.json', '2026-11-23');
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).code).toBe('invalid-bulletin');
      expect((e as ApiError).details).toEqual(['revisionDate: 2027-06-30 is in the future (today is 2026-11-23); write the date printed on the bulletin']);
    }
    d.revisionDate = '2026-11-23';
    expect(parseBulletinFile(JSON.stringify(d), 'ale.json', '2026-11-23').revisionDate).toBe('2026-11-23');
  });
});

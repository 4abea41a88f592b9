import { describe, expect, test } from 'vitest';
import { Bulletin, describeIssues } from '../../shared/bulletin';
import { parseBulletinFile } from '../../main/campaigns/import';
import { BUILT_IN_DOCUMENTS, parseBuiltIns } from '../../main/campaigns/library';
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
    expect(errorsOf(d)).toEqual(['vinRanges[3].serialTo: must be the 7 characters of VIN positions 11-17 (no I, O or Q)']);
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

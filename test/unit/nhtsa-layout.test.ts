// NHTSA's recall file as NHTSA documents it (RCL.txt, https://static.nhtsa.gov/odi/ffdd/rcl/RCL.txt: fields 1-27,
// their order and sizes; fields 28-29, DO_NOT_DRIVE and PARK_OUTSIDE, added in May 2025) and as the files
// really are: campaign numbers of 2021 with a letter in their sequence (21V00H000), flags written "Yes"/"No",
// a manufacturer's campaign number field that names several codes ("ALE, ALF").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CampaignHit } from '../../shared/lookup/contract';
import { mergeNhtsa } from '../../main/nhtsa/lookup';
import { RCL_FIELDS, readRcl, readRow } from '../../main/nhtsa/parse';
import { NhtsaUploads } from '../../main/nhtsa/uploads';
import { rclFields, writeRcl } from '../support/nhtsa';
import { tempDir } from '../support/tempdb';

describe("NHTSA's layout (RCL.txt)", () => {
  test('the fields in the order RCL.txt numbers them, the two May 2025 flags last', () => {
    expect(RCL_FIELDS.indexOf('CAMPNO')).toBe(1);
    expect(RCL_FIELDS.indexOf('RCLTYPECD')).toBe(10);
    expect(RCL_FIELDS.indexOf('CONEQUENCE_DEFECT')).toBe(20);
    expect(RCL_FIELDS.indexOf('RCL_CMPT_ID')).toBe(23);
    expect(RCL_FIELDS.indexOf('MFR_COMP_PTNO')).toBe(26);
    expect(RCL_FIELDS.slice(27)).toEqual(['DO_NOT_DRIVE', 'PARK_OUTSIDE']);
  });

  test('a 2021 campaign number with a letter in its sequence (21V00H000) is a vehicle recall, not a refused row', () => {
    const r = readRow(rclFields({ campaign: '21V00H000', make: 'FORD', model: 'F-150', year: '2021' }));
    expect(r).toMatchObject({ campaign: '21V00H000', make: 'FORD', model: 'F-150', year: 2021 });
  });

  test('a file whose first row is such a campaign reads as NHTSA layout', async () => {
    const file = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', [
      { campaign: '21V00H000', make: 'FORD', model: 'F-150', year: '2021' },
      { campaign: '21V123000', make: 'FORD', model: 'F-150', year: '2021' },
    ]);
    const counts = await readRcl(file, 'FLAT_RCL_POST_2010.txt', {});
    expect(counts).toMatchObject({ fields: 29, rowsRead: 2, kept: 2, refused: {} });
  });

  test('still refused: a campaign number of another shape', () => {
    expect(readRow(rclFields({ campaign: '21-V-123', make: 'FORD', model: 'F-150', year: '2021' }))).toBe('campaign');
    expect(readRow(rclFields({ campaign: '21V12300', make: 'FORD', model: 'F-150', year: '2021' }))).toBe('campaign');
  });

  test('the flags as NHTSA writes them: "Yes" and "No"', () => {
    const yes = readRow(rclFields({ campaign: '25V001000', make: 'KIA', model: 'K5', year: '2025', doNotDrive: 'Yes', parkOutside: 'No' }));
    expect(yes).toMatchObject({ doNotDrive: true, parkOutside: false });
    expect(readRow(rclFields({ campaign: '25V001000', make: 'KIA', model: 'K5', year: '2025', doNotDrive: 'Maybe' }))).toBe('flag');
  });
});

describe('MFGCAMPNO naming a library bulletin', () => {
  const hit = (code: string, mfg: string | null = null): CampaignHit =>
    ({
      code,
      severity: [],
      nhtsaRecallNumber: null,
      nhtsa: mfg === null ? null : { campaign: code, manufacturerCampaign: mfg },
    }) as unknown as CampaignHit;

  test('a field naming several codes ("ALE, ALF") still finds the bulletin: one card, NHTSA number added', () => {
    const out = mergeNhtsa([hit('ALF')], [hit('07V999000', 'ALE, ALF')]);
    expect(out.map((h) => [h.code, h.nhtsaRecallNumber])).toEqual([['ALF', '07V999000']]);
  });

  test('free text that names no bulletin ("Multiple Codes") is a card of its own', () => {
    const out = mergeNhtsa([hit('ALF')], [hit('07V999000', 'Multiple Codes')]);
    expect(out.map((h) => h.code)).toEqual(['ALF', '07V999000']);
  });
});

describe('bad rows are counted by reason, never silently dropped', () => {
  test('every row read is kept or refused with its reason', async () => {
    const ok = { campaign: '21V100000', make: 'FORD', model: 'F-150', year: '2021' };
    const tooMany = `${rclFields(ok).join('\t')}\textra`;
    const file = writeRcl(tempDir(), 'FLAT_RCL_POST_2010.txt', [
      ok,
      { ...ok, campaign: 'V-21-100' },
      { ...ok, type: 'E' },
      { ...ok, year: '9999' },
      { ...ok, make: '' },
      { ...ok, reportDate: '2021-01-05' },
      { ...ok, doNotDrive: 'Maybe' },
      tooMany,
      '',
      ok,
    ]);
    const counts = await readRcl(file, 'FLAT_RCL_POST_2010.txt', {});
    expect(counts.kept).toBe(2);
    expect(counts.refused).toEqual({ campaign: 1, 'not-vehicle': 1, year: 1, 'make-model': 1, date: 1, flag: 1, 'field-count': 1 });
    // A blank line is no row; every other line is counted once.
    expect(counts.rowsRead).toBe(counts.kept + Object.values(counts.refused).reduce((n, c) => n + (c ?? 0), 0));
    expect(counts.rowsRead).toBe(9);
  });
});

describe('a sending left halfway (Cancel, a closed window)', () => {
  test('its partial copy is removed once idle ten minutes, at the next piece that arrives', () => {
    let clock = 0;
    const db = path.join(tempDir(), 'recall-desk.sqlite');
    const uploads = new NhtsaUploads(db, () => clock);
    const piece = (uploadId: string | null, offset = 0) => uploads.piece({ uploadId, fileName: 'FLAT_RCL_POST_2010.zip', size: 10, offset, data: 'QUJD' });
    const left = piece(null);
    const files = () => fs.readdirSync(uploads.dir());
    expect(files()).toEqual([`${left.uploadId}.upload`]);
    clock += 9 * 60_000;
    const other = piece(null);
    expect(files()).toHaveLength(2);
    clock += 2 * 60_000;
    piece(other.uploadId, 3);
    expect(files()).toEqual([`${other.uploadId}.upload`]);
    expect(() => piece(left.uploadId, 3)).toThrow(/no longer open: pick the file again/);
  });
});

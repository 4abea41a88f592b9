// The editor's forms (shared, pure): a bulletin becomes form values and back, unchanged (no second
// model), empty fields are "not stated", and problems are named by section, row and field.
import { expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { Bulletin, type BulletinInput } from '../../shared/bulletin';
import { bulletinToDraft, checkDraft, draftToBulletin, type FormRow } from '../../shared/bulletin-form';

test('every built-in bulletin goes through the forms and comes back as the same bulletin', () => {
  for (const doc of BUILT_IN_DOCUMENTS) {
    const original = Bulletin.parse(doc);
    const { bulletin, problems } = checkDraft(bulletinToDraft(original as BulletinInput));
    expect(problems).toEqual([]);
    expect(bulletin).toEqual(original);
  }
});

test('an empty optional field is "not stated" (null), never a made-up value', () => {
  const d = bulletinToDraft(Bulletin.parse(BUILT_IN_DOCUMENTS[1]) as BulletinInput);
  (d.vehicles as FormRow).vehicleCount = '';
  (d.campaign as FormRow).nhtsaRecallNumber = '   ';
  (d.parts as FormRow[]).push({ partNumber: '', partNumberPerVin: '', description: 'Valve spring', quantity: '', macCode: '', released: false, note: '' });
  const b = draftToBulletin(d);
  expect(b.vehicleCount).toBeNull();
  expect(b.nhtsaRecallNumber).toBeNull();
  expect((b.parts as unknown[]).at(-1)).toEqual({
    partNumber: null,
    partNumberPerVin: null,
    description: 'Valve spring',
    quantity: null,
    macCode: null,
    released: false,
    note: null,
  });
  expect(checkDraft(d).problems).toEqual([]);
});

test('a new campaign from an empty form lists what is missing, field by field, in plain words', () => {
  const { bulletin, problems } = checkDraft(bulletinToDraft(null));
  expect(bulletin).toBeNull();
  const messages = problems.map((p) => p.message);
  expect(messages).toContain('Campaign, Campaign code: must be 2-12 capital letters or digits, e.g. ALE or 23LJ01');
  expect(messages).toContain('This revision and where it comes from, Revision date: must be a date written YYYY-MM-DD');
  expect(messages).toContain('Models and years: must name at least one model');
  expect(messages).toContain('Source, Source (letter) title: must not be empty');
  expect(problems.find((p) => p.path === 'models')?.section).toBe('models');
});

test('a problem in a row names the section, the row and the field', () => {
  const d = bulletinToDraft(Bulletin.parse(BUILT_IN_DOCUMENTS[1]) as BulletinInput);
  (d.vinRanges as FormRow[])[2]!.serialTo = '0000001';
  expect(checkDraft(d).problems).toEqual([
    { path: 'vinRanges[2].serialTo', section: 'vinRanges', message: 'VIN ranges, row 3, Serial to: serialFrom must not be after serialTo' },
  ]);
});

// The forms domain through the API: dealer settings gate every form, the disclosure form is pre-filled
// from the request and the vehicle record, the log keeps who and when (never guest data), the FAQ is
// guest-facing only, and a later bulletin brings its own documents.
import { describe, expect, test } from 'vitest';
import type { FormRecord, RenderedForm } from '../../shared/forms/contract';
import type { Settings } from '../../shared/settings/contract';
import LJ01 from '../../main/campaigns/library/23LJ01.json' with { type: 'json' };
import { ok } from '../support/envelope';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const LC = 'JTHKPAAY4PA001234';
const GS = 'JTHBE96S170007930';
const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };
const disclosure = (extra: object = {}) => ({ kind: 'disclosure', vin: LC, staff: 'Ann Advisor', model: 'LC', productionMonth: '2022-12', ...extra });

async function withDealer() {
  const app = await testApp();
  await ok(app.dispatch('saveSettings', { dealer: DEALER }));
  return app;
}

describe('settings', () => {
  test('missing dealer details are named, and no form renders until they are given', async () => {
    const app = await testApp();
    const s = await ok<Settings>(app.dispatch('getSettings', {}));
    expect(s).toMatchObject({ missing: ['name', 'address', 'code', 'phone'], paper: 'letter', staff: [] });
    const r = await app.dispatch('renderForm', disclosure());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Dealer details are missing \(dealer name, dealer address, dealer code, dealer phone\)/);
    const blank = await app.dispatch('saveSettings', { dealer: { ...DEALER, code: '  ' } });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.details.join(' ')).toMatch(/dealer code must not be empty/);
  });

  test('dealer, paper and staff are kept; a staff name is not added twice', async () => {
    const app = await withDealer();
    await ok(app.dispatch('saveSettings', { paper: 'a4' }));
    await ok(app.dispatch('addStaff', { name: 'Ann Advisor' }));
    const s = await ok<Settings>(app.dispatch('addStaff', { name: 'ann advisor' }));
    expect(s).toEqual({ dealer: DEALER, missing: [], staff: ['Ann Advisor'], paper: 'a4', openingHours: null });
    const gone = await ok<Settings>(app.dispatch('removeStaff', { name: 'Ann Advisor' }));
    expect(gone.staff).toEqual([]);
  });
});

describe('disclosure form', () => {
  test('pre-filled: VIN, program code, model, model year, dealer, staff, guest; long name and address kept whole', async () => {
    const app = await withDealer();
    const name = `${'Maximiliana '.repeat(10)}`.trim().slice(0, 120);
    const address = 'Apartment 1234, Building C\n5678 Long Boulevard\nSuite 900\nSpringfield, IL 62701';
    const f = await ok<RenderedForm>(app.dispatch('renderForm', disclosure({ guest: { name, address, email: 'g@example.com' } })));
    expect(f).toMatchObject({ kind: 'disclosure', campaign: '23LJ01', vin: LC, paper: 'letter' });
    for (const s of [
      LC,
      '23LJ01',
      '>LC<',
      '2023',
      'Lexus of Springfield',
      '64123',
      '(217) 555-0100',
      'Ann Advisor',
      name,
      'Springfield, IL 62701',
      'g@example.com',
    ]) {
      expect(f.html).toContain(s);
    }
    expect(f.html).toContain('This form is not applicable for new vehicles in dealership inventory.');
    expect(f.html).toMatch(/NO CHARGE/);
    expect(f.html).toContain('17-digit');
    expect(f.html).toMatch(/@page\{size:letter/);
    expect(f.mail).toEqual({
      to: 'qc@lexus.com',
      subject: `Disclosure Form 23LJO1 ${LC}`,
      href: expect.stringMatching(/^mailto:qc@lexus\.com\?subject=Disclosure%20Form%2023LJO1%20JTHKPAAY4PA001234&/),
    });
    expect(f.copies).toHaveLength(3);
    // Condition unknown: the advisor hears about the form's own sentence, as a condition.
    expect(f.advisorNotes[0]).toMatch(/^If this vehicle is new: The form's own header says/);
  });

  test('markup in a guest field is printed as text', async () => {
    const app = await withDealer();
    const f = await ok<RenderedForm>(app.dispatch('renderForm', disclosure({ guest: { name: '<img src=x onerror=alert(1)>' } })));
    expect(f.html).not.toContain('<img');
    expect(f.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('a VIN no campaign with a disclosure form covers is refused with the reason', async () => {
    const app = await withDealer();
    const r = await app.dispatch('renderForm', disclosure({ vin: GS, model: null, productionMonth: null }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message).toBe(`No disclosure form for ${GS}: none of the campaigns that may apply (ALE) has a disclosure form.`);
    }
    const outside = await app.dispatch('renderForm', disclosure({ productionMonth: '2024-06' }));
    expect(outside.ok).toBe(false);
  });

  test('recording keeps kind, campaign, VIN, date and staff, and no guest data anywhere in the database log', async () => {
    const app = await withDealer();
    await ok(app.dispatch('renderForm', disclosure({ guest: { name: 'Jordan Example', phone: '555-0199' } })));
    const rec = await ok<FormRecord>(app.dispatch('recordForm', { kind: 'disclosure', campaign: '23lj01', vin: LC, staff: 'Ann Advisor' }));
    expect(rec).toEqual({ id: 1, kind: 'disclosure', campaign: '23LJ01', vin: LC, date: '2026-11-23T12:00:00.000Z', staff: 'Ann Advisor' });
    const { forms } = await ok<{ forms: FormRecord[] }>(app.dispatch('listForms', { vin: `I${LC}` }));
    expect(forms).toEqual([rec]);
    const dump = JSON.stringify(app.db.sqlite.prepare('SELECT * FROM forms_log').all());
    expect(dump).not.toMatch(/Jordan|555-0199/);
  });

  test('the guest on the vehicle record fills what the advisor did not type; a new vehicle gets the note unconditionally', async () => {
    const app = await withDealer();
    app.db.sqlite
      .prepare(
        "INSERT INTO vehicles (vin, model, production_month, condition, in_stock, guest_name, guest_phone, updated_at) VALUES (?, 'LC', '2022-12', 'new', 1, 'Pat Buyer', '555-0123', 'now')",
      )
      .run(LC);
    const f = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'disclosure', vin: LC, staff: 'Ann Advisor', guest: { phone: '555-0999' } }));
    expect(f.html).toContain('Pat Buyer');
    expect(f.html).toContain('555-0999');
    expect(f.html).not.toContain('555-0123');
    expect(f.advisorNotes).toEqual([expect.stringMatching(/^The form's own header says .*Confirm with your region/)]);
  });
});

describe('owner letter and FAQ', () => {
  test('the owner letter has its [VIN] filled; a bulletin without one says so', async () => {
    const app = await withDealer();
    const f = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'owner-letter', campaign: '23LJ01', vin: LC }));
    expect(f.html).toContain(`VIN: ${LC}`);
    expect(f.html).not.toContain('[VIN]');
    expect(f.html).toContain('Dear Lexus Guest:');
    const ale = await app.dispatch('renderForm', { kind: 'owner-letter', campaign: 'ALE', vin: GS });
    expect(ale.ok).toBe(false);
    if (!ale.ok) expect(ale.error.message).toBe('The ALE bulletin has no owner letter: there is nothing to print.');
  });

  test('the FAQ has the guest questions and contacts, never the internal media contacts', async () => {
    const app = await withDealer();
    const lj = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'faq', campaign: '23LJ01' }));
    expect(lj.html).toContain('What is the reason for the program?');
    expect(lj.html).toContain('1-800-255-3987');
    expect(lj.html).not.toContain('Joshua Burns');
    expect(lj.html).not.toContain('(469) 292-6449');
    const ale = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'faq', campaign: 'ALE' }));
    expect(ale.html).not.toContain('(310) 468-2552');
    expect(ale.html).not.toContain('Corporate Communications');
  });

  test('forms are data: an imported bulletin brings its own letter, form and e-mail address', async () => {
    const app = await withDealer();
    const doc = structuredClone(LJ01) as typeof LJ01 & { code: string };
    doc.code = 'ZZ9';
    doc.title = 'Test Key Program';
    doc.documents.ownerLetter!.paragraphs = ['Your vehicle [VIN] gets a new key.'];
    doc.documents.disclosureForm!.email = { to: 'keys@example.com', subject: 'Form ZZ9' };
    await ok(app.dispatch('importBulletin', { fileName: 'zz9.json', content: JSON.stringify(doc) }));
    const letter = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'owner-letter', campaign: 'ZZ9', vin: LC }));
    expect(letter.html).toContain(`Your vehicle ${LC} gets a new key.`);
    const form = await ok<RenderedForm>(app.dispatch('renderForm', disclosure({ campaign: 'ZZ9' })));
    expect(form.mail?.subject).toBe(`Form ZZ9 ${LC}`);
    expect(form.campaign).toBe('ZZ9');
  });
});

describe('lists', () => {
  test("orders print the parts counter's suggestions (a booked 23LJ01 key is a CPOR line for its VIN); no claims says so", async () => {
    const app = await withDealer();
    const booked = await app.dispatch('bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });
    expect(booked.ok).toBe(true);
    const orders = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'orders' }));
    expect(orders.html).toContain('Lexus of Springfield');
    expect(orders.html).toContain(LC);
    expect(orders.html).toContain('Order through CPOR');
    expect(orders.html).toContain('part number not yet released');
    const claims = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'claims' }));
    expect(claims.html).toContain('No claims recorded yet.');
  });

  test('the hold report: one line per vehicle, each reason once in the legend', async () => {
    const app = await withDealer();
    const put = app.db.sqlite.prepare(
      "INSERT INTO vehicles (vin, model, condition, in_stock, stock_number, updated_at) VALUES (?, 'GS 350', 'used', 1, ?, 'now')",
    );
    for (const [i, vin] of [GS, makeVin('JTH', 'BE96S', 2007, '0007935')].entries()) put.run(vin, `S${i}`);
    const f = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'holds' }));
    const legend = f.html.match(/\[1\] ALE/g) ?? [];
    expect(legend).toHaveLength(1);
    expect(f.html.match(/<div class="ln">S\d/g)).toHaveLength(2);
    expect(f.html.match(/not deliver any pre-owned vehicle in inventory/g) ?? []).toHaveLength(1);
  });
});

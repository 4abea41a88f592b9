// Papers that keep their word (issue 16): the owner letter names the dealer who forwards it and is
// addressed to the guest on file; the 23LJ01 FAQ prints the chart its own Q2a points to, from the
// bulletin data and labelled with its source, the colours it lost left to TIS.
import { describe, expect, test } from 'vitest';
import type { RenderedForm } from '../../shared/forms/contract';
import { bodyOf, styleOf } from '../../shared/forms/html';
import LJ01 from '../../main/campaigns/library/23LJ01.json' with { type: 'json' };
import { ok } from '../support/envelope';
import { testApp } from '../support/tempdb';

const LC = 'JTHKPAAY4PA001234';
const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };

async function withDealer(dealer = DEALER) {
  const app = await testApp();
  await ok(app.dispatch('saveSettings', { dealer }));
  return app;
}
/** What a reader sees of a document: its body's text, in order, without markup. */
const textOf = (html: string) =>
  bodyOf(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
/** The page foot's text as the stylesheet holds it (letters, digits and spaces are written as they are). */
const footOf = (html: string) => /@bottom-left\{content:"([^"]*)"/.exec(styleOf(html))?.[1] ?? '';

describe('owner letter', () => {
  test('names the dealer who forwards it, in the letter and at the foot, and is addressed to the guest on file', async () => {
    const app = await withDealer();
    app.db.sqlite
      .prepare("INSERT INTO vehicles (vin, model, in_stock, guest_name, guest_address, updated_at) VALUES (?, 'LC', 0, 'Jordan Example', ?, 'now')")
      .run(LC, '12 Elm Street\nSpringfield, IL 62704');
    const f = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'owner-letter', campaign: '23LJ01', vin: LC }));
    const t = textOf(f.html);
    expect(t).toContain('Forwarded by Lexus of Springfield 100 Main Street Springfield, IL 62701 (217) 555-0100');
    expect(t).toContain('Jordan Example 12 Elm Street Springfield, IL 62704');
    // The addressee comes before the bulletin's own salutation, which stays as published.
    expect(t.indexOf('Jordan Example')).toBeLessThan(t.indexOf('Dear Lexus Guest:'));
    expect(t).toContain(`VIN: ${LC}`);
    expect(footOf(f.html)).toMatch(/^Forwarded by Lexus of Springfield/);
    expect(f.advisorNotes).toEqual([]);
  });

  test('a long dealer name is printed whole; no guest on file: no addressee, and the advisor is told to write it', async () => {
    const name = 'The Very Long Named Lexus Dealership of Springfield and the Surrounding Counties Incorporated';
    const app = await withDealer({ ...DEALER, name });
    const f = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'owner-letter', campaign: '23LJ01', vin: LC }));
    const t = textOf(f.html);
    expect(t).toContain(`Forwarded by ${name}`);
    expect(t).not.toMatch(/null|undefined/);
    expect(f.advisorNotes).toEqual([`No guest on file for ${LC}: write the guest's name and address on the letter or the envelope.`]);
  });
});

describe('the 23LJ01 FAQ chart', () => {
  const faq = async () => {
    const app = await withDealer();
    return textOf((await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'faq', campaign: '23LJ01' }))).html);
  };

  test('the chart Q2a points to is printed at the end: every phase as the bulletin data states it', async () => {
    const t = await faq();
    expect(t).toContain('use the chart at the end of the FAQ');
    const chart = t.indexOf('Chart: phases and production windows');
    expect(chart).toBeGreaterThan(t.indexOf('How does Lexus obtain my mailing information?'));
    const after = t.slice(chart);
    expect(after).toContain(`From the bulletin data: ${LJ01.source.title}, revision ${LJ01.revisionDate}.`);
    for (const p of LJ01.phases) {
      const status = p.status === 'remedy-available' ? 'Remedy available' : 'Announcement expected';
      expect(after).toContain(`${p.name} ${status} ${p.expectedTiming ?? 'not stated'} ${p.vehicles} ${p.mailing ?? 'not stated'}`);
    }
  });

  test('every one-key production window per model, and the phase by month only where the data states it: else see TIS', async () => {
    const t = await faq();
    const after = t.slice(t.indexOf('Chart: phases and production windows'));
    for (const w of LJ01.modelWindows) {
      const years = w.modelYearFrom === w.modelYearTo ? `${w.modelYearFrom}` : `${w.modelYearFrom}-${w.modelYearTo}`;
      const cells = LJ01.phaseChart.filter((c) => c.window === w.id);
      const phase = cells.length ? `${cells.map((c) => `${c.month}: Phase ${c.phase}`).join(', ')}; other months: see TIS` : 'see TIS';
      expect(after).toContain(`${w.model} ${years} ${w.builtIn} ${w.producedFrom} ${w.producedTo ?? w.windowNote} ${w.approxVehicles} ${phase}`);
    }
    expect(after).toContain('LC 2023 Japan 2022-11-07 2022-12-28 350 2022-12: Phase 1; other months: see TIS');
  });

  test("a paper for guests: the windows stated plainly, never the library's notes on its data; where documents differ, ask the dealer", async () => {
    const t = await faq();
    const after = t.slice(t.indexOf('Chart: phases and production windows'));
    // The NX rows' data note ("the eligibility chart gives 22-24 ... the union 2022-2024 is matched") is for whoever keeps the library.
    const noted = LJ01.modelWindows.filter((w) => w.detail?.includes('is matched'));
    expect(noted.map((w) => w.model)).toEqual(['NX', 'NX']);
    for (const w of LJ01.modelWindows) if (w.detail) expect(after).not.toContain(w.detail);
    for (const words of ['is matched', 'the union', 'eligibility chart gives']) expect(after).not.toContain(words);
    expect(after).toContain(
      "Where the bulletin's documents differ on a model's years or production dates, your Lexus dealer confirms whether your vehicle is included by its VIN.",
    );
    expect(after).toContain('NX 2022-2024 Japan 2022-11-07 Ongoing as of 2024-01-31 (the program table gives late October 2023 as the end) TBD see TIS');
  });

  test('a later bulletin brings its own chart; a campaign of one phase and no chart prints none', async () => {
    const app = await withDealer();
    const doc = structuredClone(LJ01) as typeof LJ01 & { code: string };
    doc.code = 'ZZ9';
    doc.revisionDate = '2024-03-15';
    doc.phaseChart = [...doc.phaseChart, { window: 'GX-JP', month: '2022-11', phase: '6' }];
    await ok(app.dispatch('importBulletin', { fileName: 'zz9.json', content: JSON.stringify(doc) }));
    const zz = textOf((await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'faq', campaign: 'ZZ9' }))).html);
    expect(zz).toContain('2022-11: Phase 6; other months: see TIS');
    expect(zz).toContain('revision 2024-03-15');
    const ale = textOf((await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'faq', campaign: 'ALE' }))).html);
    expect(ale).not.toContain('Chart: phases');
  });
});

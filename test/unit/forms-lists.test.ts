// The list documents with rows (the order suggestions and claims sources arrive with issue 8): one
// table line per row, text escaped, the dealer's name and the date on the page, widths in the
// stylesheet (the preview's CSP allows no style attributes).
import { expect, test } from 'vitest';
import { claimsHtml, followUpHtml, ordersHtml } from '../../shared/forms/lists';

const header = { dealerName: 'Lexus of Springfield', date: '2026-11-23', paper: 'a4' as const };
const lines = (html: string) => (html.match(/<tr><td>/g) ?? []).length;

test('order suggestions: a line per suggestion; a per-VIN part says CPOR', () => {
  const html = ordersHtml(
    {
      rows: [
        { campaign: '23LJ01', partNumber: null, method: 'CPOR', quantity: 1, vin: 'JTHKPAAY4PA001234', reason: 'Appointment 2026-11-25' },
        { campaign: 'BLC', partNumber: 'PT908-48080', method: 'Stock order', quantity: 2, vin: null, reason: 'Sell one, buy one <2 used>' },
      ],
      note: null,
    },
    header,
  );
  expect(lines(html)).toBe(2);
  expect(html).toContain('per VIN (CPOR)');
  expect(html).toContain('Sell one, buy one &lt;2 used&gt;');
  expect(html).toContain('Lexus of Springfield');
  expect(html).toMatch(/@page\{size:A4/);
  expect(html).not.toMatch(/style="/);
});

test('claims: claim id, VIN, campaign, op code, hours, date, status', () => {
  const html = claimsHtml(
    {
      rows: [
        {
          claimId: 'C-1',
          vin: 'JTHKPAAY4PA001234',
          campaign: '23LJ01',
          opCode: '23LJ01R1',
          hours: 0.4,
          date: '2026-11-20',
          status: 'Submitted',
          goodwill: null,
        },
      ],
      note: null,
    },
    header,
  );
  expect(lines(html)).toBe(1);
  for (const s of ['C-1', '23LJ01R1', '0.4', '2026-11-20', 'Submitted']) expect(html).toContain(s);
});

/** A follow-up row: an ALE campaign open on a GS 350 serviced here. */
const ALE_ROW = {
  vin: 'JTHBE96S170007930',
  model: 'GS 350',
  modelYear: 2007,
  lastServiceDate: '2024-05-01',
  guestPhone: '555-0100',
  guestEmail: null,
  guestAddress: null,
  code: 'ALE',
  title: 'Valve Spring',
  severity: [],
  certainty: 'verify' as const,
  remedyAvailable: false,
  appointment: null,
  waitingSince: null,
};

test('follow-up: the campaign title once in the legend, the guest on each line', () => {
  const row = ALE_ROW;
  const html = followUpHtml(
    {
      generatedAt: '2026-11-23T12:00:00Z',
      vehiclesServiced: 2,
      rows: [
        { ...row, guestName: 'Ann Example' },
        { ...row, vin: 'JTHBE96S370007931', guestName: 'Bo Example' },
      ],
      waiting: [],
      perCampaign: [{ code: 'ALE', title: 'Valve Spring', notYetRemedied: 2 }],
      checkAtNhtsa: [],
    },
    header,
  );
  expect(lines(html)).toBe(2);
  expect(html.match(/Valve Spring/g)).toHaveLength(1);
  expect(html).toContain('Ann Example');
  expect(html).toContain('Bo Example');
});

test('follow-up printed with a filter: the legend tells the campaign’s count of every vehicle from the rows on the page', () => {
  const row = { ...ALE_ROW, guestName: 'Ann Example' };
  const list = {
    generatedAt: '2026-11-23T12:00:00Z',
    vehiclesServiced: 3,
    rows: [
      row,
      { ...row, vin: 'JTHBE96S370007931', appointment: { id: 7, at: '2026-11-25T09:00' } },
      { ...row, vin: 'JTHBE96S570007932', appointment: { id: 8, at: '2026-11-26T09:00' } },
    ],
    waiting: [],
    perCampaign: [{ code: 'ALE', title: 'Valve Spring', notYetRemedied: 3 }],
    checkAtNhtsa: [],
  };
  const filtered = followUpHtml(list, header, { booked: 'not-booked' });
  expect(lines(filtered)).toBe(1);
  expect(filtered).toContain('<strong>ALE</strong> Valve Spring: 3 not yet remedied among the vehicles serviced here; 1 on this list.');
  // Unfiltered, the two counts are one: said once.
  expect(followUpHtml(list, header)).toContain('<strong>ALE</strong> Valve Spring: 3 not yet remedied.');
});

// The lists on paper: one line per vehicle (or part, or claim), what repeats (a campaign's title, a
// hold's reason) said once in a legend, the dealer's name, the date and page numbers on every page.
// A 20,000-vehicle hold report is a table of 20,000 short lines, not 20,000 paragraphs.
import type { FollowUpList, HoldReport } from '../reports/contract';
import type { Paper } from '../settings/contract';
import { CERTAINTY_LABEL, conditionText, count, FORM_KIND_LABEL, HOLD_SHORT_LABEL, plural, remedyShort } from '../wording';
import { docHead, esc, frame } from './html';

/** A part the counter should order (issue 8's order suggestions / CPOR list). */
export type OrderRow = { campaign: string; partNumber: string | null; method: string; quantity: number; vin: string | null; reason: string };
/** A claim for a campaign repair (issue 8's claims). */
export type ClaimRow = { claimId: string; vin: string; campaign: string; opCode: string; hours: number | null; date: string; status: string };
/** Rows from a source that may not have any yet, with what to say then. */
export type Sourced<T> = { rows: T[]; note: string | null };

export type ListHeader = { dealerName: string; date: string; paper: Paper };

const CSS = `
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:8pt}
thead th{text-align:left;border-bottom:1.5px solid #000;padding:.6mm 1mm;font-size:7.5pt}
tbody td{padding:.35mm 1mm;border-bottom:.5px solid #999;vertical-align:top;overflow-wrap:anywhere}
tbody tr{break-inside:avoid}
tbody tr:nth-child(even) td{background:#eee}
.legend{font-size:8pt;margin:0 0 3mm}
.legend p{margin:0 0 .8mm}
.summary{margin:0 0 2mm}
.empty{border:1.5px solid #000;padding:3mm;font-size:10pt}
`;

// Column widths go in the stylesheet, not in style attributes: the preview's CSP allows no inline style.
const widths = (cols: [string, string][]) => cols.map(([, w], i) => `thead th:nth-child(${i + 1}){width:${w}}`).join('');

const table = (cols: [string, string][], rows: string[][]) =>
  `<table><thead><tr>${cols.map(([h]) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function page(kind: keyof typeof FORM_KIND_LABEL, h: ListHeader, body: string, cols: [string, string][]): string {
  const title = FORM_KIND_LABEL[kind];
  return frame({
    title: `${title} ${h.date}`,
    paper: h.paper,
    footer: `${title} · printed ${h.date} · ${h.dealerName}`,
    body: docHead(h.dealerName, title, h.date) + body,
    css: CSS + widths(cols),
  });
}

const HOLD_COLS: [string, string][] = [
  ['Stock #', '11%'],
  ['VIN', '21%'],
  ['Model', '12%'],
  ['Year', '6%'],
  ['Condition', '13%'],
  ['Holds (see legend)', '37%'],
];
const FOLLOWUP_COLS: [string, string][] = [
  ['Campaign', '9%'],
  ['VIN', '20%'],
  ['Vehicle', '13%'],
  ['Last service', '11%'],
  ['Guest', '20%'],
  ['Phone', '12%'],
  ['Status', '15%'],
];
const ORDER_COLS: [string, string][] = [
  ['Campaign', '10%'],
  ['Part number', '16%'],
  ['Method', '12%'],
  ['Qty', '6%'],
  ['VIN', '21%'],
  ['Reason', '35%'],
];
const CLAIM_COLS: [string, string][] = [
  ['Claim', '14%'],
  ['VIN', '22%'],
  ['Campaign', '11%'],
  ['Op code', '13%'],
  ['Hours', '8%'],
  ['Date', '12%'],
  ['Status', '20%'],
];

const empty = (text: string) => `<p class="empty">${esc(text)}</p>`;

export function holdsHtml(r: HoldReport, h: ListHeader): string {
  // The legend: each campaign's hold reason once, numbered; lines refer to the number.
  const keys = new Map<string, { n: number; code: string; title: string; hold: keyof typeof HOLD_SHORT_LABEL; reason: string }>();
  const byVin = new Map<string, { first: HoldReport['holds'][number]; refs: string[] }>();
  for (const x of r.holds) {
    const key = `${x.code}\u0000${x.hold}\u0000${x.reason}`;
    let k = keys.get(key);
    if (!k) {
      k = { n: keys.size + 1, code: x.code, title: x.title, hold: x.hold, reason: x.reason };
      keys.set(key, k);
    }
    const v = byVin.get(x.vin) ?? { first: x, refs: [] };
    v.refs.push(
      [`${esc(x.code)} [${k.n}]`, ...(x.certainty === 'verify' ? ['verify in TIS'] : []), ...(x.remedyAvailable === false ? ['no remedy yet'] : [])].join(', '),
    );
    byVin.set(x.vin, v);
  }
  const legend = [...keys.values()]
    .map((k) => `<p><strong>[${k.n}] ${esc(k.code)} ${esc(k.title)}: ${esc(HOLD_SHORT_LABEL[k.hold])}.</strong> ${esc(k.reason)}</p>`)
    .join('');
  const rows = [...byVin.values()].map(({ first: v, refs }) => [
    esc(v.stockNumber ?? ''),
    `<span class="mono">${esc(v.vin)}</span>`,
    esc(v.model ?? ''),
    esc(v.modelYear),
    esc(conditionText(v.condition)),
    refs.join('; '),
  ]);
  const summary = `<p class="summary">${plural(r.vehiclesInStock, 'vehicle')} in stock, ${count(r.vehiclesHeld)} held. ${r.perCampaign
    .map(
      (c) =>
        `${esc(c.code)}: ${count(c.doNotDeliver)} do not deliver, ${count(c.withDisclosure)} with disclosure, ${count(c.performBefore)} perform before delivery`,
    )
    .join('; ')}.</p>`;
  const body =
    rows.length === 0
      ? empty(`No vehicle in stock is held (${plural(r.vehiclesInStock, 'vehicle')} in stock).`)
      : `${summary}<div class="legend">${legend}</div>${table(HOLD_COLS, rows)}`;
  return page('holds', h, body, HOLD_COLS);
}

export function followUpHtml(l: FollowUpList, h: ListHeader): string {
  const titles = new Map(l.perCampaign.map((c) => [c.code, c]));
  const legend = [...titles.values()]
    .map((c) => `<p><strong>${esc(c.code)}</strong> ${esc(c.title)}: ${count(c.notYetRemedied)} not yet remedied.</p>`)
    .join('');
  const rows = l.rows.map((r) => [
    esc(r.code),
    `<span class="mono">${esc(r.vin)}</span>`,
    esc(`${r.model ?? ''} ${r.modelYear}`.trim()),
    esc(r.lastServiceDate),
    esc(r.guestName ?? ''),
    esc(r.guestPhone ?? ''),
    esc(`${CERTAINTY_LABEL[r.certainty]}; ${remedyShort(r.remedyAvailable)}`),
  ]);
  const body =
    rows.length === 0
      ? empty(`No vehicle serviced here has an open campaign (${plural(l.vehiclesServiced, 'vehicle')} serviced).`)
      : `<div class="legend">${legend}</div>${table(FOLLOWUP_COLS, rows)}`;
  return page('followup', h, body, FOLLOWUP_COLS);
}

export function ordersHtml(s: Sourced<OrderRow>, h: ListHeader): string {
  const rows = s.rows.map((r) => [
    esc(r.campaign),
    esc(r.partNumber ?? 'per VIN (CPOR)'),
    esc(r.method),
    esc(r.quantity),
    `<span class="mono">${esc(r.vin ?? '')}</span>`,
    esc(r.reason),
  ]);
  const body = rows.length === 0 ? empty(s.note ?? 'No order suggestions.') : table(ORDER_COLS, rows);
  return page('orders', h, body, ORDER_COLS);
}

export function claimsHtml(s: Sourced<ClaimRow>, h: ListHeader): string {
  const rows = s.rows.map((r) => [
    esc(r.claimId),
    `<span class="mono">${esc(r.vin)}</span>`,
    esc(r.campaign),
    esc(r.opCode),
    esc(r.hours ?? ''),
    esc(r.date),
    esc(r.status),
  ]);
  const body = rows.length === 0 ? empty(s.note ?? 'No claims.') : table(CLAIM_COLS, rows);
  return page('claims', h, body, CLAIM_COLS);
}

// The lists on paper: one line per vehicle (or part, or claim), what repeats (a campaign's title, a
// hold's reason) said once in a legend, the dealer's name, the date and page numbers on every page.
// A 20,000-vehicle hold report is a table of 20,000 short lines, not 20,000 paragraphs.
import type { FollowUpList, HoldReport } from '../reports/contract';
import type { Paper } from '../settings/contract';
import { CERTAINTY_LABEL, conditionText, count, FORM_KIND_LABEL, HOLD_SHORT_LABEL, holdsSummaryText, noHoldText, plural, remedyShort } from '../wording';
import { docHead, esc, frame, paperText } from './html';
import { PAPER_ROOM as ROOM } from './room';
import {
  FollowUpView,
  type FollowUpViewInput,
  followUpShown,
  followUpViewWords,
  HoldView,
  type HoldViewInput,
  holdCertaintyText,
  holdsShown,
  holdViewWords,
} from '../reports/view';

/** A part the counter should order (issue 8's order suggestions / CPOR list). */
export type OrderRow = { campaign: string; partNumber: string | null; method: string; quantity: number; vin: string | null; reason: string };
/** A claim for a campaign repair (issue 8's claims). */
export type ClaimRow = {
  claimId: string;
  vin: string;
  campaign: string;
  opCode: string;
  hours: number | null;
  date: string;
  status: string;
  /** "Goodwill: lost the only key (23LJ01 FAQ Q13)" for work booked as goodwill; null otherwise. */
  goodwill: string | null;
};
/** Rows from a source that may not have any yet, with what to say then. */
export type Sourced<T> = { rows: T[]; note: string | null };

export type ListHeader = { dealerName: string; date: string; paper: Paper };

// One huge table took Chromium 19-61 s to lay out and print at 20,000 lines (and past 4 minutes on a busy
// machine): the lines go in tables of LINES_PER_TABLE each, of fixed layout with their widths set by
// <col> (nothing measured from the content), each with its heading (repeated when a table crosses a page),
// borders not collapsed (no per-cell border resolution).
const CSS = `
table{width:100%;border-collapse:separate;border-spacing:0;table-layout:fixed;font-size:8pt}
thead th{text-align:left;border-bottom:1.5px solid #000;padding:.6mm 1mm;font-size:7.5pt}
tbody td{padding:.35mm 1mm;border-bottom:.5px solid #999;vertical-align:top;overflow-wrap:break-word}
tbody tr:nth-child(even) td{background:#eee}
.legend{font-size:8pt;margin:0 0 3mm}
.legend p{margin:0 0 .8mm}
.summary{margin:0 0 2mm}
.empty{border:1.5px solid #000;padding:3mm;font-size:10pt}
`;

export const LINES_PER_TABLE = 100;

// Column widths go in the stylesheet, not in style attributes: the preview's CSP allows no inline style.
const widths = (cols: [string, string][]) => cols.map(([, w], i) => `col:nth-child(${i + 1}){width:${w}}`).join('');

function table(cols: [string, string][], rows: string[][]): string {
  const head = `<colgroup>${'<col>'.repeat(cols.length)}</colgroup><thead><tr>${cols.map(([h]) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += LINES_PER_TABLE) {
    out.push(`<table>${head}<tbody>`);
    for (const r of rows.slice(i, i + LINES_PER_TABLE)) out.push(`<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    out.push('</tbody></table>');
  }
  return out.join('');
}

// The hold report's lines: Chromium's time goes by the boxes it lays out, and a table cell per field made
// 8 boxes a line (20,000 lines: 19-61 s, 150 s on a busy machine). A line is now 1 box and 1 text, in a
// monospaced font: its fixed fields (stock #, VIN, model, year, condition: short, never wrapped) padded to
// the widest value of each column in this document, then its holds, which wrap under their own column (a
// hanging indent as wide as the fixed fields). Tables of LINES_PER_TABLE lines keep the column heading
// repeated at the top of every page.
const MONO_PT = 7.5;
/** The advance of one monospaced character at MONO_PT (DejaVu Sans Mono, Liberation Mono, Consolas: 0.6 em or less), in mm. */
const MONO_CHAR_MM = MONO_PT * 0.6021 * 0.35278;
/** Past this many characters the fixed fields leave the holds too little room: the lines are a plain table. */
const MAX_FIXED_CHARS = 78;
const LINE_CSS = `
table.lines thead th,table.lines tbody td{padding:0;border:none;background:none}
.ln{white-space:pre-wrap;font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,monospace;font-size:${MONO_PT}pt;border-bottom:.5px solid #999;break-inside:avoid}
.ln:nth-child(even){background:#eee}
thead .ln{font-weight:bold;border-bottom:1.5px solid #000}
`;

/** Lines whose first fields (plain text, as paperText gives it) are padded columns and whose last is HTML. */
function paddedLines(cols: string[], rows: { fixed: string[]; rest: string }[]): { html: string; css: string } | null {
  const n = cols.length - 1;
  const widths = cols.slice(0, n).map((c, i) => Math.max(c.length, ...rows.map((r) => r.fixed[i]!.length)));
  const chars = widths.reduce((a, w) => a + w + 2, 0);
  if (chars > MAX_FIXED_CHARS) return null;
  // Each field on its own (a right-to-left one isolated in it), then the spaces to its column's end.
  const pad = (fields: string[]) => fields.map((f, i) => esc(f) + ' '.repeat(widths[i]! + 2 - f.length)).join('');
  const mm = Math.ceil(chars * MONO_CHAR_MM * 10) / 10;
  const line = (fixed: string[], rest: string) => `<div class="ln">${pad(fixed)}${rest}</div>`;
  const head = `<thead><tr><th>${line(cols.slice(0, n), esc(cols[n]!))}</th></tr></thead>`;
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += LINES_PER_TABLE) {
    out.push(`<table class="lines">${head}<tbody><tr><td>`);
    for (const r of rows.slice(i, i + LINES_PER_TABLE)) out.push(line(r.fixed, r.rest));
    out.push('</td></tr></tbody></table>');
  }
  // The first line starts at the left edge (the fixed fields), the holds' next lines under the holds.
  return { html: out.join(''), css: `${LINE_CSS}.ln{padding:.3mm 1mm .3mm ${mm + 1}mm;text-indent:-${mm}mm}` };
}

function page(kind: keyof typeof FORM_KIND_LABEL, h: ListHeader, body: string, cols: [string, string][], css = ''): string {
  const title = FORM_KIND_LABEL[kind];
  return frame({
    title: `${title} ${h.date}`,
    paper: h.paper,
    footer: [`${title} · printed ${h.date} · `, { typed: h.dealerName }],
    body: docHead(h.dealerName, title, h.date) + body,
    css: CSS + widths(cols) + css,
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

/** "12 of 40 holds shown · Campaign ALE; sorted by stock #": what the screen had set, said on the paper. */
function shownLine(shown: string, words: string[]): string {
  return `<p class="summary"><strong>${esc(shown)}</strong>${words.length ? ` · as on screen: ${esc(words.join('; '))}` : ''}</p>`;
}

/** The way a hold is sure, on a line of the paper: NHTSA's recalls are verified by VIN at NHTSA, never in TIS. */
const lineCertainty = (x: Hold): string[] => (x.certainty === 'verify' ? [lowerFirst(holdCertaintyText(x))] : []);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
type Hold = HoldReport['holds'][number];

/**
 * The hold report on paper, as the screen shows it (`view`: its search, filters, sort and grouping); without
 * a view (the CLI), every hold, one line per vehicle.
 */
export function holdsHtml(r: HoldReport, h: ListHeader, view: HoldViewInput = { grouped: true }, campaign = ''): string {
  const v = HoldView.parse(view);
  // The one campaign the paper is narrowed to (the screen's filter, or the CLI's --campaign): its counts say so.
  const only = v.campaign || campaign.trim().toUpperCase();
  const shown = holdsShown(r.holds, v);
  const lines: Hold[][] = shown.grouped ? shown.vehicles.map((g) => g.rows) : shown.rows.map((x) => [x]);
  // The legend: each campaign's hold reason once, numbered, with its source (a bulletin or NHTSA's file);
  // lines refer to the number.
  const keys = new Map<string, { n: number; x: Hold }>();
  const ref = (x: Hold): string => {
    const key = `${x.code}\u0000${x.hold}\u0000${x.reason}`;
    let k = keys.get(key);
    if (!k) keys.set(key, (k = { n: keys.size + 1, x }));
    return esc(
      [`${x.code} [${k.n}]`, ...lineCertainty(x), ...(x.remedyAvailable === false ? ['no remedy yet'] : []), ...(x.parts ? [x.parts] : [])].join(', '),
    );
  };
  const per = new Map<string, { code: string; counts: Record<Hold['hold'], number> }>();
  const rows = lines.map((holds) => {
    for (const x of holds) {
      const c = per.get(x.code) ?? {
        code: x.code,
        counts: {
          'do-not-deliver-until-remedied': 0,
          'deliver-with-disclosure-if-unavailable': 0,
          'perform-before-delivery': 0,
          'check-by-vin-before-delivery': 0,
        },
      };
      c.counts[x.hold]++;
      per.set(x.code, c);
    }
    const v0 = holds[0]!;
    return {
      fixed: [paperText(v0.stockNumber, ROOM.stockNumber), v0.vin, paperText(v0.model, ROOM.model), String(v0.modelYear), conditionText(v0.condition)],
      rest: holds.map(ref).join('; '),
    };
  });
  const padded = rows.length
    ? paddedLines(
        HOLD_COLS.map(([c]) => c),
        rows,
      )
    : null;
  const printed =
    padded?.html ??
    table(
      HOLD_COLS,
      rows.map(({ fixed: [stock, vin, ...more], rest }) => [esc(stock), `<span class="mono">${esc(vin)}</span>`, ...more.map((x) => esc(x)), rest]),
    );
  const legend = [...keys.values()]
    .map(
      ({ n, x }) =>
        `<p><strong>[${n}] ${esc(x.code)} ${esc(x.title)}: ${esc(HOLD_SHORT_LABEL[x.hold])}.</strong> ${esc(x.reason)} Source: ${x.origin === 'nhtsa' ? '' : 'bulletin '}${esc(x.source)}.</p>`,
    )
    .join('');
  const counted = shown.grouped
    ? `${plural(shown.vehicles.length, 'vehicle')} with holds shown, of ${count(r.vehiclesHeld)}`
    : `${count(shown.rows.length)} of ${plural(r.holds.length, 'hold')} shown`;
  const perCampaign = [...per.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map(({ code, counts }) =>
      [
        `${esc(code)}:`,
        (Object.keys(counts) as Hold['hold'][])
          .filter((k) => counts[k] > 0)
          .map((k) => `${count(counts[k])} ${HOLD_SHORT_LABEL[k].toLowerCase()}`)
          .join(', '),
      ].join(' '),
    )
    .join('; ');
  const held = only ? new Set(r.holds.filter((x) => x.code === only).map((x) => x.vin)).size : r.vehiclesHeld;
  const summary = `<p class="summary">${esc(holdsSummaryText(r.vehiclesInStock, held, only))}${perCampaign ? ` Shown: ${perCampaign}.` : ''}</p>`;
  const body =
    r.holds.length === 0
      ? empty(noHoldText(r.vehiclesInStock, only))
      : rows.length === 0
        ? `${shownLine(counted, holdViewWords(v))}${empty('No hold matches what the screen shows: clear the search or a filter.')}`
        : `${shownLine(counted, holdViewWords(v))}${summary}<div class="legend">${legend}</div>${printed}`;
  return page('holds', h, body, HOLD_COLS, padded?.css);
}

type FollowUpRow = FollowUpList['rows'][number];

/** "3 not yet remedied." or, when the page shows only some: "3 not yet remedied among the vehicles serviced here; 1 on this list." */
const followUpLegendText = (all: number, shown: number): string =>
  shown === all ? `${count(all)} not yet remedied.` : `${count(all)} not yet remedied among the vehicles serviced here; ${count(shown)} on this list.`;
const followUpStatus = (r: FollowUpRow): string =>
  [
    CERTAINTY_LABEL[r.certainty],
    remedyShort(r.remedyAvailable),
    ...(r.appointment ? [`booked ${r.appointment.at.replace('T', ' ')} (#${r.appointment.id})`] : []),
    ...(!r.appointment && r.waitingSince ? [`waiting list since ${r.waitingSince.slice(0, 10)}`] : []),
  ].join('; ');

/** The follow-up list on paper, as the screen shows it (`view`); without a view (the CLI), every row. */
export function followUpHtml(l: FollowUpList, h: ListHeader, view: FollowUpViewInput = {}): string {
  const v = FollowUpView.parse(view);
  const shown = followUpShown(l.rows, v);
  const lines: FollowUpRow[][] = shown.grouped ? shown.vehicles.map((g) => g.rows) : shown.rows.map((x) => [x]);
  // Each campaign's rows on this page: the campaign's count is of every vehicle serviced here, and says so when the page shows fewer.
  const onPage = new Map<string, number>();
  for (const rs of lines) for (const r of rs) onPage.set(r.code, (onPage.get(r.code) ?? 0) + 1);
  const legend = l.perCampaign
    .filter((c) => onPage.has(c.code))
    .map((c) => `<p><strong>${esc(c.code)}</strong> ${esc(c.title)}: ${esc(followUpLegendText(c.notYetRemedied, onPage.get(c.code)!))}</p>`)
    .join('');
  const rows = lines.map((rs) => {
    const r = rs[0]!;
    return [
      esc(rs.map((x) => x.code).join(', ')),
      `<span class="mono">${esc(r.vin)}</span>`,
      r.model ? `${esc(r.model, ROOM.model)} ${esc(r.modelYear)}` : esc(r.modelYear),
      esc(r.lastServiceDate),
      esc(r.guestName, ROOM.guestName),
      esc(r.guestPhone, ROOM.phone),
      esc(rs.map((x) => (rs.length > 1 ? `${x.code}: ${followUpStatus(x)}` : followUpStatus(x))).join(' · ')),
    ];
  });
  const counted = shown.grouped
    ? `${plural(shown.vehicles.length, 'vehicle')} shown`
    : `${count(shown.rows.length)} of ${plural(l.rows.length, 'open campaign')} shown`;
  const body =
    l.rows.length === 0
      ? empty(`No vehicle serviced here has an open campaign (${plural(l.vehiclesServiced, 'vehicle')} serviced).`)
      : rows.length === 0
        ? `${shownLine(counted, followUpViewWords(v))}${empty('No row matches what the screen shows: clear the search or a filter.')}`
        : `${shownLine(counted, followUpViewWords(v))}<div class="legend">${legend}</div>${table(FOLLOWUP_COLS, rows)}`;
  return page('followup', h, body, FOLLOWUP_COLS);
}

export function ordersHtml(s: Sourced<OrderRow>, h: ListHeader): string {
  const rows = s.rows.map((r) => [
    esc(r.campaign),
    esc(r.partNumber ?? 'per VIN (CPOR)', ROOM.partNumber),
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
    r.goodwill ? `${esc(r.status)}<br><strong>${esc(r.goodwill)}</strong>` : esc(r.status),
  ]);
  const body = rows.length === 0 ? empty(s.note ?? 'No claims.') : table(CLAIM_COLS, rows);
  return page('claims', h, body, CLAIM_COLS);
}

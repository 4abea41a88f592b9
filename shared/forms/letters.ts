// The owner letter (the bulletin's own text with its placeholders filled) and the guest FAQ (the
// bulletin's guest-facing questions and contacts only: internal items never reach a guest's paper).
import type { Bulletin, Documents } from '../bulletin';
import type { Dealer, Paper } from '../settings/contract';
import { PHASE_STATUS_LABEL } from '../wording';
import { docHead, esc, type FootPart, frame, paperLines } from './html';
import { PAPER_ROOM } from './room';

const CSS = `
.letter{font-size:10.5pt;line-height:1.45;max-width:175mm}
.letter .q{font-weight:bold;margin-top:3mm}
.letter .head p{margin:0}
.letter .gap{margin-top:4mm}
.faq dt{font-weight:bold;margin-top:2.5mm;break-after:avoid}
.faq dd{margin:.8mm 0 0 6mm}
.faq .item{break-inside:avoid}
.letter .from{margin:0 0 5mm}
.letter .to{margin:0 0 6mm;min-height:18mm}
.letter .from p,.letter .to p{margin:0}
.chart table{width:100%;border-collapse:collapse;font-size:8pt;margin:0 0 3mm;overflow-wrap:normal}
.chart th{text-align:left;border-bottom:1.5px solid #000;padding:.6mm 1mm;vertical-align:bottom}
.chart td{padding:.5mm 1mm;border-bottom:.5px solid #999;vertical-align:top;overflow-wrap:break-word}
.chart .dates td:nth-child(4),.chart .dates td:nth-child(2){white-space:nowrap}
.chart tr{break-inside:avoid}
.chart h3{font-size:10pt;margin:3mm 0 1mm;break-after:avoid}
`;

/** Lines of a stored multi-line text (an address), each as its own line on paper: as many as the letter has room for. */
const lines = (s: string, maxLines = Number.POSITIVE_INFINITY, max = Number.POSITIVE_INFINITY) =>
  paperLines(
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n'),
    maxLines,
    max,
  )
    .split('\n')
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');

/** Fills the placeholders a bulletin's document text may carry. */
export const fillPlaceholders = (text: string, values: { vin: string }): string => text.replaceAll('[VIN]', values.vin);

export type LetterData = {
  letter: NonNullable<Documents['ownerLetter']>;
  campaign: string;
  title: string;
  vin: string;
  /** The dealer who forwards the letter (Settings). */
  dealer: Dealer;
  /** The guest on file for the VIN, the addressee; null when the dealer has none. */
  guest: { name: string | null; address: string | null } | null;
  date: string;
  paper: Paper;
};

/** The foot of an owner letter: who forwards it (the name gives way when the foot is too long), then the VIN and campaign, whole. */
export const ownerLetterFooter = (dealerName: string, vin: string, campaign: string): FootPart[] => [
  'Forwarded by ',
  { typed: dealerName },
  ` · VIN ${vin} · ${campaign}`,
];

/** For the advisor (on screen and in the CLI, not on paper) when the dealer has no guest for the VIN. */
export const noGuestOnFileNote = (vin: string): string => `No guest on file for ${vin}: write the guest's name and address on the letter or the envelope.`;

export function ownerLetterHtml(d: LetterData): string {
  const fill = (s: string) => esc(fillPlaceholders(s, { vin: d.vin }));
  const to =
    d.guest && (d.guest.name || d.guest.address)
      ? `${d.guest.name ? `<p>${esc(d.guest.name, PAPER_ROOM.guestName)}</p>` : ''}${lines(d.guest.address ?? '', PAPER_ROOM.guestAddressLines, PAPER_ROOM.guestAddress)}`
      : '';
  const body = `<div class="letter">
<div class="from"><p><strong>Forwarded by ${esc(d.dealer.name)}</strong></p>${lines(d.dealer.address)}<p>${esc(d.dealer.phone)}</p><p class="gap">${esc(d.date)}</p></div>
<div class="to" data-part="addressee">${to}</div>
<div class="head">${d.letter.heading.map((h) => `<p><strong>${fill(h)}</strong></p>`).join('')}</div>
<p class="gap">${fill(d.letter.salutation)}</p>
${d.letter.paragraphs.map((p) => (p.trim().endsWith('?') ? `<p class="q">${fill(p)}</p>` : `<p>${fill(p)}</p>`)).join('\n')}
<div class="gap">${d.letter.closing.map((c) => `<p>${fill(c)}</p>`).join('')}</div>
</div>`;
  return frame({
    title: `${d.campaign} owner letter ${d.vin}`,
    paper: d.paper,
    footer: ownerLetterFooter(d.dealer.name, d.vin, d.campaign),
    body,
    css: CSS,
  });
}

export type FaqData = { bulletin: Bulletin; title: string; intro: string | null; dealerName: string; date: string; paper: Paper };

/** Only what is marked for guests. */
export const guestQa = (b: Bulletin) => b.qa.filter((q) => q.audience === 'guest');
export const guestContacts = (b: Bulletin) => b.contacts.filter((c) => c.audience === 'guest');

export function faqHtml(d: FaqData): string {
  const b = d.bulletin;
  const contacts = guestContacts(b);
  const body = `${docHead(d.dealerName, d.title, d.date, `${esc(b.code)} · bulletin revision ${esc(b.revisionDate)}`)}
${d.intro ? `<p>${esc(d.intro)}</p>` : ''}
<dl class="faq">${guestQa(b)
    .map((q) => `<div class="item"><dt>${esc(q.question)}</dt><dd>${esc(q.answer)}</dd></div>`)
    .join('\n')}</dl>
${contacts.length ? `<h2>Contacts</h2>${contacts.map((c) => `<p><strong>${esc(c.name)}</strong>${c.phone ? `, ${esc(c.phone)}` : ''}: ${esc(c.purpose)}</p>`).join('')}` : ''}
${phaseChartHtml(b)}`;
  return frame({ title: `${b.code} guest FAQ`, paper: d.paper, footer: [`${b.code} guest FAQ · ${d.date} · `, { typed: d.dealerName }], body, css: CSS });
}

const NOT_STATED = 'not stated';
const cellTable = (head: string[], rows: string[][], className = '') =>
  `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/**
 * The chart a phased campaign's FAQ points to ("use the chart at the end of this FAQ"), as far as the
 * bulletin data states it: the phases (status, timing, vehicles, mailing) and the one production window
 * per model with the phase of each production month the data gives. A month the data gives no phase
 * for (the letter's chart showed it by colour) reads "see TIS", never a guess. Printed only for a
 * campaign with more than one phase or a phase chart; every cell comes from the bulletin, with its source.
 * A paper for guests: a window's `detail` (the library's note on how it reads its documents, e.g. which
 * table's model years it matches) is for the dealer's screens and never printed here; where the
 * documents differ, the guest is sent to the dealer, who confirms a vehicle by its VIN.
 */
export function phaseChartHtml(b: Bulletin): string {
  if (b.phases.length < 2 && b.phaseChart.length === 0) return '';
  const phases = cellTable(
    ['Phase', 'Status', 'Timing', 'Vehicles', 'Guest mailing'],
    b.phases.map((p) => [p.name, PHASE_STATUS_LABEL[p.status], p.expectedTiming ?? NOT_STATED, p.vehicles ?? NOT_STATED, p.mailing ?? NOT_STATED]),
  );
  const windows = b.modelWindows.filter((w) => w.producedFrom || w.producedTo);
  const phaseOf = (id: string) => {
    const cells = b.phaseChart.filter((c) => c.window === id);
    return cells.length ? `${cells.map((c) => `${c.month}: Phase ${c.phase}`).join(', ')}; other months: see TIS` : 'see TIS';
  };
  const windowTable = windows.length
    ? `<h3>Production windows by model</h3>${cellTable(
        ['Model', 'Model years', 'Built in', 'From', 'To', 'Approx. vehicles', 'Phase by production month'],
        windows.map((w) => [
          w.model,
          w.modelYearFrom === w.modelYearTo ? String(w.modelYearFrom) : `${w.modelYearFrom}-${w.modelYearTo}`,
          w.builtIn ?? NOT_STATED,
          w.producedFrom ?? NOT_STATED,
          w.producedTo ?? w.windowNote ?? NOT_STATED,
          w.approxVehicles ?? NOT_STATED,
          w.phase ? `Phase ${w.phase}` : phaseOf(w.id),
        ]),
        'dates',
      )}`
    : '';
  return `<section class="chart"><h2>Chart: phases and production windows</h2>
<p class="small">From the bulletin data: ${esc(b.source.title)}, revision ${esc(b.revisionDate)}. A vehicle's phase by production month is given only where the bulletin data states it; for any other month, see TIS (your Lexus dealer looks the vehicle up by its VIN). Where the bulletin's documents differ on a model's years or production dates, your Lexus dealer confirms whether your vehicle is included by its VIN.</p>
<h3>Phases</h3>${phases}${windowTable}</section>`;
}

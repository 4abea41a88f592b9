// The owner letter (the bulletin's own text with its placeholders filled) and the guest FAQ (the
// bulletin's guest-facing questions and contacts only: internal items never reach a guest's paper).
import type { Bulletin, Documents } from '../bulletin';
import type { Paper } from '../settings/contract';
import { docHead, esc, frame } from './html';

const CSS = `
.letter{font-size:10.5pt;line-height:1.45;max-width:175mm}
.letter .q{font-weight:bold;margin-top:3mm}
.letter .head p{margin:0}
.letter .gap{margin-top:4mm}
.faq dt{font-weight:bold;margin-top:2.5mm;break-after:avoid}
.faq dd{margin:.8mm 0 0 6mm}
.faq .item{break-inside:avoid}
`;

/** Fills the placeholders a bulletin's document text may carry. */
export const fillPlaceholders = (text: string, values: { vin: string }): string => text.replaceAll('[VIN]', values.vin);

export type LetterData = {
  letter: NonNullable<Documents['ownerLetter']>;
  campaign: string;
  title: string;
  vin: string;
  dealerName: string;
  date: string;
  paper: Paper;
};

export function ownerLetterHtml(d: LetterData): string {
  const fill = (s: string) => esc(fillPlaceholders(s, { vin: d.vin }));
  const body = `<div class="letter">
<div class="head">${d.letter.heading.map((h) => `<p><strong>${fill(h)}</strong></p>`).join('')}</div>
<p class="gap">${fill(d.letter.salutation)}</p>
${d.letter.paragraphs.map((p) => (p.trim().endsWith('?') ? `<p class="q">${fill(p)}</p>` : `<p>${fill(p)}</p>`)).join('\n')}
<div class="gap">${d.letter.closing.map((c) => `<p>${fill(c)}</p>`).join('')}</div>
</div>`;
  return frame({
    title: `${d.campaign} owner letter ${d.vin}`,
    paper: d.paper,
    footer: `VIN ${d.vin} · ${d.campaign} ${d.title} · forwarded by ${d.dealerName}`,
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
${contacts.length ? `<h2>Contacts</h2>${contacts.map((c) => `<p><strong>${esc(c.name)}</strong>${c.phone ? `, ${esc(c.phone)}` : ''}: ${esc(c.purpose)}</p>`).join('')}` : ''}`;
  return frame({ title: `${b.code} guest FAQ`, paper: d.paper, footer: `${b.code} guest FAQ · ${d.date} · ${d.dealerName}`, body, css: CSS });
}

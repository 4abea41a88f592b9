// The Guest Contact & Vehicle Disclosure Form, from the campaign's bulletin data: pre-filled where the
// app knows the answer, a blank line to write on where it does not. One page, black on white; long
// names and addresses wrap, and what is longer than the form has room for (a DMS file's guest details
// have no limit) is cut with an ellipsis.
import type { Documents } from '../bulletin';
import type { Dealer, Paper } from '../settings/contract';
import type { Guest } from './contract';
import { docHead, esc, frame, paperLines, paperText } from './html';
import { PAPER_ROOM as ROOM } from './room';

export type DisclosureData = {
  form: NonNullable<Documents['disclosureForm']>;
  campaign: string;
  vin: string;
  model: string | null;
  modelYear: number;
  dealer: Dealer;
  staff: string;
  guest: Guest;
  date: string;
  paper: Paper;
};

const CSS = `
.fields{display:grid;grid-template-columns:1fr 1fr;column-gap:6mm;row-gap:1.2mm}
h2{margin:2.5mm 0 1mm}
.f{display:flex;flex-direction:column;min-width:0}
.f.wide{grid-column:1 / -1}
.f .l{font-size:7.5pt;text-transform:uppercase;letter-spacing:.04em}
.f .v{border-bottom:1px solid #000;min-height:5.6mm;padding:.4mm 1mm 0;font-size:10.5pt;line-height:1.25;overflow-wrap:anywhere;white-space:pre-wrap}
.f .v.tall{min-height:11mm}
.f .v.sign{min-height:9mm}
.ack p{margin:0 0 1.2mm}
.ack{font-size:9.5pt;line-height:1.25}
`;

/** Long details get a tighter layout, so the form stays on one page (the longest the contract accepts fit). */
const COMPACT = `
body.compact{font-size:9pt}
body.compact h1{font-size:13pt}
body.compact h2{margin:1.6mm 0 .6mm;font-size:10pt}
body.compact .f .v{font-size:9pt;min-height:4.8mm}
body.compact .f .v.tall{min-height:8mm}
body.compact .f .v.sign{min-height:7.5mm}
body.compact .ack{font-size:8.3pt}
body.compact .boxed{padding:1mm 2mm;margin-bottom:1mm}
`;

/** Printed lines a text takes in a full-width field, roughly (wide capitals count as more). */
const lines = (s: string | null | undefined, perLine = 80) => (s ? s.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0) : 1);

/** A labelled field: the value, or a blank line to write on. */
const field = (label: string, value: string | null | undefined, cls = '') =>
  `<div class="f${cls.includes('wide') ? ' wide' : ''}"><span class="l">${esc(label)}</span><span class="v${cls.replace('wide', '')}">${esc(value ?? '')}</span></div>`;

export function disclosureHtml(d: DisclosureData): string {
  // What the form has room for (the details the CLI or the screen gives are checked to fit; the dealer's record of the guest is not).
  const g: Guest = {
    name: paperText(d.guest.name, ROOM.guestName),
    email: paperText(d.guest.email, ROOM.guestEmail),
    address: paperLines(d.guest.address, ROOM.guestAddressLines, ROOM.guestAddress),
    phone: paperText(d.guest.phone, ROOM.phone),
    mobilePhone: paperText(d.guest.mobilePhone, ROOM.phone),
  };
  const staff = paperText(d.staff, ROOM.staff);
  const body = `
${docHead(d.dealer.name, d.form.title, d.date, `Program ${esc(d.campaign)}`)}
${d.form.issuer ? `<p class="small">${esc(d.form.issuer)}</p>` : ''}
${d.form.headerStatements.map((s) => `<p class="boxed"><strong>${esc(s)}</strong></p>`).join('')}
<h2>Vehicle</h2>
<div class="fields">
${field('VIN', d.vin, ' mono')}${field('Program code', d.campaign)}
${field('Model', paperText(d.model, ROOM.model))}${field('Model year', String(d.modelYear))}
</div>
<h2>Guest information</h2>
<div class="fields">
${field('Guest name', g.name, 'wide')}
${field('Guest address', g.address, 'wide tall')}
${field('Guest e-mail', g.email, 'wide')}
${field('Home phone', g.phone)}${field('Mobile phone', g.mobilePhone)}
</div>
<h2>Guest acknowledgement</h2>
<div class="ack">
${d.form.acknowledgement.map((p) => `<p>${esc(p)}</p>`).join('')}
<p>${esc(d.form.statusCheck)} Your VIN: <strong class="mono">${esc(d.vin)}</strong></p>
${d.form.contactUse ? `<p class="small">${esc(d.form.contactUse)}</p>` : ''}
</div>
<div class="fields">
${field('Guest signature', null, ' sign')}${field('Date', null, ' sign')}
</div>
<h2>Dealer information</h2>
<div class="fields">
${field('Dealer name and address', `${d.dealer.name}\n${d.dealer.address}`, 'wide')}
${field('Dealer code', d.dealer.code)}${field('Dealer phone number', d.dealer.phone)}
${field('Dealer staff name', staff)}${field('Dealer staff signature', null, ' sign')}
</div>`;
  // The usual form (a name, a two-line address, a three-line dealer block) takes 7 lines here.
  const load = lines(g.name) + lines(g.address) + lines(g.email) + lines(`${d.dealer.name}\n${d.dealer.address}`) + lines(staff, 40) - 1;
  const compact = load > 8 || d.form.acknowledgement.join(' ').length > 600;
  return frame({
    title: `${d.form.title} ${d.vin}`,
    paper: d.paper,
    footer: [`${d.vin} · ${d.campaign} disclosure form · `, { typed: d.dealer.name }],
    body,
    css: CSS + COMPACT,
    bodyClass: compact ? 'compact' : undefined,
  });
}

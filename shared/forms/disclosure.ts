// The Guest Contact & Vehicle Disclosure Form, from the campaign's bulletin data: pre-filled where the
// app knows the answer, a blank line to write on where it does not. One page, black on white; long
// names and addresses wrap instead of being cut.
import type { Documents } from '../bulletin';
import type { Dealer, Paper } from '../settings/contract';
import type { Guest } from './contract';
import { docHead, esc, frame } from './html';

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

/** A labelled field: the value, or a blank line to write on. */
const field = (label: string, value: string | null | undefined, cls = '') =>
  `<div class="f${cls.includes('wide') ? ' wide' : ''}"><span class="l">${esc(label)}</span><span class="v${cls.replace('wide', '')}">${esc(value ?? '')}</span></div>`;

export function disclosureHtml(d: DisclosureData): string {
  const g = d.guest;
  const body = `
${docHead(d.dealer.name, d.form.title, d.date, `Program ${esc(d.campaign)}`)}
${d.form.issuer ? `<p class="small">${esc(d.form.issuer)}</p>` : ''}
${d.form.headerStatements.map((s) => `<p class="boxed"><strong>${esc(s)}</strong></p>`).join('')}
<h2>Vehicle</h2>
<div class="fields">
${field('VIN', d.vin, ' mono')}${field('Program code', d.campaign)}
${field('Model', d.model)}${field('Model year', String(d.modelYear))}
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
${field('Dealer staff name', d.staff)}${field('Dealer staff signature', null, ' sign')}
</div>`;
  return frame({ title: `${d.form.title} ${d.vin}`, paper: d.paper, footer: `${d.dealer.name} · ${d.campaign} ${d.form.title} · ${d.vin}`, body, css: CSS });
}

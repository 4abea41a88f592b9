// Plain-text renderings for the terminal: what a counter person reads when not using the window.
import type { CampaignHit, CampaignSummary, FollowUpList, HoldReport, LookupResult, OutputOf } from '../../shared/api';
import { describeAge } from '../../shared/age';

const KIND = { 'safety-recall': 'Safety recall', 'service-campaign': 'Service campaign', 'customer-program': 'Customer program', other: 'Campaign' } as const;

function remedyWord(h: CampaignHit): string {
  if (h.remedy.available === true) return 'REMEDY AVAILABLE';
  if (h.remedy.available === false) return 'REMEDY NOT YET AVAILABLE';
  return 'REMEDY STATUS UNKNOWN';
}

export function formatLookup(r: LookupResult): string {
  const lines: string[] = [];
  const modelNote = r.model ? `  model ${r.model}${r.modelSource === 'vin-range' ? ' (from the VIN range)' : ''}` : '';
  lines.push(`VIN ${r.vin}  model year ${r.modelYear}  built in ${r.region ?? 'unknown'}${modelNote}${r.productionMonth ? `  produced ${r.productionMonth}` : ''}`);
  for (const w of r.warnings) lines.push(`WARNING: ${w}`);
  if (r.campaigns.length === 0) {
    lines.push(`No campaign of the library applies (${r.campaignsChecked} checked; newest bulletin ${r.newestRevisionDate ?? 'none'}).`);
    return lines.join('\n');
  }
  lines.push(`${r.campaigns.length} campaign${r.campaigns.length === 1 ? '' : 's'} may apply (${r.campaignsChecked} checked):`);
  for (const h of r.campaigns) {
    lines.push('');
    lines.push(`${h.code}  ${h.title}  [${KIND[h.kind]}]  ${h.certainty.toUpperCase()}  ${remedyWord(h)}`);
    lines.push(`  Why:    ${h.certaintyReason}`);
    lines.push(`  Remedy: ${h.remedy.explanation}`);
    if (h.needs.length) {
      const asks = h.needs.map((n) => (n === 'model' ? `--model (one of: ${h.modelChoices.join(', ')})` : '--produced MM/YY (door-jamb label)'));
      lines.push(`  Needs:  ${asks.join(' and ')}`);
    }
    lines.push('  Next:');
    for (const a of h.actions) lines.push(`    - ${a}`);
    lines.push(`  Source: ${h.source.bulletin}, revision ${h.source.revisionDate} (${describeAge(h.source.ageDays)})`);
  }
  return lines.join('\n');
}

export function formatCampaigns(list: CampaignSummary[]): string {
  if (list.length === 0) return 'The library is empty.';
  const rows = list.map((c) => [c.code, KIND[c.kind], c.title, `${c.revisionDate} (${describeAge(c.ageDays)})`, c.remedySummary]);
  const head = ['Code', 'Kind', 'Title', 'Revision', 'Remedy'];
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fmt = (r: string[]) => r.map((c, i) => (i < r.length - 1 ? c.slice(0, widths[i]).padEnd(widths[i]!) : c)).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n');
}

export function formatCheck(results: LookupResult[]): string {
  return results
    .map((r) => `${r.vin}  ${r.modelYear}  ${r.campaigns.length ? r.campaigns.map((c) => `${c.code}:${c.certainty}`).join(' ') : '-'}${r.checkDigitValid ? '' : '  (check digit?)'}`)
    .join('\n');
}

type Preview = { rowsRead: number; valid: number; duplicates: number; invalid: { line: number; text: string; reason: string }[] };

function previewLines(p: Preview): string[] {
  const lines = [`${p.rowsRead.toLocaleString('en-US')} rows read: ${p.valid.toLocaleString('en-US')} valid, ${p.duplicates} duplicates, ${p.invalid.length} invalid.`];
  for (const i of p.invalid.slice(0, 20)) lines.push(`  line ${i.line}: ${i.reason} (${i.text})`);
  if (p.invalid.length > 20) lines.push(`  ... and ${p.invalid.length - 20} more invalid lines.`);
  return lines;
}

export function formatListPreview(p: OutputOf<'previewVinList'>): string {
  return [
    `${p.campaign.code} ${p.campaign.title}: affected-VIN list of ${p.listDate}${p.complete ? '' : ' (partial)'}${p.replaces ? `, replacing the list of ${p.replaces.listDate} (${p.replaces.rows} VINs)` : ''}.`,
    ...previewLines(p),
  ].join('\n');
}

export function formatVehiclePreview(p: OutputOf<'previewVehicles'>): string {
  const mapped = Object.entries(p.mapping)
    .filter(([, col]) => col)
    .map(([f, col]) => `${f}=${col}`)
    .join(', ');
  return [`Columns: ${mapped}. In stock: ${p.inStock}.`, ...previewLines(p)].join('\n');
}

const HOLD_LABEL = {
  'do-not-deliver-until-remedied': 'DO NOT DELIVER until remedied',
  'deliver-with-disclosure-if-unavailable': 'Deliver only with the disclosure form if the remedy is not available',
  'perform-before-delivery': 'Perform before delivery',
} as const;

export function formatHolds(r: HoldReport): string {
  const lines = [`${r.vehiclesHeld} of ${r.vehiclesInStock} vehicles in stock have holds.`];
  for (const c of r.perCampaign) lines.push(`  ${c.code}: ${c.doNotDeliver} do not deliver, ${c.withDisclosure} with disclosure, ${c.performBefore} perform before delivery`);
  for (const h of r.holds) {
    lines.push('');
    lines.push(`${h.stockNumber ?? '-'}  ${h.vin}  ${h.modelYear} ${h.model ?? ''}  ${h.condition ?? 'condition unknown'}`);
    lines.push(`  ${h.code}: ${HOLD_LABEL[h.hold]}${h.needs.length ? ` (needs ${h.needs.join(' and ')})` : ''}`);
    lines.push(`  ${h.reason}`);
  }
  return lines.join('\n');
}

export function formatFollowUp(l: FollowUpList): string {
  const lines = [`${l.rows.length} open campaign${l.rows.length === 1 ? '' : 's'} on ${l.vehiclesServiced} vehicles serviced here.`];
  for (const c of l.perCampaign) lines.push(`  ${c.code}: ${c.notYetRemedied} not yet remedied`);
  for (const r of l.rows) lines.push(`${r.code}  ${r.vin}  ${r.modelYear} ${r.model ?? ''}  last service ${r.lastServiceDate}  ${r.guestName ?? ''} ${r.guestPhone ?? ''}`);
  return lines.join('\n');
}

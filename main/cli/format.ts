// Plain-text renderings for the terminal: what a counter person reads when not using the window.
import type { CampaignHit, CampaignSummary, LookupResult } from '../../shared/api';
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

// The campaign library as a terminal table.
import { describeAge } from '../../shared/age';
import type { CampaignSummary } from '../../shared/campaigns/contract';
import { KIND_LABEL } from '../../shared/wording';

export function formatCampaigns(list: CampaignSummary[]): string {
  if (list.length === 0) return 'The library is empty.';
  const rows = list.map((c) => [c.code, KIND_LABEL[c.kind], c.title, `${c.revisionDate} (${describeAge(c.ageDays)})`, c.remedySummary]);
  const head = ['Code', 'Kind', 'Title', 'Revision', 'Remedy'];
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fmt = (r: string[]) => r.map((c, i) => (i < r.length - 1 ? c.slice(0, widths[i]).padEnd(widths[i]!) : c)).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n');
}

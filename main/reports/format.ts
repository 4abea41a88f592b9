// The hold report and the follow-up list as a terminal reads them.
import type { FollowUpList, HoldReport } from '../../shared/reports/contract';
import { conditionText, count, HOLD_LABEL, HOLD_SHORT_LABEL, NEED_LABEL, plural } from '../../shared/wording';

export function formatHolds(r: HoldReport): string {
  const lines = [`${count(r.vehiclesHeld)} of ${count(r.vehiclesInStock)} vehicles in stock have holds.`];
  for (const c of r.perCampaign) {
    lines.push(
      `  ${c.code}: ${HOLD_SHORT_LABEL['do-not-deliver-until-remedied']} ${count(c.doNotDeliver)}, ${HOLD_SHORT_LABEL['deliver-with-disclosure-if-unavailable'].toLowerCase()} ${count(c.withDisclosure)}, ${HOLD_SHORT_LABEL['perform-before-delivery'].toLowerCase()} ${count(c.performBefore)}`,
    );
  }
  for (const h of r.holds) {
    lines.push('');
    lines.push(`${h.stockNumber ?? '-'}  ${h.vin}  ${h.modelYear} ${h.model ?? ''}  ${conditionText(h.condition)}`);
    lines.push(`  ${h.code}: ${HOLD_LABEL[h.hold]}${h.needs.length ? ` (needs ${h.needs.map((n) => NEED_LABEL[n]).join(' and ')})` : ''}`);
    lines.push(`  ${h.reason}`);
  }
  return lines.join('\n');
}

export function formatFollowUp(l: FollowUpList): string {
  const lines = [`${plural(l.rows.length, 'open campaign')} on ${count(l.vehiclesServiced)} vehicles serviced here.`];
  for (const c of l.perCampaign) lines.push(`  ${c.code}: ${count(c.notYetRemedied)} not yet remedied`);
  for (const r of l.rows)
    lines.push(`${r.code}  ${r.vin}  ${r.modelYear} ${r.model ?? ''}  last service ${r.lastServiceDate}  ${r.guestName ?? ''} ${r.guestPhone ?? ''}`);
  return lines.join('\n');
}

// Claim lines as a terminal reads them, each with its corrections.
import type { Claim } from '../../shared/claims/contract';
import { goodwillClaimText, hoursText } from '../../shared/wording';

export function formatClaims(claims: Claim[]): string {
  if (claims.length === 0) return 'No claim lines yet: they are recorded when work is completed (recall-desk complete).';
  const lines: string[] = [];
  for (const c of claims) {
    lines.push(
      `#${c.id}  ${c.completedOn}  ${c.campaign}  ${c.vin}  op code ${c.opCode ?? '(none)'}  ${c.hours !== null ? hoursText(c.hours) : '(hours not stated)'}  RO ${c.repairOrder ?? '-'}  ${c.technician} / verified by ${c.verifiedBy}`,
    );
    if (c.goodwill) lines.push(`  ${goodwillClaimText(c.goodwill)}`);
    if (c.note) lines.push(`  ${c.note}`);
    for (const h of c.history)
      lines.push(
        `  corrected ${h.madeAt.slice(0, 10)} by ${h.madeBy}: ${h.field === 'vin' ? 'VIN' : 'op code'} ${h.oldValue ?? '(none)'} → ${h.newValue} (${h.reason})`,
      );
  }
  return lines.join('\n');
}

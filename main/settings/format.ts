// The settings as terminal text.
import type { Settings } from '../../shared/settings/contract';
import { DEALER_FIELD_LABEL, PAPER_LABEL } from '../../shared/wording';

export function formatSettings(s: Settings): string {
  const show = (v: string | null) => v ?? '(not set)';
  const lines = [
    `Dealer name:    ${show(s.dealer.name)}`,
    `Dealer address: ${show(s.dealer.address)?.replace(/\n/g, '\n                ')}`,
    `Dealer code:    ${show(s.dealer.code)}`,
    `Dealer phone:   ${show(s.dealer.phone)}`,
    `Paper:          ${PAPER_LABEL[s.paper]}`,
    `Opening hours:  ${s.openingHours ? `${s.openingHours.opens}-${s.openingHours.closes}` : '(none set: no booking is warned of)'}`,
    `Staff:          ${s.staff.length ? s.staff.join(', ') : '(none yet: recall-desk settings staff add NAME)'}`,
  ];
  if (s.missing.length)
    lines.push('', `Forms do not print until these are set: ${s.missing.map((f) => DEALER_FIELD_LABEL[f]).join(', ')} (recall-desk settings dealer ...).`);
  return lines.join('\n');
}

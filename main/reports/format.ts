// The hold report and the follow-up list as a terminal reads them, line by line (they are written as
// they come: a whole stock's report is never one string).
import type { FollowUpList, HoldReport } from '../../shared/reports/contract';
import { FollowUpView, followUpViewWords } from '../../shared/reports/view';
import { nhtsaFollowUpText } from '../nhtsa/format';
import { conditionText, count, HOLD_LABEL, HOLD_SHORT_LABEL, NEED_LABEL, plural } from '../../shared/wording';

export function* holdsText(r: HoldReport): Generator<string> {
  yield `${count(r.vehiclesHeld)} of ${count(r.vehiclesInStock)} vehicles in stock have holds.`;
  for (const c of r.perCampaign) {
    yield `  ${c.code}: ${HOLD_SHORT_LABEL['do-not-deliver-until-remedied']} ${count(c.doNotDeliver)}, ${HOLD_SHORT_LABEL['deliver-with-disclosure-if-unavailable'].toLowerCase()} ${count(c.withDisclosure)}, ${HOLD_SHORT_LABEL['perform-before-delivery'].toLowerCase()} ${count(c.performBefore)}`;
  }
  for (const h of r.holds) {
    yield '';
    yield `${h.stockNumber ?? '-'}  ${h.vin}  ${h.modelYear} ${h.model ?? ''}  ${conditionText(h.condition)}`;
    yield `  ${h.code}: ${HOLD_LABEL[h.hold]}${h.needs.length ? ` (needs ${h.needs.map((n) => NEED_LABEL[n]).join(' and ')})` : ''}`;
    // Where the vehicle's per-VIN part stands (to place, on order since, received): the very phrase the
    // report's JSON, CSV and PDF carry, so the terminal says what the paper says.
    if (h.parts) yield `  ${h.parts}`;
    yield `  ${h.reason}`;
  }
}

type FollowUpFilter = { campaign?: string | null; remedyAvailableOnly?: boolean; booked?: 'all' | 'booked' | 'not-booked' };

/**
 * The list as `followup` prints it. Its counts are of the rows shown: under filters, the header names
 * them (in the words the printed list and the screen use) and each campaign's count is of its rows shown.
 */
export function* followUpText(l: FollowUpList, filter: FollowUpFilter = {}): Generator<string> {
  const words = followUpViewWords(
    FollowUpView.parse({
      campaign: (filter.campaign ?? '').trim().toUpperCase(),
      availableOnly: !!filter.remedyAvailableOnly,
      booked: !filter.booked || filter.booked === 'all' ? '' : filter.booked,
    }),
  );
  if (words.length === 0) {
    yield `${plural(l.rows.length, 'open campaign')} on ${count(l.vehiclesServiced)} vehicles serviced here.`;
    for (const c of l.perCampaign) yield `  ${c.code}: ${count(c.notYetRemedied)} not yet remedied`;
  } else {
    yield `${plural(l.rows.length, 'open campaign')} shown on ${count(l.vehiclesServiced)} vehicles serviced here, as filtered: ${words.join('; ')}.`;
    for (const c of l.perCampaign) yield `  ${c.code}: ${count(c.notYetRemedied)} shown`;
  }
  for (const r of l.rows) {
    const booked = r.appointment ? `  booked ${r.appointment.at.replace('T', ' ')} (appointment ${r.appointment.id})` : '';
    yield `${r.code}  ${r.vin}  ${r.modelYear} ${r.model ?? ''}  last service ${r.lastServiceDate}  ${r.guestName ?? ''} ${r.guestPhone ?? ''}${booked}`;
  }
  if (l.waiting.length > 0) {
    yield `Waiting list (call when the remedy arrives): ${plural(l.waiting.length, 'vehicle')}.`;
    for (const w of l.waiting) yield `${w.code}  ${w.vin}  waiting since ${w.since.slice(0, 10)}${w.note ? `  ${w.note}` : ''}`;
  }
  yield* nhtsaFollowUpText(l.checkAtNhtsa);
}

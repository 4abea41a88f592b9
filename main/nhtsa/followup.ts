// The follow-up list's part for vehicles of other makes. The list is of serviced vehicles whose open
// campaigns the dealership calls guests about, with "not yet remedied" counts per campaign. NHTSA's file
// lists recalls by make, model and year, not by VIN, and knows nothing of remedies done: such a recall
// is neither a row of the list nor counted. A serviced vehicle with any becomes one line of its own,
// "check by VIN at NHTSA", naming them (flagged first) with the guest's contact.
import type { CampaignHit, LookupResult, ParsedInputOf } from '../../shared/api';
import type { NhtsaFollowUpLine } from '../../shared/nhtsa/contract';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { severityRank } from '../../shared/wording';
import { followUpVehicle, type Serviced } from '../reports/followup-vehicle';

/** A recall from NHTSA's file alone (a Lexus one naming a library bulletin is that bulletin's row). */
export const fromNhtsaOnly = (hit: CampaignHit): boolean => hit.matchedBy === 'nhtsa-model-year';

/**
 * The line for one serviced vehicle, or null. The screen's filters apply as far as they can be known:
 * a campaign (an NHTSA number); "remedy available" and "booked" are not known for NHTSA's recalls, so
 * those filters leave them out.
 */
export function nhtsaFollowUpLine(
  v: Serviced,
  result: LookupResult,
  hits: readonly CampaignHit[],
  filter: ParsedInputOf<'followUpList'>,
): NhtsaFollowUpLine | null {
  if (filter.remedyAvailableOnly || filter.booked === 'booked') return null;
  const wanted = filter.campaign ? filter.campaign.toUpperCase() : null;
  const recalls = hits
    .filter((h) => fromNhtsaOnly(h) && (!wanted || h.code === wanted))
    .map((h) => ({ code: h.code, component: h.title, severity: h.severity }))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  if (!recalls.length) return null;
  const make = hits.find(fromNhtsaOnly)?.make ?? '';
  return {
    ...followUpVehicle(v, result),
    recalls,
    note: NHTSA_WORDING.followUpNote(result.modelYear, make, result.model),
  };
}

/** Flagged vehicles first; otherwise as serviced (newest first, the order they came in). */
export const sortFollowUpLines = (lines: NhtsaFollowUpLine[]): NhtsaFollowUpLine[] =>
  lines.some((l) => l.recalls[0]!.severity.length) ? lines.sort((a, b) => severityRank(a.recalls[0]!.severity) - severityRank(b.recalls[0]!.severity)) : lines;

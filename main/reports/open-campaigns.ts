// The campaigns still open for a known vehicle: the lookup's answer, less what the dealer recorded
// as done or not applicable, and less what a complete affected list says does not apply.
import type { CampaignHit, LookupResult } from '../../shared/api';
import type { LookupService } from '../lookup/service';

export function openCampaigns(
  lookup: LookupService,
  vin: string,
  facts: { model?: string | null; productionMonth?: string | null } = {},
): { result: LookupResult; open: CampaignHit[] } {
  return openOf(lookup.lookup({ vin, ...facts }));
}

/** A lookup's answer with the campaigns still open. */
export function openOf(result: LookupResult): { result: LookupResult; open: CampaignHit[] } {
  return { result, open: result.campaigns.filter(isOpen) };
}

/** Not recorded as done or not applicable here, and not left off a complete affected list. */
export const isOpen = (h: CampaignHit): boolean =>
  !(h.vehicleStatus && h.vehicleStatus.status !== 'open') && !(h.affectedList?.complete && !h.affectedList.listed);

// What the dealer records per vehicle and campaign: open, completed here (date, RO), completed
// elsewhere, not applicable. A vehicle not yet known is created with its VIN alone. The checks a
// person would expect are made here, so the screen, the CLI and the API cannot skip them.
import { localIsoDate } from '../../shared/dates';
import { ApiError, type ParsedInputOf } from '../../shared/api';
import { parseCounterDate } from '../../shared/vehicles/dates';
import { analyzeVin } from '../../shared/vin';
import type { CampaignStore } from '../campaigns/store';
import type { Db } from '../db/open';
import type { LookupService } from '../lookup/service';

type Input = ParsedInputOf<'setVehicleCampaignStatus'>;

/**
 * `lookup` checks what a counter person records by hand: "completed here" needs the RO and an
 * available remedy. null is for the completion of a booked appointment: its booking checked the remedy
 * (or recorded a goodwill reason) and the appointment itself is the record when no RO is given.
 */
export function setVehicleCampaignStatus(db: Db, campaigns: CampaignStore, lookup: LookupService | null, now: () => Date, input: Input) {
  const vin = analyzeVin(input.vin, now().getFullYear());
  if (!vin.ok)
    throw new ApiError(
      'invalid-vin',
      vin.errors[0]!.message,
      vin.errors.map((e) => e.message),
    );
  const campaign = campaigns.idOf(input.campaign);
  const dated = input.status === 'completed-here' || input.status === 'completed-elsewhere';
  let completedOn: string | null = null;
  if (dated && (input.completedOn?.trim() || input.status === 'completed-here')) {
    const parsed = parseCounterDate(input.completedOn ?? '', localIsoDate(now()));
    if (!parsed.ok) throw new ApiError('invalid-input', `Completion date: ${parsed.message}`);
    completedOn = parsed.iso;
  }
  const repairOrder = input.status === 'completed-here' ? input.repairOrder?.trim() || null : null;
  if (input.status === 'completed-here') {
    if (lookup && !repairOrder) throw new ApiError('invalid-input', 'Completed here needs the repair order (RO) number of the repair.');
    if (lookup) refuseWhileNoRemedy(lookup, campaigns, vin.vin, campaign);
  }
  const at = now().toISOString();
  db.sqlite.transaction(() => {
    db.sqlite.prepare('INSERT INTO vehicles (vin, model_year, updated_at) VALUES (?, ?, ?) ON CONFLICT (vin) DO NOTHING').run(vin.vin, vin.modelYear, at);
    db.sqlite
      .prepare(
        `INSERT INTO vehicle_campaigns (vin, campaign_code, status, completed_on, repair_order, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (vin, campaign_code) DO UPDATE SET status = excluded.status, completed_on = excluded.completed_on,
           repair_order = excluded.repair_order, updated_at = excluded.updated_at`,
      )
      .run(vin.vin, campaign.code, input.status, completedOn, repairOrder, at);
  })();
  return { vin: vin.vin, campaign: campaign.code, status: input.status, completedOn };
}

/** A repair cannot have been done here while the bulletin says the remedy or its parts are not there yet. */
function refuseWhileNoRemedy(lookup: LookupService, campaigns: CampaignStore, vin: string, campaign: { id: number; code: string }): void {
  const b = campaigns.byId(campaign.id).bulletin;
  const hit = lookup.lookup({ vin }).campaigns.find((c) => c.code === campaign.code);
  const why =
    hit?.remedy.available === false
      ? hit.remedy.explanation
      : b.parts.length > 0 && b.parts.every((p) => !p.released)
        ? `the parts are not released yet (bulletin revision ${b.revisionDate}).`
        : null;
  if (why) {
    throw new ApiError(
      'conflict',
      `${campaign.code} cannot be recorded as completed here: the remedy is not available for this vehicle yet. ${why.replace(/^./, (c) => c.toUpperCase())}`,
      ['If it was repaired at another dealer, record "completed elsewhere"; if the bulletin is out of date, import the newer revision first.'],
    );
  }
}

// What the dealer records per vehicle and campaign: open, completed here (date, RO), completed
// elsewhere, not applicable. A vehicle not yet known is created with its VIN alone.
import { ApiError, type ParsedInputOf } from '../../shared/api';
import { analyzeVin } from '../../shared/vin';
import type { Db } from '../db/open';
import type { CampaignStore } from '../campaigns/store';

export function setVehicleCampaignStatus(db: Db, campaigns: CampaignStore, now: () => Date, input: ParsedInputOf<'setVehicleCampaignStatus'>) {
  const vin = analyzeVin(input.vin);
  if (!vin.ok)
    throw new ApiError(
      'invalid-vin',
      vin.errors[0]!.message,
      vin.errors.map((e) => e.message),
    );
  const campaign = campaigns.idOf(input.campaign);
  const at = now().toISOString();
  db.sqlite.transaction(() => {
    db.sqlite.prepare('INSERT INTO vehicles (vin, model_year, updated_at) VALUES (?, ?, ?) ON CONFLICT (vin) DO NOTHING').run(vin.vin, vin.modelYear, at);
    db.sqlite
      .prepare(
        `INSERT INTO vehicle_campaigns (vin, campaign_code, status, completed_on, repair_order, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (vin, campaign_code) DO UPDATE SET status = excluded.status, completed_on = excluded.completed_on,
           repair_order = excluded.repair_order, updated_at = excluded.updated_at`,
      )
      .run(vin.vin, campaign.code, input.status, input.completedOn ?? null, input.repairOrder ?? null, at);
  })();
  return { vin: vin.vin, campaign: campaign.code, status: input.status };
}

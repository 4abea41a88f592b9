// The vehicles domain: what the dealer records about one vehicle and one campaign.
import { z } from 'zod';
import { isoDate } from '../bulletin';
import { defineOperations } from '../contract';
import { CampaignCode } from '../schemas';

export const VehicleCampaignStatus = z.enum(['open', 'completed-here', 'completed-elsewhere', 'not-applicable']);

export const SetVehicleCampaignStatusInput = z
  .object({
    vin: z.string().max(64),
    campaign: CampaignCode,
    status: VehicleCampaignStatus,
    completedOn: isoDate.nullish(),
    repairOrder: z.string().trim().max(40).nullish(),
  })
  .refine((v) => v.status !== 'completed-here' || (v.completedOn && v.repairOrder), {
    message: 'completed here needs the date and the repair order number',
    path: ['repairOrder'],
  });

export const vehicleOperations = defineOperations({
  setVehicleCampaignStatus: {
    input: SetVehicleCampaignStatusInput,
    output: z.object({ vin: z.string(), campaign: z.string(), status: VehicleCampaignStatus }),
  },
});

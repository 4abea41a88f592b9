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

/** The vehicle as NHTSA's vPIC data decodes its VIN, offline: what the manufacturer registered for its patterns. */
export const DecodedVehicle = z.object({
  make: z.string().nullable(),
  /** vPIC's model ("RX"); `ruleModel` adds the engine/grade number the trim carries ("RX 330"), as bulletins name models. */
  model: z.string().nullable(),
  ruleModel: z.string().nullable(),
  series: z.string().nullable(),
  trim: z.string().nullable(),
  bodyClass: z.string().nullable(),
  plantCountry: z.string().nullable(),
  source: z.literal('NHTSA vPIC'),
});
export type DecodedVehicle = z.output<typeof DecodedVehicle>;

export const vehicleOperations = defineOperations({
  setVehicleCampaignStatus: {
    input: SetVehicleCampaignStatusInput,
    output: z.object({ vin: z.string(), campaign: z.string(), status: VehicleCampaignStatus }),
  },
});

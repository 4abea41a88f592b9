// The vehicles domain: what the dealer records about one vehicle and one campaign.
import { z } from '../lazy-zod';
import { defineEffects, defineOperations, write } from '../contract';
import { ADVISORS } from '../accounts/roles';
import { CampaignCode, Vin } from '../schemas';

export const VehicleCampaignStatus = z.enum(['open', 'completed-here', 'completed-elsewhere', 'not-applicable']);

// The date as typed (03/14/2024, 3/14/24, 2024-03-14): the service reads it and says in plain words
// what is wrong with it (see dates.ts), so the screen, the CLI and the API all get the same check.
export const SetVehicleCampaignStatusInput = z.object({
  vin: Vin,
  campaign: CampaignCode,
  status: VehicleCampaignStatus,
  completedOn: z.string().max(40, 'The date is far too long: write it as 03/14/2024.').nullish(),
  repairOrder: z.string().trim().max(40, 'The repair order number has at most 40 characters.').nullish(),
});

/** The vehicle as NHTSA's vPIC data decodes its VIN, offline: what the manufacturer registered for its patterns. */
export const DecodedVehicle = z.object({
  /** The model year the decode was made for: the VIN rules' year (one reading of position 10 for both). */
  modelYear: z.number().int().nullable(),
  make: z.string().nullable(),
  /** vPIC's model ("RX"); `ruleModel` adds the engine/grade number the trim carries ("RX 330"), as bulletins name models. */
  model: z.string().nullable(),
  ruleModel: z.string().nullable(),
  series: z.string().nullable(),
  trim: z.string().nullable(),
  bodyClass: z.string().nullable(),
  plantCountry: z.string().nullable(),
  /**
   * Where `plantCountry` comes from: vPIC's pattern for the plant code (VIN position 11) where it agrees
   * with the WMI's country, else the country vPIC registers for the WMI (its manufacturer's).
   */
  plantCountrySource: z.enum(['plant-code', 'wmi']).nullable(),
  /** The plant code or the WMI that source names. */
  plantCountryKey: z.string().nullable(),
  source: z.literal('NHTSA vPIC'),
});
export type DecodedVehicle = z.output<typeof DecodedVehicle>;

export const vehicleOperations = defineOperations({
  setVehicleCampaignStatus: {
    input: SetVehicleCampaignStatusInput,
    output: z.object({ vin: z.string(), campaign: z.string(), status: VehicleCampaignStatus, completedOn: z.string().nullable() }),
  },
});

export const vehicleEffects = defineEffects(vehicleOperations, {
  setVehicleCampaignStatus: write(['vehicles', 'lookup', 'reports'], 'record a vehicle’s campaign status', ADVISORS),
});

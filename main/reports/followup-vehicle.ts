// A serviced vehicle's row from the vehicles table as a follow-up line names it (shared/reports/followup-vehicle.ts).
import type { z } from 'zod';
import type { LookupResult } from '../../shared/api';
import type { FollowUpVehicle } from '../../shared/reports/followup-vehicle';
import type { Row } from '../db/schema';

export type Serviced = Pick<Row<'vehicles'>, 'vin' | 'guest_name' | 'guest_phone' | 'guest_email' | 'guest_address'> & { last_service_date: string };

export const followUpVehicle = (v: Serviced, result: Pick<LookupResult, 'model' | 'modelYear'>): z.infer<typeof FollowUpVehicle> => ({
  vin: v.vin,
  model: result.model,
  modelYear: result.modelYear,
  lastServiceDate: v.last_service_date,
  guestName: v.guest_name,
  guestPhone: v.guest_phone,
  guestEmail: v.guest_email,
  guestAddress: v.guest_address,
});

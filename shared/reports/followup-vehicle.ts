// The serviced vehicle and its guest, as every follow-up line names them: a campaign's row and the line
// for another make's NHTSA recalls alike.
import { z } from '../lazy-zod';

export const FollowUpVehicle = z.object({
  vin: z.string(),
  model: z.string().nullable(),
  modelYear: z.number().int(),
  lastServiceDate: z.string(),
  guestName: z.string().nullable(),
  guestPhone: z.string().nullable(),
  guestEmail: z.string().nullable(),
  guestAddress: z.string().nullable(),
});

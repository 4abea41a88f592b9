// Small zod pieces several domains' contracts share.
import { z } from 'zod';

export const Empty = z.object({}).strict();
export const CampaignCode = z.string().trim().min(1, 'name the campaign by its code, e.g. 23LJ01').max(12);
export const Certainty = z.enum(['confirmed', 'verify']);
export const Need = z.enum(['model', 'productionMonth']);

// Small zod pieces several domains' contracts share.
import { z } from './lazy-zod';
import { analyzeVin } from './vin';

export const Empty = z.object({}).strict();
export const CampaignCode = z.string().trim().min(1, 'name the campaign by its code, e.g. 23LJ01').max(12);
export const Certainty = z.enum(['confirmed', 'verify']);
export const Need = z.enum(['model', 'productionMonth']);

/**
 * A VIN in an operation's input: normalised (case, spaces, the scanner's leading I) and checked once, at
 * the gate, with the VIN rules' own words; the services receive it clean. The issue carries the API's
 * error code, so the answer is 'invalid-vin' as before.
 */
export const Vin = z
  .string()
  .max(64, 'a VIN has 17 characters; this is far longer')
  .transform((raw, ctx) => {
    const v = analyzeVin(raw);
    if (v.ok) return v.vin;
    ctx.addIssue({ code: 'custom', message: v.errors[0]!.message, params: { errorCode: 'invalid-vin', details: v.errors.map((e) => e.message) } });
    return z.NEVER;
  });

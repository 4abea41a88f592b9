// The claims domain: one claim line per campaign completed here, and corrections that keep the
// original in the claim's history (wrong op code or VIN, per Warranty Procedure Bulletin PRO17-03).
import { z } from '../lazy-zod';
import { isoDate } from '../bulletin';
import { defineEffects, defineOperations, read, write } from '../contract';
import { MANAGERS } from '../accounts/roles';
import { PersonName, Reason } from '../parts/fields';
import { Vin } from '../schemas';

export const ClaimChange = z.object({
  field: z.enum(['op_code', 'vin']),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
  madeBy: z.string(),
  madeAt: z.string(),
});

export const Claim = z.object({
  id: z.number().int(),
  vin: z.string(),
  campaign: z.string(),
  /** null: the bulletin gives no op code; the user enters it with a correction. */
  opCode: z.string().nullable(),
  hours: z.number().nullable(),
  /** Why the op code or hours are missing, in words; null when both are known. */
  note: z.string().nullable(),
  repairOrder: z.string().nullable(),
  technician: z.string(),
  verifiedBy: z.string(),
  completedOn: z.string(),
  appointmentId: z.number().int().nullable(),
  /** Work booked as goodwill: the reason and where the bulletin offers it ("lost the only key (23LJ01 FAQ Q13)"); null otherwise. */
  goodwill: z.string().nullable(),
  history: z.array(ClaimChange),
});

export const ClaimFilter = z.object({
  campaign: z.string().trim().max(12).nullish(),
  vin: z.string().trim().max(64).nullish(),
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  missingOpCode: z.boolean().nullish(),
});

export const claimOperations = defineOperations({
  listClaims: { input: ClaimFilter, output: z.object({ claims: z.array(Claim) }) },
  correctClaim: {
    input: z
      .object({
        id: z.number().int().positive(),
        opCode: z
          .string()
          .trim()
          .regex(/^[A-Z0-9]{2,16}$/i, 'an op code is 2-16 letters or digits, e.g. 23LJ01R1')
          .transform((s) => s.toUpperCase())
          .nullish(),
        vin: Vin.nullish(),
        reason: Reason,
        by: PersonName,
      })
      .refine((v) => v.opCode || v.vin, { message: 'say what to correct: --op-code CODE or --vin VIN', path: ['opCode'] }),
    output: Claim,
  },
});

export const claimEffects = defineEffects(claimOperations, {
  listClaims: read(['claims'], 'see the claims'),
  correctClaim: write(['claims'], 'correct claims', MANAGERS, 'by'),
});

export type Claim = z.output<typeof Claim>;
export type ClaimFilter = z.input<typeof ClaimFilter>;

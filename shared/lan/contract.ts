// Sharing this database with the other desks (serve --lan): what Settings shows an admin on the
// sharing PC — the addresses, the certificate's fingerprint and the pairing code of the moment.
import { z } from 'zod';
import { ADMIN } from '../accounts/roles';
import { defineEffects, defineOperations, read } from '../contract';

export const SharingStatus = z.object({
  /** False when this process does not share the database (a single PC, or a desk). */
  sharing: z.boolean(),
  addresses: z.array(z.string()),
  /** SHA-256 of the certificate, AB:CD:... (32 pairs): compared on a desk, or in a plain browser's certificate details. */
  fingerprint: z.string().nullable(),
  pairingCode: z.string().nullable(),
  /** When the pairing code stops working (ISO). */
  pairingExpires: z.string().nullable(),
});
export type SharingStatus = z.output<typeof SharingStatus>;

export const lanOperations = defineOperations({
  sharingStatus: { input: z.object({}), output: SharingStatus },
});

export const lanEffects = defineEffects(lanOperations, {
  sharingStatus: read(['settings'], 'see how this database is shared', ADMIN),
});

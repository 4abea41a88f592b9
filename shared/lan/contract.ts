// Sharing this database with the other desks (serve --lan): what Settings shows an admin on the
// sharing PC — the addresses, the certificate's fingerprint and the pairing code of the moment.
import { z } from '../lazy-zod';
import { ADMIN } from '../accounts/roles';
import { defineEffects, defineOperations, read, write } from '../contract';

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
  /** Settings, "Share this database with other desks": this PC starts listening over HTTPS, as serve --lan does. */
  shareDatabase: {
    input: z.object({ port: z.number().int().min(0, 'the port is 0 (any free one) to 65535').max(65535, 'the port is 0 (any free one) to 65535').default(0) }),
    output: SharingStatus,
  },
});

export const lanEffects = defineEffects(lanOperations, {
  sharingStatus: read(['settings'], 'see how this database is shared', ADMIN),
  shareDatabase: write(['settings'], 'share this database with other desks', ADMIN),
});

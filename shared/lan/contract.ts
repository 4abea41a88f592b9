// Sharing this database with the other desks (serve --lan): what Settings shows an admin on the
// sharing PC — the addresses, the certificate's fingerprint and the pairing code of the moment.
import { z } from '../lazy-zod';
import { ADMIN } from '../accounts/roles';
import { defineEffects, defineOperations, onHostOnly, read, write } from '../contract';

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

/** Which database this window works on: this PC's own (server null) or a sharing PC's, pinned to its certificate. */
export const DeskConnection = z.object({
  /** The sharing PC (https://HOST:PORT) this window works on; null: this PC's own database. */
  server: z.string().nullable(),
  /** HOST:PORT, as the top bar names it. */
  host: z.string().nullable(),
  /** The SHA-256 fingerprint pinned at pairing (AB:CD:..., 32 pairs). */
  fingerprint: z.string().nullable(),
  /** Whether the sharing PC answers now (true on this PC's own database). */
  reachable: z.boolean(),
  /** Whether this window may connect to a desk here (this PC's own window, not a command or another desk). */
  canConnect: z.boolean(),
});
export type DeskConnection = z.output<typeof DeskConnection>;

export const lanOperations = defineOperations({
  sharingStatus: { input: z.object({}), output: SharingStatus },
  /** Settings, "Share this database with other desks": this PC starts listening over HTTPS, as serve --lan does. */
  shareDatabase: {
    input: z.object({ port: z.number().int().min(0, 'the port is 0 (any free one) to 65535').max(65535, 'the port is 0 (any free one) to 65535').default(0) }),
    output: SharingStatus,
  },
  /** Settings and the top bar: which database this window works on. */
  deskConnection: { input: z.object({}), output: DeskConnection },
  /** Settings, "Connect to a desk that shares its database": pairs as `recall-desk connect` does, then the window works on that PC. */
  connectToDesk: {
    input: z.object({
      address: z.string().trim().min(1, 'give the address the sharing PC shows, e.g. https://192.168.1.20:8443').max(300, 'the address is too long'),
      // Not "code": the audit trail keeps a field named code (a campaign's); a pairing code is no record.
      pairingCode: z.string().trim().min(1, 'give the pairing code the sharing PC shows').max(40, 'the pairing code is 12 letters and digits'),
      /** Optional: the fingerprint read off the sharing PC's screen; a certificate with another is refused. */
      fingerprint: z.string().trim().max(200, 'the fingerprint is 32 hex pairs').default(''),
    }),
    output: DeskConnection,
  },
  /** "Stop using HOST": forgets the pairing; the window works on this PC's database again. */
  stopUsingDesk: { input: z.object({}), output: DeskConnection },
});

export const lanEffects = defineEffects(lanOperations, {
  sharingStatus: read(['settings'], 'see how this database is shared', ADMIN),
  shareDatabase: write(['settings'], 'share this database with other desks', ADMIN),
  deskConnection: read(['connection'], 'see which database this window works on', 'public'),
  // Replaces the database the window works on: an admin of this PC (anyone on a PC without accounts),
  // in this PC's own window only (never over HTTP from another desk).
  connectToDesk: onHostOnly(write(['connection'], 'connect this window to a desk that shares its database', ADMIN)),
  // Back to this PC's database, whose own sign-in then applies: anyone at this PC's window.
  stopUsingDesk: write(['connection'], 'go back to this PC’s database', 'public'),
});

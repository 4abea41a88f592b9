// The changes domain: what an import does to the dealer's vehicles (its impact, shown before it is
// applied), and "What changed": every applied import with its impact, newest first.
import { z } from '../lazy-zod';
import { isoDate, Severity } from '../bulletin';
import { defineEffects, defineOperations, read, write } from '../contract';
import { HoldKind } from '../reports/contract';

/** A known vehicle as the impact lists name it: no guest's details (the call list reads them when exported). */
const VehicleRef = {
  vin: z.string(),
  campaign: z.string(),
  stockNumber: z.string().nullable(),
  model: z.string().nullable(),
  modelYear: z.number().int(),
};
export const HoldChange = z.object({ ...VehicleRef, hold: HoldKind, severity: z.array(Severity) });
export const RemedyNowAvailable = z.object({
  ...VehicleRef,
  inStock: z.boolean(),
  /** A booked appointment for the vehicle: its date and time; null: not booked (call the guest). */
  bookedAt: z.string().nullable(),
});
/** A CPOR request not yet received whose VIN the list now gives another number than the request's. */
export const RenumberedRequest = z.object({
  ...VehicleRef,
  /** The number the request was recorded with, and the one the list gives now. */
  partNumber: z.string(),
  listed: z.string(),
  state: z.enum(['to-place', 'on-order']),
});
export const PartDemand = z.object({
  campaign: z.string(),
  /** The part number (or pattern) as the bulletin prints it; null when not stated. */
  partNumber: z.string().nullable(),
  description: z.string(),
  /** Known vehicles with the campaign open and its remedy available, before and after. */
  before: z.number().int(),
  after: z.number().int(),
});

export const Impact = z.object({
  holds: z.object({ added: z.array(HoldChange), released: z.array(HoldChange) }),
  remedyNowAvailable: z.array(RemedyNowAvailable),
  /** Known vehicles newly confirmed by an affected-VIN list, and those no longer listed. */
  confirmed: z.object({ added: z.array(z.object(VehicleRef)), removed: z.array(z.object(VehicleRef)) }),
  followup: z.object({ added: z.number().int(), removed: z.number().int() }),
  parts: z.array(PartDemand),
  /** CPOR requests the import leaves numbered otherwise than the list (an impact recorded before there were none: empty). */
  cporRenumbered: z.array(RenumberedRequest).default([]),
  /** The vehicles the impact was worked out over. */
  vehiclesChecked: z.number().int(),
});

export const ChangeSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bulletin'),
    fileName: z.string(),
    code: z.string(),
    title: z.string(),
    revisionDate: z.string(),
    previousRevisionDate: z.string().nullable(),
  }),
  z.object({ kind: z.literal('vin-list'), fileName: z.string(), campaign: z.string(), listDate: z.string(), complete: z.boolean(), rows: z.number().int() }),
  z.object({
    kind: z.literal('nhtsa'),
    fileName: z.string(),
    part: z.enum(['current', 'pre-2010']),
    rows: z.number().int(),
    newestReportDate: z.string().nullable(),
  }),
  z.object({ kind: z.literal('vehicles'), fileName: z.string(), inStock: z.enum(['none', 'add', 'replace']), rows: z.number().int() }),
]);

export const Change = z.object({
  id: z.number().int(),
  at: z.string(),
  /** Who applied it; null when not known. */
  by: z.string().nullable(),
  source: ChangeSource,
  impact: Impact,
  seen: z.boolean(),
});

export const changeOperations = defineOperations({
  /** Applied imports, newest first; since: on or after that day. */
  listChanges: { input: z.object({ since: isoDate.nullish() }), output: z.object({ changes: z.array(Change), unseen: z.number().int() }) },
  /** The top bar's count of applied imports nobody has looked at yet. */
  unseenChanges: { input: z.object({}), output: z.object({ unseen: z.number().int() }) },
  markChangesSeen: { input: z.object({}), output: z.object({ unseen: z.number().int() }) },
  /** The guests to call for a change's "remedy now available" (read now, from the vehicle records). */
  changeCallList: {
    input: z.object({ id: z.number().int() }),
    output: z.array(
      z.object({
        ...RemedyNowAvailable.shape,
        guestName: z.string().nullable(),
        guestPhone: z.string().nullable(),
        guestEmail: z.string().nullable(),
      }),
    ),
  },
});

export const changeEffects = defineEffects(changeOperations, {
  listChanges: read(['imports', 'library', 'lists', 'vehicles'], 'see what changed'),
  unseenChanges: read(['imports', 'library', 'lists', 'vehicles'], 'see what changed'),
  markChangesSeen: write(['imports'], 'mark what changed as seen', 'anyone'),
  // The guests' phones and e-mails: for the people who call them.
  changeCallList: read(['imports', 'vehicles'], 'see the call list', ['advisor', 'manager', 'admin']),
});

export type Impact = z.output<typeof Impact>;
export type HoldChange = z.output<typeof HoldChange>;
export type ChangeSource = z.output<typeof ChangeSource>;
export type Change = z.output<typeof Change>;

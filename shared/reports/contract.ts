// The reports domain: stock vehicles that may not be delivered, and serviced vehicles to call back.
import { z } from '../lazy-zod';
import { Severity, VehicleCondition } from '../bulletin';
import { defineEffects, defineOperations, read } from '../contract';
import { Certainty, Empty, Need } from '../schemas';
import { NhtsaFollowUpLine } from '../nhtsa/contract';
import { FollowUpVehicle } from './followup-vehicle';
import { HoldKind } from './hold-kind';
import { FollowUpView, HoldView } from './view';

export { HoldKind };
export const Hold = z.object({
  vin: z.string(),
  stockNumber: z.string().nullable(),
  model: z.string().nullable(),
  modelYear: z.number().int(),
  condition: VehicleCondition.nullable(),
  code: z.string(),
  title: z.string(),
  hold: HoldKind,
  /** The campaign's NHTSA advisories (most urgent first); flagged holds sort first. */
  severity: z.array(Severity),
  reason: z.string(),
  certainty: Certainty,
  remedyAvailable: z.boolean().nullable(),
  needs: z.array(Need),
  source: z.string(),
  /** The vehicle's part for this campaign: "key 04002-78010 on order since 2026-11-23 (CPOR CP-123)"; null when none is recorded. */
  parts: z.string().nullable().default(null),
  /** Where the campaign comes from: a bulletin of the library, or NHTSA's recall file (verified by VIN at NHTSA, never in TIS). */
  origin: z.enum(['bulletin', 'nhtsa']).default('bulletin'),
});
export const HoldReport = z.object({
  generatedAt: z.string(),
  vehiclesInStock: z.number().int(),
  vehiclesHeld: z.number().int(),
  holds: z.array(Hold),
  perCampaign: z.array(
    z.object({ code: z.string(), title: z.string(), doNotDeliver: z.number().int(), withDisclosure: z.number().int(), performBefore: z.number().int() }),
  ),
});

export const FollowUpInput = z.object({
  campaign: z.string().trim().max(12).nullish(),
  remedyAvailableOnly: z.boolean().default(false),
  /** Vehicles with an open appointment for the campaign: all (the CLI's default), only booked, or only not booked (the screen's). */
  booked: z.enum(['all', 'booked', 'not-booked']).default('all'),
});
export const FollowUpRow = FollowUpVehicle.extend({
  code: z.string(),
  title: z.string(),
  /** The campaign's NHTSA advisories (most urgent first); flagged rows sort first. */
  severity: z.array(Severity),
  certainty: Certainty,
  remedyAvailable: z.boolean().nullable(),
  /** The open (booked or arrived) appointment holding this campaign for the vehicle: do not call to book it again. */
  appointment: z.object({ id: z.number().int(), at: z.string() }).nullable(),
  /** On the waiting list since (the remedy does not exist yet: call when it arrives). */
  waitingSince: z.string().nullable(),
});
export const WaitingEntry = z.object({ vin: z.string(), code: z.string(), since: z.string(), note: z.string().nullable(), addedBy: z.string() });
export const FollowUpList = z.object({
  generatedAt: z.string(),
  vehiclesServiced: z.number().int(),
  rows: z.array(FollowUpRow),
  /** Vehicles waiting for a remedy that does not exist yet ("call when the remedy arrives"), oldest first. */
  waiting: z.array(WaitingEntry),
  perCampaign: z.array(z.object({ code: z.string(), title: z.string(), notYetRemedied: z.number().int() })),
  /** Serviced vehicles of other makes with recalls in NHTSA's file (by model and year): check by VIN at NHTSA first. */
  checkAtNhtsa: z.array(NhtsaFollowUpLine),
});

/**
 * A window of a report as a screen shows it: the view (search, filters, sort, grouping: the very same
 * object Print / Save PDF and the CSV use) is applied by the services, and `from`/`count` pick the
 * entries of the result the screen has scrolled to (holds or rows; vehicles when grouped). Each
 * distinct text of the window (a campaign's title, a hold's reason, its source, a part's state) is sent
 * once, in `texts`; a row names its texts by their index there.
 */
export const ReportPartInput = z.object({
  from: z.number().int().min(0).default(0),
  count: z.number().int().min(1).max(1_000_000).default(200),
});
const TextRef = z.number().int().min(0);
/** What a window says about its place in the view. */
const WindowHead = {
  /** Entries the view shows: holds or rows, or vehicles when grouped (this window is `from` .. `from + count`). */
  total: z.number().int(),
  from: z.number().int(),
  /** One entry per vehicle: the window's rows are those of `count` vehicles, each vehicle's rows together. */
  grouped: z.boolean().default(false),
  /** Holds or rows in the whole report, whatever the view. */
  reportTotal: z.number().int(),
  texts: z.array(z.string()),
};
export const HoldPartRow = Hold.omit({ title: true, reason: true, source: true, parts: true }).extend({
  title: TextRef,
  reason: TextRef,
  source: TextRef,
  parts: TextRef.nullable(),
});
export const HoldReportPart = HoldReport.omit({ holds: true }).extend({ ...WindowHead, holds: z.array(HoldPartRow) });
export const FollowUpPartRow = FollowUpRow.omit({ title: true }).extend({ title: TextRef });
export const FollowUpPart = FollowUpList.omit({ rows: true }).extend({ ...WindowHead, rows: z.array(FollowUpPartRow) });

export const HoldPartInput = ReportPartInput.extend({ view: HoldView.optional() });
export const FollowUpPartInput = FollowUpInput.extend(ReportPartInput.shape).extend({
  /** The screen's view; with it, the list is every row (as Print / Save PDF take it) and the view filters. */
  view: FollowUpView.optional(),
});

export const reportOperations = defineOperations({
  holdReport: { input: Empty, output: HoldReport },
  followUpList: { input: FollowUpInput, output: FollowUpList },
  /** A window of the hold report as the screen shows it (its view applied here; each text once). */
  holdReportPart: { input: HoldPartInput, output: HoldReportPart },
  /** A window of the follow-up list as the screen shows it (its view applied here; each title once). */
  followUpPart: { input: FollowUpPartInput, output: FollowUpPart },
});

export const reportEffects = defineEffects(reportOperations, {
  holdReport: read(['reports', 'library', 'vehicles', 'lists', 'stock'], 'see the stock holds'),
  followUpList: read(['reports', 'library', 'vehicles', 'lists', 'appointments'], 'see the follow-up list'),
  holdReportPart: read(['reports', 'library', 'vehicles', 'lists', 'stock'], 'see the stock holds'),
  followUpPart: read(['reports', 'library', 'vehicles', 'lists', 'appointments'], 'see the follow-up list'),
});

export type HoldReport = z.output<typeof HoldReport>;
export type FollowUpList = z.output<typeof FollowUpList>;
export type HoldReportPart = z.output<typeof HoldReportPart>;
export type FollowUpPart = z.output<typeof FollowUpPart>;

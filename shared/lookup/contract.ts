// The lookup domain: one VIN (with the model and production month when known) against the library.
import { z } from '../lazy-zod';
import { CampaignKind, DeliveryRuleKind, PhaseStatus, Severity, VehicleCondition } from '../bulletin';
import { defineEffects, defineOperations, read } from '../contract';
import { Certainty, Need } from '../schemas';
import { HoldKind } from '../reports/contract';
import { DecodedVehicle, VehicleCampaignStatus } from '../vehicles/contract';

export const LookupInput = z.object({
  vin: z.string().max(64, 'a VIN has 17 characters; this is far longer'),
  model: z.string().trim().max(40).nullish(),
  productionMonth: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'production month must be written YYYY-MM, e.g. 2022-12 (door-jamb label)')
    .nullish(),
  /**
   * 'wait' (the default): the answer includes the vehicle decoded from its VIN (NHTSA vPIC).
   * 'if-ready': answer at once with what is known; `decodePending` says a fuller answer follows.
   */
  decode: z.enum(['wait', 'if-ready']).default('wait'),
});

export const Remedy = z.object({
  /** true: available now; false: not yet; null: unknown (e.g. the vehicle's phase is not stated). */
  available: z.boolean().nullable(),
  status: PhaseStatus,
  phase: z.string().nullable(),
  phaseName: z.string().nullable(),
  timing: z.string().nullable(),
  explanation: z.string(),
});

export const NhtsaRecall = z.object({
  campaign: z.string(),
  manufacturerCampaign: z.string().nullable(),
  component: z.string(),
  summary: z.string(),
  consequence: z.string(),
  remedy: z.string(),
  doNotDrive: z.boolean(),
  parkOutside: z.boolean(),
  reportDate: z.string().nullable(),
});

export const CampaignHit = z.object({
  code: z.string(),
  title: z.string(),
  kind: CampaignKind,
  /** NHTSA's advisories the bulletin states (stop-sale, do-not-drive, park-outside); empty when none. */
  severity: z.array(Severity),
  /** NHTSA's recall number, when the bulletin states it. */
  nhtsaRecallNumber: z.string().nullable(),
  certainty: Certainty,
  certaintyReason: z.string(),
  matchedBy: z.enum(['affected-list', 'vin-range', 'model-window', 'nhtsa-model-year']),
  matchDetail: z.string(),
  remedy: Remedy,
  needs: z.array(Need),
  /** The campaign's models that this VIN could be, for an inline picker when "model" is needed. */
  modelChoices: z.array(z.string()),
  /** The production window the month is checked against, when "productionMonth" is needed. */
  productionWindows: z.array(z.object({ model: z.string(), from: z.string().nullable(), to: z.string().nullable(), note: z.string().nullable() })),
  actions: z.array(z.string()),
  /**
   * The make is the bulletin's (from the WMI or the decode): true. False: no source knows this WMI, so
   * the make could not be confirmed (kept, never silently dropped). A VIN of another make is no hit at all.
   */
  makeConfirmed: z.boolean(),
  make: z.string(),
  /** For a vehicle in the dealer's stock: what its bulletin says about delivering it, per condition. Empty otherwise. */
  stockHolds: z.array(z.object({ hold: HoldKind, condition: VehicleCondition, text: z.string() })),
  delivery: z.array(z.object({ condition: VehicleCondition, rule: DeliveryRuleKind, text: z.string() })),
  /** The campaign's imported affected-VIN list, when it has one: whether this VIN is on it. */
  affectedList: z
    .object({
      date: z.string(),
      listed: z.boolean(),
      complete: z.boolean(),
      /** The part number the list gives this VIN (VIN,Phase,Part Number,Status: 23LJ01's per-VIN key); null where it gives none. */
      partNumber: z.string().nullable(),
    })
    .nullable(),
  /** What the dealer recorded for this vehicle and campaign. */
  vehicleStatus: z.object({ status: VehicleCampaignStatus, completedOn: z.string().nullable(), repairOrder: z.string().nullable() }).nullable(),
  source: z.object({
    bulletin: z.string(),
    revisionDate: z.string(),
    revisionLabel: z.string(),
    ageDays: z.number().int(),
  }),
  /** From NHTSA's recall file: an NHTSA recall of its own (code = the NHTSA campaign number), or the bulletin NHTSA's row names. */
  nhtsa: NhtsaRecall.optional(),
});

export const LookupResult = z.object({
  input: z.string(),
  vin: z.string(),
  wmi: z.string(),
  vds: z.string(),
  serial: z.string(),
  modelYear: z.number().int(),
  region: z.string().nullable(),
  checkDigitValid: z.boolean(),
  expectedCheckDigit: z.string(),
  model: z.string().nullable(),
  /** Where the model came from: the user, the dealer's vehicle record, or the one model every matching VIN range names. */
  modelSource: z.enum(['stated', 'vehicle-record', 'decoded', 'vin-range']).nullable(),
  /** The vehicle as NHTSA vPIC decodes the VIN (offline); null when vPIC does not know the WMI or is not ready. */
  decoded: DecodedVehicle.nullable(),
  /**
   * The model the campaigns are matched on and the model NHTSA vPIC decodes, where they differ (vPIC
   * says "LS 460" for an LS 600h L inside ALE's range): both, labelled; null when they agree or one is missing.
   */
  modelConflict: z
    .object({
      model: z.string(),
      modelSource: z.enum(['stated', 'vehicle-record', 'vin-range']),
      decoded: z.string(),
      text: z.string(),
    })
    .nullable(),
  /** The answer came before the decode: asking again with decode 'wait' adds it. */
  decodePending: z.boolean(),
  productionMonth: z.string().nullable(),
  productionMonthSource: z.enum(['stated', 'vehicle-record']).nullable(),
  /** The dealer's record of this vehicle, without personal data. */
  vehicle: z
    .object({
      stockNumber: z.string().nullable(),
      condition: VehicleCondition.nullable(),
      inStock: z.boolean(),
      lastServiceDate: z.string().nullable(),
    })
    .nullable(),
  warnings: z.array(z.string()),
  campaigns: z.array(CampaignHit),
  /** How many campaigns were checked, so "nothing found" can say against what. */
  campaignsChecked: z.number().int(),
  /** NHTSA's file had nothing for this model: which models it lists for the make and year. Null otherwise. */
  nhtsa: z
    .object({ modelsListed: z.array(z.string()), text: z.string() })
    .nullable()
    .optional(),
  newestRevisionDate: z.string().nullable(),
  /**
   * The database has no affected-VIN list and no vehicle: the answer rests on the bulletins alone (a
   * mistyped --db makes such a database; "nothing applies" from it is not the real database's answer).
   */
  emptyDatabase: z.boolean(),
});

export const lookupOperations = defineOperations({
  lookup: { input: LookupInput, output: LookupResult },
});

export const lookupEffects = defineEffects(lookupOperations, {
  lookup: read(['lookup', 'library', 'vehicles', 'lists', 'appointments', 'stock'], 'look up VINs'),
});

export type LookupResult = z.output<typeof LookupResult>;
export type CampaignHit = z.output<typeof CampaignHit>;

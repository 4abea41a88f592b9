// The bulletin format: one campaign at one revision, as data. Built-in campaigns and imported files
// share this schema. Every fact traces to the bulletin; what it does not state is null ("unknown"),
// never a default.
import { z } from './lazy-zod';

export const BULLETIN_FORMAT = 'recall-desk/bulletin@1';

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');
/** A date a bulletin states: no bulletin of a 17-character VIN's era speaks of another century (a typo, caught before it is a window). */
const bulletinDate = isoDate.refine((s) => s >= '1950' && s < '2100', 'is not a plausible date (years 1950 to 2099)');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');
const text = z.string().trim().min(1, 'must not be empty');
/** A fact the bulletin may leave unstated: null means "unknown", never "none". */
const unknownable = <T extends z.ZodType>(t: T) => t.nullable();
// Every number has a sane bound: a bulletin with a repair time of 1e308 minutes is a mistake, and a
// day plan that reads "Infinity h" is no plan. The bounds are far beyond any campaign's.
/** Parts of one number a repair takes. */
export const MAX_PART_QUANTITY = 100;
/** Flat-rate hours of one op code. */
export const MAX_FLAT_RATE_HOURS = 24;
/** Minutes of one repair. */
export const MAX_REPAIR_MINUTES = 24 * 60;
/** What position 10 of a VIN can express: 1980-2039 (the code repeats every 30 years after that). */
const modelYear = z
  .number()
  .int('must be a whole year')
  .min(1980, 'must be 1980 or later')
  .max(2039, 'must be 2039 or earlier: a VIN cannot express a later model year');
const wmi = z.string().regex(/^[A-HJ-NPR-Z0-9]{3}$/, 'must be the 3-character WMI (VIN positions 1-3)');

export const CampaignKind = z.enum(['safety-recall', 'service-campaign', 'customer-program', 'other']);
export const VehicleCondition = z.enum(['new', 'used', 'certified-pre-owned']);
export const BuildRegion = z.enum(['North America', 'Japan', 'Europe', 'Asia', 'Other']);
export const Audience = z.enum(['guest', 'internal']);

/** What the dealer may do with an in-stock vehicle that the campaign covers. */
export const DeliveryRuleKind = z.enum([
  'do-not-deliver-until-remedied',
  'perform-before-delivery',
  'deliver-with-disclosure-if-unavailable',
  'no-rule-stated',
]);

export const PhaseStatus = z.enum(['remedy-available', 'announcement-expected', 'parts-not-released', 'unknown']);

export const Phase = z.strictObject({
  id: text.max(20),
  name: text,
  status: PhaseStatus,
  /** How the status is known where the bulletin does not say it in words (it is inferred): said with it. */
  statusBasis: unknownable(text).default(null),
  /** Expected timing as published ("March 2024", "late July 2010"); null when not stated. */
  expectedTiming: unknownable(text),
  /** Vehicle count as published ("~18,000", "TBD"); null when not stated. */
  vehicles: unknownable(text),
  mailing: unknownable(text),
  note: unknownable(text).default(null),
});

const SERIAL = /^[A-HJ-NPR-Z0-9]{3}[0-9]{4}$/;
const serial = z
  .string()
  .regex(SERIAL, 'must be the 7 characters of VIN positions 11-17: letters or digits, then digits at 14-17 (49 CFR 565.15; no I, O or Q)');

export const VinRangeRule = z
  .strictObject({
    model: text,
    modelYear: modelYear,
    wmi,
    vds: z.string().regex(/^[A-HJ-NPR-Z0-9]{5}$/, 'must be the 5-character VDS (VIN positions 4-8)'),
    serialFrom: serial,
    serialTo: serial,
    /** Units in operation as published for this row or its group; null when not stated. */
    uio: unknownable(text).default(null),
    phase: unknownable(text).default(null),
  })
  // A serial that is no serial has its own message: the order of two is only asked of real ones.
  .refine((r) => !SERIAL.test(r.serialFrom) || !SERIAL.test(r.serialTo) || r.serialFrom <= r.serialTo, {
    message: 'serialFrom must not be after serialTo',
    path: ['serialTo'],
  });

export const ModelWindowRule = z
  .strictObject({
    id: text.max(40),
    model: text,
    modelYearFrom: modelYear,
    modelYearTo: modelYear,
    /** Restricts the rule to vehicles built in this region (first VIN character); null: any. */
    builtIn: unknownable(BuildRegion).default(null),
    /** First and last production day of the affected window; null when the bulletin gives none. */
    producedFrom: unknownable(bulletinDate).default(null),
    producedTo: unknownable(bulletinDate).default(null),
    /** How the bulletin words the window ("ongoing", "certain 2004 - early 2007"). */
    windowNote: unknownable(text).default(null),
    /**
     * Where another document of the bulletin states this window otherwise (23LJ01's program table says
     * "Late October 2022" where its chart says 11/7/2022): the months it names, and where and how it
     * says them. A month only that statement covers is neither in nor out: the lookup shows both.
     */
    alsoStatedFrom: unknownable(month).default(null),
    alsoStatedTo: unknownable(month).default(null),
    alsoStated: unknownable(text).default(null),
    detail: unknownable(text).default(null),
    approxVehicles: unknownable(text).default(null),
    phase: unknownable(text).default(null),
  })
  .refine((r) => r.modelYearFrom <= r.modelYearTo, {
    message: 'modelYearFrom must not be after modelYearTo',
    path: ['modelYearTo'],
  })
  .refine((r) => !r.producedFrom || !r.producedTo || r.producedFrom <= r.producedTo, {
    message: 'producedFrom must not be after producedTo',
    path: ['producedTo'],
  })
  .refine((r) => !r.alsoStatedFrom || !r.alsoStatedTo || r.alsoStatedFrom <= r.alsoStatedTo, {
    message: 'alsoStatedFrom must not be after alsoStatedTo',
    path: ['alsoStatedTo'],
  })
  .refine((r) => (r.alsoStatedFrom === null && r.alsoStatedTo === null) || r.alsoStated !== null, {
    message: 'alsoStated must say where and how the other document words the window (e.g. the program table ("Late October 2022 - Late December 2022"))',
    path: ['alsoStated'],
  });

/** A model/production-month cell of a phase chart: which phase a vehicle of that month belongs to. */
export const PhaseCell = z.strictObject({ window: text, month, phase: text });

export const Part = z.strictObject({
  // null: not yet released or not stated.
  partNumber: unknownable(text),
  /** True when the printed number is a pattern (04002-****) and the real one is per VIN. */
  partNumberPerVin: unknownable(z.boolean()),
  description: text,
  quantity: unknownable(
    z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_PART_QUANTITY, `must be at most ${MAX_PART_QUANTITY} per vehicle`),
  ),
  macCode: unknownable(text),
  released: z.boolean(),
  note: unknownable(text).default(null),
});

export const OpCode = z.strictObject({
  code: text,
  description: text,
  flatRateHours: unknownable(
    z.number().min(0, 'must be 0 or more').max(MAX_FLAT_RATE_HOURS, `must be at most ${MAX_FLAT_RATE_HOURS} hours (one op code of a campaign repair)`),
  ),
  note: unknownable(text).default(null),
});

export const DeliveryRule = z.strictObject({
  condition: VehicleCondition,
  rule: DeliveryRuleKind,
  text: text,
});

export const ActionWhen = z.enum(['always', 'remedy-available', 'remedy-not-available', 'remedy-unknown', 'verify']);
export const Action = z.strictObject({
  when: ActionWhen,
  role: z.enum(['advisor', 'parts', 'sales', 'technician', 'all']),
  text: text,
});

export const QA = z.strictObject({ id: text, question: text, answer: text, audience: Audience });
export const Contact = z.strictObject({ name: text, phone: unknownable(text), purpose: text, audience: Audience });
export const RevisionEntry = z.strictObject({ date: bulletinDate, change: text });

/**
 * The campaign's printable documents, as data: a later bulletin brings its own. Texts may hold the
 * placeholder [VIN]. The guest FAQ is the Q&A items whose audience is "guest".
 */
export const Documents = z.object({
  ownerLetter: unknownable(
    z.object({
      /** Lines above the salutation (program name), as published. */
      heading: z.array(text).default([]),
      salutation: text,
      /** Paragraphs; a paragraph that is a question ends with "?" and prints as a heading. */
      paragraphs: z.array(text).min(1, 'an owner letter needs its text'),
      closing: z.array(text).default([]),
    }),
  ).default(null),
  disclosureForm: unknownable(
    z.object({
      title: text,
      issuer: unknownable(text).default(null),
      /** The form's own statements as published, printed at its head: never dropped. */
      headerStatements: z.array(text).default([]),
      /** What the guest acknowledges by signing. */
      acknowledgement: z.array(text).min(1, 'the form needs the guest acknowledgement'),
      /** Where the guest checks recall status (with the 17-digit VIN). */
      statusCheck: text,
      contactUse: unknownable(text).default(null),
      /** What the advisor must know when printing for a vehicle of a condition (shown to the advisor, not printed). */
      advisorNotes: z.array(z.object({ condition: unknownable(VehicleCondition), text })).default([]),
      /** The copies the bulletin asks for, as instructions to the advisor. */
      copies: z.array(text).default([]),
      email: unknownable(z.object({ to: z.email('must be an e-mail address'), subject: text })).default(null),
    }),
  ).default(null),
  faq: unknownable(z.object({ title: text, intro: unknownable(text).default(null) })).default(null),
});

// --- Severity and the NHTSA recall number (issue 15) ---------------------------------------------
/**
 * NHTSA's advisories (added to its recall data in 2025): stop-sale, do not drive, park outside. A
 * flagged campaign is the loudest thing on a card and sorts first on the lists; none stated: [].
 */
export const Severity = z.enum(['stop-sale', 'do-not-drive', 'park-outside']);
const severityList = z
  .array(Severity)
  .default([])
  .refine((l) => new Set(l).size === l.length, 'names a flag twice: list each of stop-sale, do-not-drive, park-outside at most once');
/** NHTSA's campaign number as the letter prints it (10V303, 10V-303 or 10V303000); null when not stated. */
const nhtsaRecallNumber = unknownable(
  z
    .string()
    .trim()
    .regex(/^\d{2}[VEITC]-?\d{3}(\d{3})?$/, "must be NHTSA's recall number as printed, e.g. 10V303, 10V-303 or 10V303000"),
).default(null);
export const SEVERITY_FIELDS = { severity: severityList, nhtsaRecallNumber };
// --------------------------------------------------------------------------------------------------

export const Bulletin = z
  .strictObject({
    format: z.literal(BULLETIN_FORMAT, { message: `must be "${BULLETIN_FORMAT}"` }),
    code: z.string().regex(/^[A-Z0-9]{2,12}$/, 'must be 2-12 capital letters or digits, e.g. ALE or 23LJ01'),
    kind: CampaignKind,
    /** The make the bulletin is for ("Lexus"): a VIN of another make is never a hit. */
    make: text,
    /** The WMIs the campaign covers: the bulletin's own, or those another source registers (wmisSource). */
    wmis: z.array(wmi).default([]),
    /**
     * Where `wmis` comes from when the bulletin does not state them (e.g. "NHTSA vPIC: the WMIs it
     * registers for Lexus ..."); null: the bulletin states them.
     */
    wmisSource: unknownable(text).default(null),
    title: text,
    summary: text,
    /** The date of this revision of the bulletin: what "newer" means on import. */
    revisionDate: bulletinDate,
    revisionLabel: text,
    ...SEVERITY_FIELDS,
    source: z.strictObject({
      title: text,
      originalDate: unknownable(bulletinDate),
      file: unknownable(text).default(null),
    }),
    /** Models and years as the bulletin names them, for display. */
    models: z.array(z.strictObject({ name: text, modelYears: text })).min(1, 'must name at least one model'),
    vehicleCount: unknownable(text),
    /** Why a range or model match is only "verify" (e.g. "Not all vehicles in the VIN range are affected"). */
    eligibilityNote: unknownable(text),
    /**
     * What a VIN on the manufacturer's affected-VIN list (TIS) says about its phase, where the bulletin
     * says it: "launched" when only vehicles of launched phases are listed (23LJ01), with the bulletin's
     * own sentence. null: the bulletin says nothing, so a listed VIN's phase is only what the list states.
     */
    listedVehicles: unknownable(z.strictObject({ phase: z.literal('launched'), statement: text })).default(null),
    productionPeriod: unknownable(text).default(null),
    phases: z.array(Phase).min(1, 'must list at least one phase (a single-phase campaign has one)'),
    vinRanges: z.array(VinRangeRule).default([]),
    modelWindows: z.array(ModelWindowRule).default([]),
    phaseChart: z.array(PhaseCell).default([]),
    parts: z.array(Part).default([]),
    partsOrdering: z.array(text).default([]),
    opCodes: z.array(OpCode).default([]),
    technicianRequirements: z.array(text).default([]),
    repairTimeMinutes: unknownable(
      z
        .number()
        .min(1, 'must be at least 1 minute')
        .max(MAX_REPAIR_MINUTES, `must be at most 1,440 minutes (24 hours): write the repair time in minutes, e.g. 45`),
    ).default(null),
    guestBrings: z.array(text).default([]),
    delivery: z.array(DeliveryRule).default([]),
    actions: z.array(Action).default([]),
    qa: z.array(QA).default([]),
    contacts: z.array(Contact).default([]),
    revisionHistory: z.array(RevisionEntry).default([]),
    notes: z.array(text).default([]),
    documents: Documents.default({ ownerLetter: null, disclosureForm: null, faq: null }),
  })
  .superRefine((b, ctx) => {
    if (b.vinRanges.length === 0 && b.modelWindows.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['vinRanges'],
        message: 'a campaign needs at least one VIN range or model window, or no vehicle can match it',
      });
    }
    const phaseIds = new Set(b.phases.map((p) => p.id));
    const windowIds = new Set(b.modelWindows.map((w) => w.id));
    const unique = (ids: string[], field: 'phases' | 'modelWindows', what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `${what} "${id}" is listed twice` });
        seen.add(id);
      });
    };
    unique(
      b.phases.map((p) => p.id),
      'phases',
      'phase',
    );
    unique(
      b.modelWindows.map((w) => w.id),
      'modelWindows',
      'window',
    );
    const refPhase = (phase: string | null, path: (string | number)[]) => {
      if (phase !== null && !phaseIds.has(phase)) {
        ctx.addIssue({ code: 'custom', path, message: `names phase "${phase}", which is not in phases` });
      }
    };
    b.vinRanges.forEach((r, i) => refPhase(r.phase, ['vinRanges', i, 'phase']));
    b.modelWindows.forEach((w, i) => refPhase(w.phase, ['modelWindows', i, 'phase']));
    b.phaseChart.forEach((c, i) => {
      refPhase(c.phase, ['phaseChart', i, 'phase']);
      if (!windowIds.has(c.window)) {
        ctx.addIssue({ code: 'custom', path: ['phaseChart', i, 'window'], message: `names window "${c.window}", which is not in modelWindows` });
      }
    });
  });

export type Bulletin = z.output<typeof Bulletin>;
export type BulletinInput = z.input<typeof Bulletin>;
export type Phase = z.output<typeof Phase>;
export type ModelWindowRule = z.output<typeof ModelWindowRule>;
export type VinRangeRule = z.output<typeof VinRangeRule>;
export type Documents = z.output<typeof Documents>;
export type Severity = z.output<typeof Severity>;

/** zod issues as lines a person can act on: "vinRanges[2].serialTo: must be ...". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
    if (issue.code === 'unrecognized_keys') {
      // A misspelled field would otherwise be dropped silently (a "delivry" loses every hold).
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${path || '(file)'}: unknown field${issue.keys.length === 1 ? '' : 's'} ${keys}: check the spelling against the bulletin format`;
    }
    return `${path || '(file)'}: ${issue.message}`;
  });
}

/** Model names compared as a counter person writes them: "LS460L" = "LS 460 L", "RC-F" = "RC F". */
export function normalizeModel(name: string): string {
  return name.toUpperCase().replace(/[\s\-_.]+/g, '');
}

/** A revision dated after `today` (YYYY-MM-DD) is a typo: it would block every real later revision. */
export function futureRevisionProblem(b: Pick<Bulletin, 'revisionDate'>, today: string): string | null {
  return b.revisionDate > today ? `revisionDate: ${b.revisionDate} is in the future (today is ${today}); write the date printed on the bulletin` : null;
}

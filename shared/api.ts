// The API contract: every operation declared once, with the zod schemas of its input and output.
// The preload bridge, the IPC handlers, the HTTP bridge and the renderer client all derive from it.
import { z } from 'zod';
import { Bulletin, CampaignKind, DeliveryRuleKind, isoDate, PhaseStatus, VehicleCondition } from './bulletin';

const Need = z.enum(['model', 'productionMonth']);
export const VehicleCampaignStatus = z.enum(['open', 'completed-here', 'completed-elsewhere', 'not-applicable']);

export const LookupInput = z.object({
  vin: z.string().max(64, 'a VIN has 17 characters; this is far longer'),
  model: z.string().trim().max(40).nullish(),
  productionMonth: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'production month must be written YYYY-MM, e.g. 2022-12 (door-jamb label)')
    .nullish(),
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

export const CampaignHit = z.object({
  code: z.string(),
  title: z.string(),
  kind: CampaignKind,
  certainty: z.enum(['confirmed', 'verify']),
  certaintyReason: z.string(),
  matchedBy: z.enum(['affected-list', 'vin-range', 'model-window']),
  matchDetail: z.string(),
  remedy: Remedy,
  needs: z.array(Need),
  /** The campaign's models that this VIN could be, for an inline picker when "model" is needed. */
  modelChoices: z.array(z.string()),
  /** The production window the month is checked against, when "productionMonth" is needed. */
  productionWindows: z.array(z.object({ model: z.string(), from: z.string().nullable(), to: z.string().nullable(), note: z.string().nullable() })),
  actions: z.array(z.string()),
  delivery: z.array(z.object({ condition: VehicleCondition, rule: DeliveryRuleKind, text: z.string() })),
  /** The campaign's imported affected-VIN list, when it has one: whether this VIN is on it. */
  affectedList: z.object({ date: z.string(), listed: z.boolean(), complete: z.boolean() }).nullable(),
  /** What the dealer recorded for this vehicle and campaign. */
  vehicleStatus: z
    .object({ status: VehicleCampaignStatus, completedOn: z.string().nullable(), repairOrder: z.string().nullable() })
    .nullable(),
  source: z.object({
    bulletin: z.string(),
    revisionDate: z.string(),
    revisionLabel: z.string(),
    ageDays: z.number().int(),
  }),
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
  modelSource: z.enum(['stated', 'vehicle-record', 'vin-range']).nullable(),
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
  newestRevisionDate: z.string().nullable(),
});

export const CampaignSummary = z.object({
  code: z.string(),
  kind: CampaignKind,
  title: z.string(),
  models: z.string(),
  revisionDate: z.string(),
  revisionLabel: z.string(),
  ageDays: z.number().int(),
  origin: z.enum(['built-in', 'imported']),
  remedySummary: z.string(),
  vinRangeCount: z.number().int(),
  modelWindowCount: z.number().int(),
});

export const CampaignDetail = z.object({
  summary: CampaignSummary,
  bulletin: Bulletin,
  revisions: z.array(
    z.object({ revisionDate: z.string(), revisionLabel: z.string(), origin: z.enum(['built-in', 'imported']), loadedAt: z.string() }),
  ),
});

export const ImportBulletinInput = z.object({
  fileName: z.string().max(260),
  content: z.string().max(20_000_000, 'the file is over 20 MB; a bulletin file is far smaller'),
});

export const ImportBulletinResult = z.object({
  code: z.string(),
  title: z.string(),
  revisionDate: z.string(),
  outcome: z.enum(['added', 'updated', 'unchanged']),
  previousRevisionDate: z.string().nullable(),
});

export const AppInfo = z.object({
  version: z.string(),
  databasePath: z.string(),
  campaignCount: z.number().int(),
  newestRevisionDate: z.string().nullable(),
  today: z.string(),
});

const InvalidLine = z.object({ line: z.number().int(), text: z.string(), reason: z.string() });
const BIG_FILE = 256 * 1024 * 1024;
const FileContent = z.string().max(BIG_FILE, 'the file is over 256 MB; split it and import the parts');

export const PreviewVinListInput = z.object({
  campaign: z.string().trim().min(1).max(12),
  fileName: z.string().max(260),
  content: FileContent,
  /** The date of the export (TIS/Dealer Daily), which the lookup quotes; today when not given. */
  listDate: isoDate.nullish(),
  /** A complete list lets the lookup say "not on the list"; a partial one only confirms. */
  complete: z.boolean().default(true),
});
export const VinListPreview = z.object({
  importId: z.string(),
  campaign: z.object({ code: z.string(), title: z.string() }),
  listDate: z.string(),
  complete: z.boolean(),
  replaces: z.object({ listDate: z.string(), rows: z.number().int() }).nullable(),
  rowsRead: z.number().int(),
  valid: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(InvalidLine),
  checkDigitMismatches: z.number().int(),
  hasHeader: z.boolean(),
  columns: z.object({ vin: z.string(), phase: z.string().nullable(), partNumber: z.string().nullable(), status: z.string().nullable() }),
});

export const InStockMode = z.enum(['none', 'add', 'replace']);
export const PreviewVehiclesInput = z.object({
  fileName: z.string().max(260),
  content: FileContent,
  /** Field → column header; a field left out is detected from the headers, '' maps nothing. */
  mapping: z.record(z.string(), z.string()).default({}),
  /** none: a service-history export; add: these are in stock; replace: the complete stock list. */
  inStock: InStockMode.default('none'),
});
export const VehiclesPreview = z.object({
  /** null while nothing can be imported (see blocking). */
  importId: z.string().nullable(),
  blocking: z.string().nullable(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  inStock: InStockMode,
  rowsRead: z.number().int(),
  valid: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(InvalidLine),
});

export const ImportStatus = z.object({
  jobId: z.string(),
  kind: z.enum(['vin-list', 'vehicles']),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});

export const HoldKind = z.enum(['do-not-deliver-until-remedied', 'deliver-with-disclosure-if-unavailable', 'perform-before-delivery']);
export const Hold = z.object({
  vin: z.string(),
  stockNumber: z.string().nullable(),
  model: z.string().nullable(),
  modelYear: z.number().int(),
  condition: VehicleCondition.nullable(),
  code: z.string(),
  title: z.string(),
  hold: HoldKind,
  reason: z.string(),
  certainty: z.enum(['confirmed', 'verify']),
  remedyAvailable: z.boolean().nullable(),
  needs: z.array(Need),
  source: z.string(),
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

export const FollowUpInput = z.object({ campaign: z.string().trim().max(12).nullish(), remedyAvailableOnly: z.boolean().default(false) });
export const FollowUpRow = z.object({
  vin: z.string(),
  model: z.string().nullable(),
  modelYear: z.number().int(),
  lastServiceDate: z.string(),
  guestName: z.string().nullable(),
  guestPhone: z.string().nullable(),
  guestEmail: z.string().nullable(),
  guestAddress: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  certainty: z.enum(['confirmed', 'verify']),
  remedyAvailable: z.boolean().nullable(),
});
export const FollowUpList = z.object({
  generatedAt: z.string(),
  vehiclesServiced: z.number().int(),
  rows: z.array(FollowUpRow),
  perCampaign: z.array(z.object({ code: z.string(), title: z.string(), notYetRemedied: z.number().int() })),
});

export const SetVehicleCampaignStatusInput = z
  .object({
    vin: z.string().max(64),
    campaign: z.string().trim().min(1).max(12),
    status: VehicleCampaignStatus,
    completedOn: isoDate.nullish(),
    repairOrder: z.string().trim().max(40).nullish(),
  })
  .refine((v) => v.status !== 'completed-here' || (v.completedOn && v.repairOrder), {
    message: 'completed here needs the date and the repair order number',
    path: ['repairOrder'],
  });

const Empty = z.object({}).strict();

export const operations = {
  lookup: { input: LookupInput, output: LookupResult },
  listCampaigns: { input: Empty, output: z.array(CampaignSummary) },
  getCampaign: { input: z.object({ code: z.string().trim().min(1).max(12) }), output: CampaignDetail },
  importBulletin: { input: ImportBulletinInput, output: ImportBulletinResult },
  appInfo: { input: Empty, output: AppInfo },
  previewVinList: { input: PreviewVinListInput, output: VinListPreview },
  previewVehicles: { input: PreviewVehiclesInput, output: VehiclesPreview },
  commitImport: { input: z.object({ importId: z.string().max(64) }), output: ImportStatus },
  importStatus: { input: z.object({ jobId: z.string().max(64) }), output: ImportStatus },
  cancelImport: { input: z.object({ jobId: z.string().max(64) }), output: ImportStatus },
  setVehicleCampaignStatus: { input: SetVehicleCampaignStatusInput, output: z.object({ vin: z.string(), campaign: z.string(), status: VehicleCampaignStatus }) },
  holdReport: { input: Empty, output: HoldReport },
  followUpList: { input: FollowUpInput, output: FollowUpList },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

/** What the renderer calls; the same shape whether it goes over IPC or HTTP. */
export type Api = { [K in OperationName]: (input: InputOf<K>) => Promise<OutputOf<K>> };

export const ErrorCode = z.enum(['invalid-input', 'invalid-vin', 'invalid-bulletin', 'not-found', 'conflict', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const ApiErrorBody = z.object({ code: ErrorCode, message: z.string(), details: z.array(z.string()) });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Every transport carries this envelope, so errors arrive as data rather than as transport failures. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.data;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
}

export type LookupResult = z.output<typeof LookupResult>;
export type CampaignHit = z.output<typeof CampaignHit>;
export type CampaignSummary = z.output<typeof CampaignSummary>;
export type CampaignDetail = z.output<typeof CampaignDetail>;
export type HoldReport = z.output<typeof HoldReport>;
export type FollowUpList = z.output<typeof FollowUpList>;
export type ImportStatus = z.output<typeof ImportStatus>;

/** The IPC channel of an operation; one per operation, nothing generic. */
export const ipcChannel = (name: OperationName) => `recall-desk:${name}`;
/** The HTTP path of an operation. */
export const httpPath = (name: OperationName) => `/api/${name}`;
export const TOKEN_HEADER = 'x-recall-desk-token';

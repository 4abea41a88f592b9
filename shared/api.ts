// The API contract: every operation declared once, with the zod schemas of its input and output.
// The preload bridge, the IPC handlers, the HTTP bridge and the renderer client all derive from it.
import { z } from 'zod';
import { Bulletin, CampaignKind, DeliveryRuleKind, PhaseStatus, VehicleCondition } from './bulletin';

const Need = z.enum(['model', 'productionMonth']);

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
  /** Where the model came from: the user, or the one model every matching VIN range names. */
  modelSource: z.enum(['stated', 'vin-range']).nullable(),
  productionMonth: z.string().nullable(),
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

const Empty = z.object({}).strict();

export const operations = {
  lookup: { input: LookupInput, output: LookupResult },
  listCampaigns: { input: Empty, output: z.array(CampaignSummary) },
  getCampaign: { input: z.object({ code: z.string().trim().min(1).max(12) }), output: CampaignDetail },
  importBulletin: { input: ImportBulletinInput, output: ImportBulletinResult },
  appInfo: { input: Empty, output: AppInfo },
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

/** The IPC channel of an operation; one per operation, nothing generic. */
export const ipcChannel = (name: OperationName) => `recall-desk:${name}`;
/** The HTTP path of an operation. */
export const httpPath = (name: OperationName) => `/api/${name}`;
export const TOKEN_HEADER = 'x-recall-desk-token';

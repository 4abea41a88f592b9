// The imports domain: affected-VIN lists and DMS vehicle exports, previewed then committed as a job.
import { z } from '../lazy-zod';
import { isoDate } from '../bulletin';
import { Impact } from '../changes/contract';
import { defineEffects, defineOperations, onHostOnly, queued, read } from '../contract';
import { LISTS } from '../accounts/roles';
import { CampaignCode } from '../schemas';
import { FileEncoding } from './encoding';

/** Why a line was left out (invalid) or what to check on a line that was read (warning). */
export const InvalidKind = z.enum(['no-vin', 'not-a-vin', 'unbalanced-quote', 'too-long', 'cell-count', 'model-year', 'production-month', 'service-date']);
export const WarningKind = z.enum(['check-digit', 'future-date', 'future-month']);
export const InvalidLine = z.object({ line: z.number().int(), text: z.string(), reason: z.string(), kind: z.string() });
const KindCount = <K extends z.ZodEnum>(kind: K) => z.array(z.object({ kind, label: z.string(), count: z.number().int() }));
/** Rejected lines: the first few of each kind (never the whole file's worth), a count per kind and the total. */
const InvalidSummary = {
  invalid: z.array(InvalidLine),
  invalidCount: z.number().int(),
  invalidByKind: KindCount(InvalidKind),
};
const BIG_FILE = 256 * 1024 * 1024;
const FileContent = z.string().max(BIG_FILE, 'the file is over 256 MB; split it and import the parts');

export const PreviewVinListInput = z.object({
  campaign: CampaignCode,
  fileName: z.string().max(260),
  content: FileContent,
  /** The encoding the file was read in (the window and the CLI detect it; see ./encoding.ts), said in the preview. */
  encoding: FileEncoding.default('utf-8'),
  /** The date of the export (TIS/Dealer Daily), which the lookup quotes; today when not given. */
  listDate: isoDate.nullish(),
  /**
   * A complete list lets the lookup say "not on the list"; a partial one only confirms. Partial unless
   * the user says so: a dealer's TIS export is rarely the national list.
   */
  complete: z.boolean().default(false),
});
/** A cell of a repeated VIN's line that is not the kept line's: the repeat's and the kept line's (null: empty). */
const CellPair = z.object({ value: z.string().nullable(), kept: z.string().nullable() }).nullable();
/** A repeat of a VIN whose phase or part number is not the kept line's: the lines, the VIN and those cells only. */
export const DuplicateConflict = z.object({ line: z.number().int(), vin: z.string(), keptLine: z.number().int(), phase: CellPair, partNumber: CellPair });
export const VinListPreview = z.object({
  importId: z.string(),
  campaign: z.object({ code: z.string(), title: z.string() }),
  listDate: z.string(),
  complete: z.boolean(),
  /** The encoding the file was read in. */
  encoding: FileEncoding,
  replaces: z.object({ listDate: z.string(), rows: z.number().int() }).nullable(),
  rowsRead: z.number().int(),
  valid: z.number().int(),
  duplicates: z.number().int(),
  /** Of the duplicates, those whose phase or part number is not the kept line's (the first line of a VIN is kept). */
  conflictingDuplicates: z.number().int().default(0),
  /** The first few of those in line order (the count says how many in all). */
  duplicateConflicts: z.array(DuplicateConflict).default([]),
  ...InvalidSummary,
  checkDigitMismatches: z.number().int(),
  hasHeader: z.boolean(),
  /** What the preview says about the file's shape (two columns of one name...). */
  notes: z.array(z.string()),
  columns: z.object({ vin: z.string(), phase: z.string().nullable(), partNumber: z.string().nullable(), status: z.string().nullable() }),
});

/**
 * A file of any size is sent as the body of a request to these routes (streamed: a 5M-row list never
 * sits whole in memory on either side), with the preview's other inputs (campaign, date, mapping...)
 * as base64url JSON in one header: by the browser window (with its token or session) and by a desk
 * (CLI or window) to the sharing PC. The answer is the preview's envelope; Import is commitImport.
 */
export const UPLOAD_PATHS = { previewVinList: '/lan/upload/previewVinList', previewVehicles: '/lan/upload/previewVehicles' } as const;
export type UploadOp = keyof typeof UPLOAD_PATHS;
/** The preview's inputs without the file's content: base64url of their JSON. */
export const UPLOAD_INPUT_HEADER = 'x-recall-desk-input';

/** A file on the computer that keeps the database (the Electron window's file picker): read there, as a stream. */
const HostFile = z.string().trim().min(1, 'name the file to import').max(4096);
export const PreviewVinListFileInput = z.object({
  path: HostFile,
  campaign: CampaignCode,
  listDate: isoDate.nullish(),
  complete: z.boolean().default(false),
});

export const InStockMode = z.enum(['none', 'add', 'replace']);
/** What a condition value of the file means; `unknown` imports the vehicle with no condition. */
export const ConditionChoice = z.enum(['new', 'used', 'certified-pre-owned', 'unknown']);
export const PreviewVehiclesInput = z.object({
  fileName: z.string().max(260),
  content: FileContent,
  /** The encoding the file was read in, said in the preview. */
  encoding: FileEncoding.default('utf-8'),
  /** Field → column header; a field left out is detected from the headers, '' maps nothing. */
  mapping: z.record(z.string(), z.string()).default({}),
  /** none: a service-history export; add: these are in stock; replace: the complete stock list. */
  inStock: InStockMode.default('none'),
  /** The file's own condition values (DEMO, Loaner, ...) → a condition; a value left out is unknown. */
  conditions: z.record(z.string().max(200), ConditionChoice).default({}),
});
/** A DMS export on the computer that keeps the database, read there as a stream (the encoding detected there). */
export const PreviewVehiclesFileInput = z.object({
  path: HostFile,
  mapping: z.record(z.string(), z.string()).default({}),
  inStock: InStockMode.default('none'),
  conditions: z.record(z.string().max(200), ConditionChoice).default({}),
});
export const VehiclesPreview = z.object({
  /** null while nothing can be imported (see blocking). */
  importId: z.string().nullable(),
  blocking: z.string().nullable(),
  columns: z.array(z.string()),
  /** What the preview says about the file's shape (two columns of one name...). */
  notes: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  inStock: InStockMode,
  /** The encoding the file was read in. */
  encoding: FileEncoding,
  rowsRead: z.number().int(),
  valid: z.number().int(),
  duplicates: z.number().int(),
  ...InvalidSummary,
  /** Lines imported with something to check: a wrong check digit, a date in the future (left out). */
  warnings: z.array(InvalidLine),
  warningCount: z.number().int(),
  warningsByKind: KindCount(WarningKind),
  checkDigitMismatches: z.number().int(),
  /** The first few distinct non-empty values of each column, for the mapping step. */
  samples: z.record(z.string(), z.array(z.string())),
  /** Each distinct value of the condition column, what it is read as, and on how many lines. */
  conditionValues: z.array(z.object({ value: z.string(), count: z.number().int(), condition: ConditionChoice, recognised: z.boolean() })),
  /** What the import does to the stock, counted against the database now. */
  stock: z.object({ added: z.number().int(), leaving: z.number().int(), staying: z.number().int() }).nullable(),
});

export const ImportStatus = z.object({
  jobId: z.string(),
  kind: z.enum(['vin-list', 'vehicles', 'nhtsa']),
  /** What is imported, e.g. "23LJ01 affected-VIN list of 2026-11-20". */
  label: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  /** What the import did to the dealer's vehicles, once done (see the changes domain). */
  impact: Impact.nullable(),
});

const JobId = z.string().max(64);

/**
 * The preview's inputs as the user sees them when pressing Import: a preview read with other inputs
 * (another campaign, date, completeness, stock mode, mapping) is refused, never imported.
 */
export const CommitImportInput = z.object({
  importId: JobId,
  expect: z
    .object({
      campaign: CampaignCode.optional(),
      listDate: z.string().max(10).optional(),
      complete: z.boolean().optional(),
      inStock: InStockMode.optional(),
    })
    .optional(),
});

export const importOperations = defineOperations({
  previewVinList: { input: PreviewVinListInput, output: VinListPreview },
  previewVehicles: { input: PreviewVehiclesInput, output: VehiclesPreview },
  /** previewVinList of a file on the PC that keeps the database, read there as a stream (the Electron window's picker). */
  previewVinListFile: { input: PreviewVinListFileInput, output: VinListPreview },
  /** previewVehicles of a file on the PC that keeps the database, read there as a stream. */
  previewVehiclesFile: { input: PreviewVehiclesFileInput, output: VehiclesPreview },
  /** What a previewed import would do (holds, remedy now available, follow-up, part demand): nothing is written. */
  importImpact: { input: CommitImportInput, output: Impact },
  commitImport: { input: CommitImportInput, output: ImportStatus },
  importStatus: { input: z.object({ jobId: JobId }), output: ImportStatus },
  cancelImport: { input: z.object({ jobId: JobId }), output: ImportStatus },
  /** Imports running or finished lately, newest first: the top bar shows a running one on every screen. */
  importJobs: { input: z.object({}), output: z.array(ImportStatus) },
});

export const importEffects = defineEffects(importOperations, {
  previewVinList: read([], 'read affected-VIN lists', LISTS),
  previewVehicles: read([], 'read DMS files', LISTS),
  // A path names a file on this computer: never read for a caller over HTTP (a desk uploads instead).
  previewVinListFile: onHostOnly(read([], 'read affected-VIN lists', LISTS)),
  previewVehiclesFile: onHostOnly(read([], 'read DMS files', LISTS)),
  // A dry run on the import's own connection, rolled back: it changes nothing.
  importImpact: read([], 'see an import’s impact', LISTS),
  // The import's data changes when its job is done: the job tells every window then.
  commitImport: queued(['imports'], 'import lists and DMS files', LISTS),
  importStatus: read(['imports'], 'follow an import'),
  cancelImport: queued(['imports'], 'cancel imports', LISTS),
  importJobs: read(['imports'], 'see the imports'),
});

export type ImportStatus = z.output<typeof ImportStatus>;
export type CommitImportInput = z.output<typeof CommitImportInput>;
export type InvalidLine = z.output<typeof InvalidLine>;
export type InvalidKind = z.output<typeof InvalidKind>;
export type WarningKind = z.output<typeof WarningKind>;
export type ConditionChoice = z.output<typeof ConditionChoice>;

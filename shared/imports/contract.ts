// The imports domain: affected-VIN lists and DMS vehicle exports, previewed then committed as a job.
import { z } from 'zod';
import { isoDate } from '../bulletin';
import { defineOperations } from '../contract';
import { CampaignCode } from '../schemas';

export const InvalidLine = z.object({ line: z.number().int(), text: z.string(), reason: z.string() });
const BIG_FILE = 256 * 1024 * 1024;
const FileContent = z.string().max(BIG_FILE, 'the file is over 256 MB; split it and import the parts');

export const PreviewVinListInput = z.object({
  campaign: CampaignCode,
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

const JobId = z.string().max(64);

export const importOperations = defineOperations({
  previewVinList: { input: PreviewVinListInput, output: VinListPreview },
  previewVehicles: { input: PreviewVehiclesInput, output: VehiclesPreview },
  commitImport: { input: z.object({ importId: JobId }), output: ImportStatus },
  importStatus: { input: z.object({ jobId: JobId }), output: ImportStatus },
  cancelImport: { input: z.object({ jobId: JobId }), output: ImportStatus },
});

export type ImportStatus = z.output<typeof ImportStatus>;
export type InvalidLine = z.output<typeof InvalidLine>;

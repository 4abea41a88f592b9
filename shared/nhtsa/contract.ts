// The nhtsa domain: NHTSA's recall flat file imported offline (FLAT_RCL_POST_2010 / _PRE_2010, the .txt
// or the .zip as downloaded), so a vehicle of any make gets NHTSA's recalls for its make, model and year.
import { z } from 'zod';
import { MANAGERS } from '../accounts/roles';
import { defineEffects, defineOperations, read } from '../contract';

export const NhtsaPart = z.enum(['current', 'pre-2010']);
export const RefusedCount = z.object({ reason: z.string(), text: z.string(), count: z.number().int() });

export const PreviewNhtsaInput = z.object({
  /** The file on this computer: NHTSA's .txt, or the .zip as downloaded. */
  path: z.string().trim().min(1, 'name the file: the .txt or the .zip as downloaded from NHTSA').max(4096),
});

export const NhtsaImportInForce = z.object({
  part: NhtsaPart,
  fileName: z.string(),
  importedAt: z.string(),
  newestReportDate: z.string().nullable(),
  rowsRead: z.number().int(),
  rowsKept: z.number().int(),
  refused: z.array(RefusedCount),
  /** Days since it was imported; over 30 the library warns. */
  ageDays: z.number().int(),
  stale: z.boolean(),
});

export const NhtsaPreview = z.object({
  importId: z.string(),
  fileName: z.string(),
  part: NhtsaPart,
  /** 29 (with the May 2025 do-not-drive / park-outside columns) or 27 (older files). */
  fields: z.number().int(),
  rowsRead: z.number().int(),
  kept: z.number().int(),
  rejoined: z.number().int(),
  refused: z.array(RefusedCount),
  newestReportDate: z.string().nullable(),
  /** The import of the same part this one replaces. */
  replaces: NhtsaImportInForce.nullable(),
});

export const nhtsaOperations = defineOperations({
  /** Reads NHTSA's file (nothing written): counts, refused rows by reason; Impact / Apply through importImpact and commitImport. */
  previewNhtsa: { input: PreviewNhtsaInput, output: NhtsaPreview },
  /** The NHTSA imports in force (date, rows, age). */
  nhtsaStatus: { input: z.object({}), output: z.object({ imports: z.array(NhtsaImportInForce) }) },
});

export const nhtsaEffects = defineEffects(nhtsaOperations, {
  // Reads a file by its path on the PC that keeps the database: for the people who import bulletins.
  previewNhtsa: read([], 'import NHTSA’s recall file', MANAGERS),
  nhtsaStatus: read(['library', 'imports'], 'see the NHTSA import'),
});

export type NhtsaPreview = z.output<typeof NhtsaPreview>;
export type NhtsaImportInForce = z.output<typeof NhtsaImportInForce>;
export type NhtsaPart = z.output<typeof NhtsaPart>;

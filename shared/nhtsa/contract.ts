// The nhtsa domain: NHTSA's recall flat file imported offline (FLAT_RCL_POST_2010 / _PRE_2010, the .txt
// or the .zip as downloaded), so a vehicle of any make gets NHTSA's recalls for its make, model and year.
import { z } from '../lazy-zod';
import { MANAGERS } from '../accounts/roles';
import { Severity } from '../bulletin';
import { defineEffects, defineOperations, onHostOnly, read } from '../contract';
import { FollowUpVehicle } from '../reports/followup-vehicle';

export const NhtsaPart = z.enum(['current', 'pre-2010']);
export const RefusedCount = z.object({ reason: z.string(), text: z.string(), count: z.number().int() });

export const PreviewNhtsaInput = z.object({
  /** The file on this computer: NHTSA's .txt, or the .zip as downloaded. */
  path: z.string().trim().min(1, 'name the file: the .txt or the .zip as downloaded from NHTSA').max(4096),
});

/** A piece of NHTSA's file sent from the window's file picker: at most this many bytes of the file. */
export const NHTSA_PIECE_BYTES = 4 * 1024 * 1024;
/** The largest file taken (FLAT_RCL_POST_2010.txt is some 300 MB unzipped, the .zip some 15 MB). */
export const NHTSA_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * One piece of the file the person picked, in order: the first (offset 0, no uploadId yet) starts an
 * upload on the PC that keeps the database, each next one continues it. A piece sent again (its answer
 * lost) is taken once.
 */
export const SendNhtsaPieceInput = z.object({
  uploadId: z.string().max(64).nullable(),
  fileName: z.string().trim().min(1, 'name the file').max(260),
  /** The whole file's size in bytes. */
  size: z
    .number()
    .int()
    .min(1, 'the file is empty: download it again from NHTSA')
    .max(NHTSA_UPLOAD_MAX_BYTES, 'the file is over 2 GB: it is not NHTSA’s recall file'),
  offset: z.number().int().min(0),
  /** The piece's bytes, base64. */
  data: z
    .string()
    .max(Math.ceil(NHTSA_PIECE_BYTES / 3) * 4, 'a piece of at most 4 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the piece is not base64'),
});
export const NhtsaUploadProgress = z.object({ uploadId: z.string(), received: z.number().int(), size: z.number().int() });

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
  /** Its newest report is earlier than the import in force's: an older download, which would drop recalls. */
  olderThanInForce: z.boolean(),
});

/**
 * The follow-up list's line for a serviced vehicle of another make that NHTSA's file lists recalls for:
 * by make, model and year only, so never a "not yet remedied" row: the advisor checks the VIN at NHTSA
 * before calling the guest.
 */
export const NhtsaFollowUpLine = FollowUpVehicle.extend({
  /** The recalls NHTSA lists for the make, model and year; flagged ones first. */
  recalls: z.array(z.object({ code: z.string(), component: z.string(), severity: z.array(Severity) })),
  note: z.string(),
});

export const nhtsaOperations = defineOperations({
  /** Reads NHTSA's file (nothing written): counts, refused rows by reason; Impact / Apply through importImpact and commitImport. */
  previewNhtsa: { input: PreviewNhtsaInput, output: NhtsaPreview },
  /** A piece of the file picked in the window, sent to the PC that keeps the database (see SendNhtsaPieceInput). */
  sendNhtsaPiece: { input: SendNhtsaPieceInput, output: NhtsaUploadProgress },
  /** Reads the file sent whole (nothing written), as previewNhtsa reads a file on this computer. */
  previewNhtsaUpload: { input: z.object({ uploadId: z.string().max(64) }), output: NhtsaPreview },
  /** The NHTSA imports in force (date, rows, age). */
  nhtsaStatus: { input: z.object({}), output: z.object({ imports: z.array(NhtsaImportInForce) }) },
});

export const nhtsaEffects = defineEffects(nhtsaOperations, {
  // Reads a file by its path on the PC that keeps the database: for the people who import bulletins.
  previewNhtsa: onHostOnly(read([], 'import NHTSA’s recall file', MANAGERS)),
  // The file picked in the window (any desk): sent in pieces, kept in a temporary file until imported.
  sendNhtsaPiece: read([], 'import NHTSA’s recall file', MANAGERS),
  previewNhtsaUpload: read([], 'import NHTSA’s recall file', MANAGERS),
  nhtsaStatus: read(['library', 'imports'], 'see the NHTSA import'),
});

export type NhtsaPreview = z.output<typeof NhtsaPreview>;
export type NhtsaImportInForce = z.output<typeof NhtsaImportInForce>;
export type NhtsaPart = z.output<typeof NhtsaPart>;
export type NhtsaFollowUpLine = z.output<typeof NhtsaFollowUpLine>;
export type SendNhtsaPieceInput = z.output<typeof SendNhtsaPieceInput>;

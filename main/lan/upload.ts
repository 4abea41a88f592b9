// Import files sent as a stream: the file is a request's body, read as it arrives, with the preview's
// other inputs (campaign, date, mapping...) in one header. Exactly what the CLI does with a local file
// (a stream of chunks into the same reader, staged the same way), so a list of millions of rows works
// and memory stays bounded on every PC. Who sends: the browser window on this PC (with its per-launch
// token), a desk's CLI or window (to the sharing PC, with its session), and the Electron window, whose
// file is read here by its path (or, on a desk, uploaded from here to the host). The commit is the
// ordinary commitImport call.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { mayCall } from '../../shared/accounts/roles';
import { notAllowed, SESSION_ENDED, SIGN_IN_NEEDED } from '../../shared/accounts/wording';
import { effects, operations, type OutputOf } from '../../shared/api';
import { describeIssues } from '../../shared/bulletin';
import { ApiError, type Envelope, type ErrorCode } from '../../shared/contract';
import {
  PreviewVehiclesInput,
  type PreviewVehiclesFileInput,
  PreviewVinListInput,
  type PreviewVinListFileInput,
  UPLOAD_INPUT_HEADER,
  UPLOAD_PATHS,
  type UploadOp,
} from '../../shared/imports/contract';
import { type FileEncoding, sniffEncoding, Utf8Check } from '../../shared/imports/encoding';
import { cannotReadFile, UPLOAD_FAILED } from '../../shared/imports/upload-wording';
import type { z } from 'zod';
import type { CoreServices } from '../core-services';
import { describeStorageError } from '../db/errors';
import { decodedChunks } from '../files/decoded-chunks';
import { mappingOf, stageVehicles, stageVinList, todayOf } from '../imports/preview';
import { readVehiclesStream } from '../imports/vehicles';
import { readVinListStream } from '../imports/vinlist';
import type { HostLink } from './client';
import { parseEnvelope, unreachable } from './client';

export { UPLOAD_INPUT_HEADER, UPLOAD_PATHS, type UploadOp };

/** The op an upload route serves, by its path (null: not an upload route). */
export const uploadOpOf = (pathname: string): UploadOp | null => (Object.keys(UPLOAD_PATHS) as UploadOp[]).find((op) => UPLOAD_PATHS[op] === pathname) ?? null;

/**
 * A preview from a file's bytes as they arrive, for the person of `session`: on this PC's database, or
 * (the window of a paired PC) on the sharing PC's. `inputs` are the preview's inputs without the content.
 */
export type Uploader = (op: UploadOp, inputs: unknown, body: Readable, session: string | null) => Promise<Envelope<unknown>>;

type Services = Pick<CoreServices, 'accounts' | 'campaigns' | 'jobs' | 'now' | 'db'>;

const refused = (code: ErrorCode, message: string, details: string[] = []): Envelope<never> => ({ ok: false, error: { code, message, details } });

/** The gate's own rules for the two previews (the dispatcher's words): anyone on a PC without accounts. */
function gate(s: Services, op: UploadOp, session: string | null): Envelope<never> | null {
  if (!s.accounts.any()) return null;
  const actor = s.accounts.sessions.resolve(session);
  if (!actor) return refused('unauthenticated', session ? SESSION_ENDED : SIGN_IN_NEEDED);
  const fx = effects[op];
  return mayCall(fx.access, actor.roles) ? null : refused('forbidden', notAllowed(actor.name, actor.roles, fx.does, fx.access));
}

type VinListInput = z.output<typeof PreviewVinListInput>;
type VehiclesInput = z.output<typeof PreviewVehiclesInput>;

/** Reads and stages the preview from text chunks: what a local import-vins / import-vehicles does. */
async function preview(s: Services, op: UploadOp, input: VinListInput | VehiclesInput, chunks: AsyncIterable<string>) {
  if (op === 'previewVinList') {
    const i = input as VinListInput;
    return stageVinList(s as CoreServices, i, await readVinListStream(chunks, i.fileName));
  }
  const i = input as VehiclesInput;
  const read = await readVehiclesStream(chunks, i.fileName, { mapping: mappingOf(i), conditions: i.conditions, today: todayOf(s) });
  return stageVehicles(s as CoreServices, i, read);
}

/** This PC's database: the gate, the inputs checked, the body read as it arrives. */
export function localUploader(s: Services): Uploader {
  return async (op, raw, body, session) => {
    const closed = gate(s, op, session);
    if (closed) return closed;
    const schema = op === 'previewVinList' ? PreviewVinListInput : PreviewVehiclesInput;
    const parsed = schema.safeParse({ ...(raw && typeof raw === 'object' ? raw : {}), content: '' });
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return refused('invalid-input', details[0] ?? 'Invalid input.', details);
    }
    // In the encoding the sender detected in the file (it says so in the preview): a Windows-1252 DMS
    // export or a UTF-16 list reads here as it does in a local import.
    try {
      // Read without destroying the request when the reader stops early (a refused file): the sender still gets the answer.
      const bytes = body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
      const data = await preview(s, op, parsed.data, decodedChunks(bytes, parsed.data.encoding));
      return { ok: true, data };
    } catch (err) {
      if (err instanceof ApiError) return refused(err.code, err.message, err.details);
      const storage = describeStorageError(err);
      if (storage) return refused('storage', storage);
      console.error(`recall-desk: the upload for ${op} failed: ${(err as Error).stack ?? String(err)}`);
      return refused('internal', UPLOAD_FAILED);
    }
  };
}

/** Sends a file's bytes to a sharing PC's upload route, as `session`; the preview's envelope. */
export async function uploadTo(link: HostLink, op: UploadOp, inputs: unknown, body: NodeJS.ReadableStream, session: string | null): Promise<Envelope<unknown>> {
  const header = Buffer.from(JSON.stringify(inputs)).toString('base64url');
  try {
    const { status, text } = await link.post(UPLOAD_PATHS[op], body, {
      session,
      contentType: 'application/octet-stream',
      headers: { [UPLOAD_INPUT_HEADER]: header },
      timeoutMs: 30 * 60_000,
    });
    return parseEnvelope(status, text, link.origin.host);
  } catch (err) {
    throw unreachable(err, link.origin.host);
  }
}

/** The first bytes, else one pass over the file checking UTF-8 (1 MB at a time, without blocking the thread). */
async function detectEncoding(file: string): Promise<FileEncoding> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let { bytesRead: n } = await fd.read(buf, 0, buf.length, null);
    const sniffed = sniffEncoding(buf.subarray(0, Math.min(n, 4096)));
    if (sniffed) return sniffed;
    const check = new Utf8Check();
    while (n > 0 && check.valid) {
      check.push(buf.subarray(0, n));
      ({ bytesRead: n } = await fd.read(buf, 0, buf.length, null));
    }
    check.push(new Uint8Array(0), true);
    return check.valid ? 'utf-8' : 'windows-1252';
  } finally {
    await fd.close();
  }
}

/** A file on this computer picked in the window: its name, encoding and a stream of its bytes. */
export async function hostFile(file: string): Promise<{ fileName: string; encoding: FileEncoding; open: () => Readable }> {
  try {
    if (!(await fs.promises.stat(file)).isFile()) throw new ApiError('invalid-input', cannotReadFile(file, 'it is not a file'), []);
    const encoding = await detectEncoding(file);
    return { fileName: path.basename(file), encoding, open: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }) };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ApiError('invalid-input', cannotReadFile(file, code === 'ENOENT' ? 'no such file' : (err as Error).message), []);
  }
}

type FileOp = 'previewVinListFile' | 'previewVehiclesFile';
type FileInput = z.output<typeof PreviewVinListFileInput> | z.output<typeof PreviewVehiclesFileInput>;
const opOfFile = (name: FileOp): UploadOp => (name === 'previewVinListFile' ? 'previewVinList' : 'previewVehicles');

/** The upload inputs of a picked file (its name and encoding beside what the person chose). */
function uploadInputs(input: FileInput, file: { fileName: string; encoding: FileEncoding }): Record<string, unknown> {
  const { path: _, ...chosen } = input;
  return { ...chosen, fileName: file.fileName, encoding: file.encoding };
}

/** previewVinListFile / previewVehiclesFile on this PC: the file read by its path, as a stream (the gate already let the call through). */
export function previewHostFile(s: Services, name: 'previewVinListFile', input: z.output<typeof PreviewVinListFileInput>): Promise<OutputOf<'previewVinList'>>;
export function previewHostFile(
  s: Services,
  name: 'previewVehiclesFile',
  input: z.output<typeof PreviewVehiclesFileInput>,
): Promise<OutputOf<'previewVehicles'>>;
export async function previewHostFile(s: Services, name: FileOp, input: FileInput): Promise<unknown> {
  const file = await hostFile(input.path);
  const op = opOfFile(name);
  const schema = op === 'previewVinList' ? PreviewVinListInput : PreviewVehiclesInput;
  const full = schema.parse({ ...uploadInputs(input, file), content: '' });
  const stream = file.open();
  try {
    return await preview(s, op, full, decodedChunks(stream as AsyncIterable<Buffer>, file.encoding));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code && !(err instanceof ApiError)) {
      throw new ApiError('invalid-input', cannotReadFile(input.path, (err as Error).message), []);
    }
    throw err;
  } finally {
    stream.destroy();
  }
}

/** The same on a paired PC's window: the file is read here and uploaded, streamed, to the sharing PC. */
export async function uploadHostFile(link: HostLink, name: FileOp, rawInput: unknown, session: string | null): Promise<Envelope<unknown>> {
  const parsed = operations[name].input.safeParse(rawInput);
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    return refused('invalid-input', details[0] ?? 'Invalid input.', details);
  }
  let file: Awaited<ReturnType<typeof hostFile>>;
  try {
    file = await hostFile(parsed.data.path);
  } catch (err) {
    if (err instanceof ApiError) return refused(err.code, err.message, err.details);
    throw err;
  }
  return uploadTo(link, opOfFile(name), uploadInputs(parsed.data, file), file.open(), session);
}

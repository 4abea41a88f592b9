// An import file picked in the window goes to the PC that keeps the database without ever being held
// whole here: in the browser (loopback with the token, or a sharing PC's page with the session) it is
// the streamed body of a request to the upload route, with the sending's progress; in the Electron
// window main reads it by its path (previewVinListFile, previewVehiclesFile), on this PC or uploading
// it from there to the sharing PC. A 5M-row list (about 90 MB) works either way.
import { ApiError, type InputOf, operations, type OutputOf } from '../../shared/api';
import { describeIssues } from '../../shared/bulletin';
import { UPLOAD_INPUT_HEADER, UPLOAD_PATHS, type UploadOp } from '../../shared/imports/contract';
import { decodeFile, type FileEncoding, sniffEncoding, Utf8Check } from '../../shared/imports/encoding';
import { cannotReadFile, UPLOAD_WORDING } from '../../shared/imports/upload-wording';
import { api, requestHeaders } from '../api';
import { endSession } from '../session';

type FilesBridge = { pathOf(file: File): string | null };
declare global {
  interface Window {
    /** The Electron window: the path on this PC of a file the page picked (main/preload). */
    recallDeskFiles?: FilesBridge;
  }
}

/** What a preview is read with besides the file (campaign, date, mapping...). */
export type UploadInputs<Op extends UploadOp> = Omit<InputOf<Op>, 'content' | 'fileName' | 'encoding'>;

/**
 * How far the sending is: bytes sent of the file's size (`checking`: its text encoding is being
 * detected here first, a pass over the file); null once sent (the file is being read there).
 */
export type Sending = { sent: number; size: number; checking?: true } | null;

/** The person cancelled the sending: nothing was read or changed. */
export class SendCancelled extends Error {}

const SLICE = 4 * 1024 * 1024;

/** The file's encoding as the CLI detects it (shared/imports/encoding.ts), read a slice at a time. */
async function detectEncoding(file: Blob, onChecked: (bytes: number) => void, signal?: AbortSignal): Promise<FileEncoding> {
  const sniffed = sniffEncoding(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  if (sniffed) return sniffed;
  const check = new Utf8Check();
  for (let at = 0; at < file.size && check.valid; at += SLICE) {
    if (signal?.aborted) throw new SendCancelled();
    onChecked(at);
    check.push(new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer()));
  }
  check.push(new Uint8Array(0), true);
  return check.valid ? 'utf-8' : 'windows-1252';
}

/** base64url of a string's UTF-8 bytes (the inputs header). */
function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The request: the file as its body (the browser streams it from disk), the answer an envelope. */
function send(op: UploadOp, headers: Record<string, string>, inputs: object, file: File, onSending: (s: Sending) => void, signal?: AbortSignal) {
  return new Promise<unknown>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_PATHS[op]);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader(UPLOAD_INPUT_HEADER, base64url(JSON.stringify(inputs)));
    xhr.upload.onprogress = (e) => onSending({ sent: e.loaded, size: file.size });
    xhr.upload.onload = () => onSending(null);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        reject(new ApiError('internal', UPLOAD_WORDING.cannotSend(file.name), []));
      }
    };
    xhr.onerror = () => reject(new ApiError('internal', UPLOAD_WORDING.cannotSend(file.name), []));
    xhr.onabort = () => reject(new SendCancelled());
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    onSending({ sent: 0, size: file.size });
    xhr.send(file);
  });
}

const FILE_OPS = { previewVinList: 'previewVinListFile', previewVehicles: 'previewVehiclesFile' } as const;

/**
 * The preview of a picked file, read on the PC that keeps the database. `onSending` hears the sending's
 * progress (the browser), `signal` cancels it (SendCancelled).
 */
export async function previewFile<Op extends UploadOp>(
  op: Op,
  inputs: UploadInputs<Op>,
  file: File,
  o: { onSending?: (s: Sending) => void; signal?: AbortSignal } = {},
): Promise<OutputOf<Op>> {
  const onSending = o.onSending ?? (() => {});
  if (window.recallDesk) {
    const path = window.recallDeskFiles?.pathOf(file);
    if (path) return (await api[FILE_OPS[op]]({ ...inputs, path } as never)) as OutputOf<Op>;
    // A file with no path on this PC (dropped from another program): small ones only, sent whole.
    let decoded: ReturnType<typeof decodeFile>;
    try {
      decoded = decodeFile(new Uint8Array(await file.arrayBuffer()));
    } catch (err) {
      throw new ApiError('invalid-input', cannotReadFile(file.name, (err as Error).message), []);
    }
    return (await api[op]({ ...inputs, fileName: file.name, content: decoded.text, encoding: decoded.encoding } as never)) as OutputOf<Op>;
  }
  // What the server would refuse before reading a byte (a date that is no date...) is said at once, before the file is sent.
  const checked = operations[op].input.safeParse({ ...inputs, fileName: file.name, content: '' });
  if (!checked.success) {
    const details = describeIssues(checked.error);
    throw new ApiError('invalid-input', details[0] ?? 'Invalid input.', details);
  }
  const headers = requestHeaders();
  if (!headers) throw new ApiError('invalid-input', 'No access token: open the address that "npm run serve" printed, including its #token part.', []);
  onSending({ sent: 0, size: file.size, checking: true });
  try {
    const encoding = await detectEncoding(file, (at) => onSending({ sent: at, size: file.size, checking: true }), o.signal);
    const envelope = (await send(op, headers, { ...inputs, fileName: file.name, encoding }, file, onSending, o.signal)) as
      | { ok: true; data: unknown }
      | { ok: false; error: { code: string; message: string; details: string[] } };
    if (!envelope.ok) {
      if (envelope.error.code === 'unauthenticated') endSession();
      throw new ApiError(envelope.error.code as never, envelope.error.message, envelope.error.details ?? []);
    }
    return operations[op].output.parse(envelope.data) as OutputOf<Op>;
  } finally {
    onSending(null);
  }
}

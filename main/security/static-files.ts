// Which file of the built renderer a request path names, with its MIME type and the security headers
// every response carries: one rule for the browser mode's HTTP bridge and the window's app:// scheme.
// Pure (no I/O), so traversal, encodings and types are tested in plain Node.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function mimeType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget =
  /** Serve `file`; when it does not exist, serve `fallback` (the app shell) if there is one, else 404. */
  { ok: true; file: string; type: string; fallback: string | null } | { ok: false; status: 400 | 404; reason: string };

/**
 * The file under `root` that the still-%-encoded URL path names. Refused: a malformed escape, a NUL,
 * and anything that resolves outside `root` (`..`, encoded slashes, absolute paths). A path without
 * an extension is a client-side route: the app shell answers it when no such file exists.
 */
export function resolveStatic(root: string, encodedPath: string): StaticTarget {
  const base = path.resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400, reason: 'The address is not valid (bad %-encoding).' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'The address is not valid (bad %-encoding).' };
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const file = path.resolve(base, rel);
  if (!file.startsWith(base + path.sep)) return { ok: false, status: 404, reason: 'Not found.' };
  const index = path.join(base, 'index.html');
  return { ok: true, file, type: mimeType(file), fallback: path.extname(rel) ? null : index };
}

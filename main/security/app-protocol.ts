// The window's renderer is served from app://recall-desk/ (a privileged, standard, secure custom
// scheme) instead of file://: the CSP's 'self' is then this origin alone, not every file on the disk,
// and ES modules load same-origin, so the file:// fuse (grantFileProtocolExtraPrivileges) can be off.
// No Electron here: main/electron/protocol.ts registers the scheme and hands requests to this.
import { mimeType, resolveStatic, SECURITY_HEADERS, type StaticTarget } from './static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'recall-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads, and the only page whose IPC calls are answered. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The renderer file an app:// request names; another scheme or host, a bad encoding or a traversal is refused. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): StaticTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'Bad request.' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404, reason: 'Not found.' };
  return resolveStatic(rendererDir, url.pathname);
}

const textHeaders = (type: string) => ({ ...SECURITY_HEADERS, 'content-type': type });

/**
 * The response to one app:// request: the file with its type, the app shell for a client-side route,
 * or a plain 400/404; the CSP and the other security headers on every one. `readFile` is the only I/O.
 */
export async function answerAppRequest(rendererDir: string, requestUrl: string, readFile: (file: string) => Promise<Uint8Array>): Promise<Response> {
  const target = resolveAppRequest(rendererDir, requestUrl);
  if (!target.ok) return new Response(target.reason, { status: target.status, headers: textHeaders('text/plain; charset=utf-8') });
  for (const file of target.fallback ? [target.file, target.fallback] : [target.file]) {
    try {
      // A file's bytes (Node's Buffer is backed by an ArrayBuffer, never a SharedArrayBuffer).
      return new Response((await readFile(file)) as Uint8Array<ArrayBuffer>, { status: 200, headers: textHeaders(mimeType(file)) });
    } catch {
      // Not there: the app shell for a client-side route, else 404.
    }
  }
  return new Response('Not found.', { status: 404, headers: textHeaders('text/plain; charset=utf-8') });
}

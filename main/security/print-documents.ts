// The documents the Electron print window shows, served from memory on the app's own scheme
// (app://print/<random id>.html), never written to the disk nor loaded from file://: a file:// page
// could reach every file the user can read, and a document left in the temp folder would keep a
// guest's details. No Electron here: main/electron/print.ts hands its session's requests to this.
import { randomUUID } from 'node:crypto';
import { APP_SCHEME } from './app-protocol';

export const PRINT_HOST = 'print';
export const PRINT_ORIGIN = `${APP_SCHEME}://${PRINT_HOST}`;
/** A printed document needs its inline styles and the system's fonts; nothing else (no script, no network). */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'; base-uri 'none'; form-action 'none'";

const ID_PATH = /^\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.html$/;

/** True for a URL of the print window's own documents: the only requests its session lets through. */
export function isPrintRequest(url: string): boolean {
  return url.startsWith(`${PRINT_ORIGIN}/`);
}

export class PrintDocuments {
  private readonly docs = new Map<string, string>();

  get size(): number {
    return this.docs.size;
  }

  /** The document at a URL of its own until `done()`. */
  add(html: string): { url: string; done: () => void } {
    const id = randomUUID();
    this.docs.set(id, html);
    return { url: `${PRINT_ORIGIN}/${id}.html`, done: () => this.docs.delete(id) };
  }

  /** The response to a request of the print session: the document, or 404 for anything else. */
  answer(requestUrl: string): Response {
    let url: URL | null = null;
    try {
      url = new URL(requestUrl);
    } catch {
      // not a URL: 404 below
    }
    const id = url && url.protocol === `${APP_SCHEME}:` && url.host === PRINT_HOST ? ID_PATH.exec(url.pathname)?.[1] : undefined;
    const html = id ? this.docs.get(id) : undefined;
    const headers = { 'content-security-policy': PRINT_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (html === undefined) return new Response('Not found.', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
    return new Response(html, { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
  }
}

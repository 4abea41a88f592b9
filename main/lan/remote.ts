// The CLI's "app" on a desk connected to a sharing PC: `dispatch` goes over HTTPS to the host with
// this person's session; the commands stay as they are. Printing stays on this PC (the document comes
// from the host, the local Chromium prints it); import files are uploaded as streams. What only the
// host can do (serve, restore) says so.
import fs from 'node:fs';
import { ApiError, type Envelope, unwrap } from '../../shared/contract';
import type { RenderedForm } from '../../shared/forms/contract';
import type { App } from '../app';
import { UsageError } from '../cli/runtime-errors';
import { ChromiumPdf, NoChromiumError, pdfPageCount } from '../forms/pdf';
import type { HostLink } from './client';
import { type UPLOAD_PATHS, uploadTo } from './upload';

export type Remote = {
  link: HostLink;
  session: string;
  /** Uploads a file (streamed) for a preview; the preview's envelope. */
  upload(op: keyof typeof UPLOAD_PATHS, input: Record<string, unknown>, file: string): Promise<Envelope<unknown>>;
};

const remotes = new WeakMap<object, Remote>();

/** The host link behind an app opened as a desk, or null on the sharing PC / a single PC. */
export const remoteOf = (app: App): Remote | null => remotes.get(app) ?? null;

export function createRemoteApp(link: HostLink, session: string): App {
  let printer: ChromiumPdf | null = null;
  const remote: Remote = {
    link,
    session,
    upload: (op, input, file) => uploadTo(link, op, input, fs.createReadStream(file, { highWaterMark: 1 << 20 }), session),
  };
  const own = {
    dispatch: async (name: string, input: unknown) => link.call(name, input, session),
    accounts: { any: () => true },
    forms: {
      /** The host renders the document; this PC's Chromium prints it. */
      async pdf(form: RenderedForm): Promise<{ pdf: Buffer; pages: number }> {
        printer ??= new ChromiumPdf();
        try {
          const pdf = await printer.toPdf(form.html);
          return { pdf, pages: pdfPageCount(pdf) };
        } catch (err) {
          if (err instanceof NoChromiumError) throw new ApiError('conflict', err.message);
          throw err;
        }
      },
    },
    close: async () => {
      try {
        unwrap(await link.call('signOut', {}, session));
      } catch {
        // The host went away or the session ended already: nothing to end.
      }
      link.close();
      await printer?.close();
    },
  };
  const app = new Proxy(own, {
    get(target, prop, receiver) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then') return Reflect.get(target, prop, receiver);
      throw new UsageError(`This command works on the sharing PC only (${link.origin.host}): run it there.`);
    },
  }) as unknown as App;
  remotes.set(app, remote);
  return app;
}

// The Electron window of a paired desk: the main process sends every call of the window to the
// sharing PC over HTTPS, through the same pinned client as the CLI's --server (a host whose
// certificate is not the fingerprint saved at pairing is refused before a byte of the call is sent),
// with the session of the person signed in to that window: every screen and every operation work on
// the host's database, with the same contract. The host's changes come back on its event stream and
// are pushed to the window as its own writes are; whether the host answers is said within 2 s.
// Printing stays on this PC: the host renders the document, this PC's Chromium makes the PDF, saved in
// this PC's forms folder; the host records the form. Plain Node: main/electron/main.ts wires it to IPC.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { EVENTS_PATH, operations, SESSION_HEADER } from '../../shared/api';
import type { Envelope, Tag } from '../../shared/contract';
import type { FormRecord, RenderedForm } from '../../shared/forms/contract';
import type { HostState } from '../../shared/lan/window';
import type { CallContext, Dispatcher } from '../api/dispatch';
import { DB_FILE } from '../db/paths';
import { WriteOutError, writeOut } from '../files/write-out';
import { NoChromiumError, type PdfPrinter, pdfPageCount } from '../forms/pdf';
import { HostLink, HostRefused, unreachable } from './client';
import { connectionFile as defaultConnectionFile, loadConnection, type SavedConnection } from './connection';
import { type Uploader, uploadHostFile, uploadTo } from './upload';

/** Which database a window opens: a file here (--db, RECALL_DESK_DB, else not paired), or the host it is paired with. */
export type WindowBackend = { kind: 'local'; dbPath: string } | { kind: 'desk'; connection: SavedConnection };

export function windowBackend(o: { argv: readonly string[]; env: NodeJS.ProcessEnv; connectionFile?: string; dataDir: string }): WindowBackend {
  const flag = o.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  const named = flag || o.env.RECALL_DESK_DB;
  if (named) return { kind: 'local', dbPath: path.resolve(named) };
  const saved = loadConnection(o.connectionFile ?? defaultConnectionFile(o.env));
  if (saved) return { kind: 'desk', connection: saved };
  return { kind: 'local', dbPath: path.join(o.dataDir, DB_FILE) };
}

export type { HostState };

export type DeskOptions = {
  /** This PC's printer (Electron's own Chromium in the window). */
  pdf: PdfPrinter;
  /** Where saved PDFs go on this PC. */
  formsFolder: string;
  /** Shows a saved form in the file manager; null where there is none to open (the browser mode). */
  showInFolder: ((file: string) => void) | null;
  /** The host beats every 0.7 s on the event stream: this long without a byte, it is unreachable. */
  silenceMs?: number;
};

export type Desk = {
  readonly link: HostLink;
  dispatch: Dispatcher;
  subscribe(listener: (tags: readonly Tag[]) => void): () => void;
  status(): HostState;
  onStatus(listener: (s: HostState) => void): () => void;
  /** Whether the host's event stream is open now (a signed-in window has one). */
  streaming(): boolean;
  /** An import file the window streams (the loopback browser window's upload route): streamed on to the host's. */
  upload: Uploader;
  close(): Promise<void>;
};

const SILENCE_MS = 1800;
const RECONNECT_MS = [250, 500, 1000];

const fail = (code: 'internal' | 'conflict' | 'invalid-input', message: string): Envelope<never> => ({ ok: false, error: { code, message, details: [] } });

export function openDesk(connection: Pick<SavedConnection, 'server' | 'fingerprint'>, o: DeskOptions): Desk {
  const link = new HostLink(connection.server, connection.fingerprint);
  const host = link.origin.host;
  let state: HostState = { host, reachable: true };
  const statusListeners = new Set<(s: HostState) => void>();
  const setReachable = (reachable: boolean) => {
    if (state.reachable === reachable) return;
    state = { host, reachable };
    for (const l of statusListeners) l(state);
  };
  const changeListeners = new Set<(tags: readonly Tag[]) => void>();
  let closed = false;

  // The event stream follows the person signed in to the window (the host sends changes to signed-in desks only).
  let session: string | null = null;
  let stream: { stop(): void; open: boolean } | null = null;
  const follow = (s: string | null) => {
    if (s === session) return;
    session = s;
    stream?.stop();
    stream = s && !closed ? openStream(s) : null;
  };

  const openStream = (s: string) => {
    const me = { open: false, stop: () => {} };
    let stopped = false;
    let attempt = 0;
    let current: { end(down: boolean, again?: boolean): void } | null = null;
    let retry: NodeJS.Timeout | undefined;
    const connect = () => {
      if (stopped) return;
      let ended = false;
      let silence: NodeJS.Timeout | undefined;
      // Each attempt ends once: the host silent, the stream closed or broken, or stopped.
      const end = (down: boolean, again = true) => {
        if (ended) return;
        ended = true;
        me.open = false;
        clearTimeout(silence);
        req.destroy();
        if (stopped) return;
        if (down) setReachable(false);
        if (again) retry = setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]);
      };
      const heard = () => {
        clearTimeout(silence);
        silence = setTimeout(() => end(true), o.silenceMs ?? SILENCE_MS);
      };
      const req = https.get(new URL(EVENTS_PATH, link.origin), { agent: link.agent, headers: { [SESSION_HEADER]: s } }, (res) => {
        setReachable(true);
        if (res.statusCode !== 200) {
          // The session ended (signed out, disabled, expired): no stream until the window signs in again.
          res.resume();
          return end(false, false);
        }
        attempt = 0;
        me.open = true;
        heard();
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          heard();
          buffered += chunk;
          let cut = buffered.indexOf('\n\n');
          while (cut >= 0) {
            const event = buffered.slice(0, cut);
            buffered = buffered.slice(cut + 2);
            for (const line of event.split('\n')) {
              if (!line.startsWith('data: ')) continue;
              try {
                const tags = (JSON.parse(line.slice(6)) as { tags?: unknown }).tags;
                if (Array.isArray(tags)) {
                  const clean = tags.filter((t): t is Tag => typeof t === 'string');
                  for (const l of changeListeners) l(clean);
                }
              } catch {
                // A broken line is skipped; the next change brings the data anyway.
              }
            }
            cut = buffered.indexOf('\n\n');
          }
        });
        res.on('end', () => end(true));
        res.on('error', () => end(true));
      });
      // A refused certificate is not a host that went away: the calls say it; no retry here.
      req.on('error', (err) => end(!(err instanceof HostRefused), !(err instanceof HostRefused)));
      current = { end };
      heard();
    };
    me.stop = () => {
      stopped = true;
      clearTimeout(retry);
      current?.end(false, false);
      me.open = false;
    };
    connect();
    return me;
  };

  /** An operation on the host, as the person of `ctx.session`; a host that cannot be reached is an answer, not a throw. */
  const remote = async (name: string, input: unknown, s: string | null): Promise<Envelope<unknown>> => {
    try {
      const answer = await link.call(name, input, s);
      setReachable(true);
      return answer;
    } catch (err) {
      const said = unreachable(err, host);
      if (!(err instanceof HostRefused)) setReachable(false);
      return fail('internal', said.message.startsWith('Cannot reach') ? `${said.message} Nothing was changed by this request.` : said.message);
    }
  };

  /** Printing on this PC: the document from the host, the PDF from this PC's Chromium, the form recorded on the host. */
  const saveFormPdf = async (input: unknown, s: string | null): Promise<Envelope<unknown>> => {
    const rendered = await remote('renderForm', input, s);
    if (!rendered.ok) return rendered;
    const form = rendered.data as RenderedForm;
    let pdf: Buffer;
    try {
      pdf = await o.pdf.toPdf(form.html);
    } catch (err) {
      if (err instanceof NoChromiumError) return fail('conflict', err.message);
      throw err;
    }
    const file = path.join(o.formsFolder, path.basename(form.fileName));
    try {
      fs.mkdirSync(o.formsFolder, { recursive: true, mode: 0o700 });
      writeOut(file, pdf);
    } catch (err) {
      if (err instanceof WriteOutError) return fail('conflict', err.message);
      throw err;
    }
    let record: FormRecord | null = null;
    if (form.kind === 'disclosure' || form.kind === 'owner-letter' || form.kind === 'faq') {
      const staff = (input as { kind?: string; staff?: unknown }).kind === 'disclosure' ? (input as { staff: string }).staff : null;
      const recorded = await remote('recordForm', { kind: form.kind, campaign: form.campaign, vin: form.vin, staff }, s);
      if (!recorded.ok) return recorded;
      record = recorded.data as FormRecord;
    }
    return { ok: true, data: { path: file, fileName: form.fileName, pdfBase64: pdf.toString('base64'), pages: pdfPageCount(pdf), record } };
  };

  /** Only this PC's saved forms are shown in the file manager. */
  const showInFolder = (input: unknown): Envelope<unknown> => {
    const parsed = operations.showInFolder.input.safeParse(input);
    if (!parsed.success) return fail('invalid-input', 'Name the saved form to show.');
    const resolved = path.resolve(parsed.data.path);
    if (!o.showInFolder || !resolved.startsWith(path.resolve(o.formsFolder) + path.sep) || !fs.existsSync(resolved))
      return { ok: true, data: { shown: false } };
    o.showInFolder(resolved);
    return { ok: true, data: { shown: true } };
  };

  /** A file's bytes to the host's upload route, as the person of the window; the host unreachable is an answer. */
  const sent = async (send: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> => {
    try {
      const answer = await send();
      setReachable(true);
      return answer;
    } catch (err) {
      if (!(err instanceof HostRefused)) setReachable(false);
      return fail('internal', (err as Error).message);
    }
  };
  const upload: Uploader = (op, inputs, body, s) => sent(() => uploadTo(link, op, inputs, body, s));

  const dispatch: Dispatcher = async (name: string, input: unknown, ctx: CallContext = {}) => {
    const s = ctx.session ?? null;
    if (name === 'showInFolder') return showInFolder(input);
    // A file picked in this PC's window is read here and uploaded, streamed, to the host (never its path).
    if (name === 'previewVinListFile' || name === 'previewVehiclesFile') return sent(() => uploadHostFile(link, name, input, s));
    const answer = name === 'saveFormPdf' ? await saveFormPdf(input, s) : await remote(name, input, s);
    // The person of the window: signed in, signed out, or their session ended on the host.
    if (name === 'signIn' && answer.ok) follow((answer.data as { session: string }).session);
    else if (name === 'signOut') follow(null);
    else if (!answer.ok && answer.error.code === 'unauthenticated') {
      if (s === session) follow(null);
    } else if (s) follow(s);
    return answer;
  };

  return {
    link,
    dispatch,
    subscribe(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    status: () => state,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    streaming: () => stream?.open ?? false,
    upload,
    async close() {
      closed = true;
      stream?.stop();
      stream = null;
      link.close();
      await o.pdf.close();
    },
  };
}

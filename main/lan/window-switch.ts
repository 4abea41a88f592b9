// Which database this PC's window works on, switched while it runs: this PC's own (the local app), or
// a sharing PC's (a desk: main/lan/desk.ts). Settings' "Connect to a desk that shares its database"
// pairs exactly as `recall-desk connect` does (main/lan/pair.ts), saves the connection, and from then
// on every call of the window goes to the host; "Stop using HOST" forgets the pairing and returns to
// the local database. Plain Node: the browser mode's loopback server and Electron's IPC both serve
// `dispatch` and `subscribe` from here, and nothing else reaches it (never the LAN), so a call that
// arrives here comes from this PC's own window.
import fs from 'node:fs';
import { TAGS, type Tag } from '../../shared/contract';
import type { DeskConnection } from '../../shared/lan/contract';
import { alreadyOnDesk, CONNECT_WHILE_SHARING, CONNECTING_ALREADY, NOT_ON_DESK } from '../../shared/lan/wording';
import type { HostState } from '../../shared/lan/window';
import { ApiError } from '../../shared/contract';
import type { Dispatcher } from '../api/dispatch';
import { HostRefused } from './client';
import { type SavedConnection, saveConnection } from './connection';
import type { Desk } from './desk';
import type { Uploader } from './upload';
import { PairingRefused, pairWithHost } from './pair';
import { currentSharing } from './state';

/** This PC's own database as the window uses it; `upload`: the import files the browser window streams to it. */
export type LocalBackend = { dispatch: Dispatcher; subscribe(listener: (tags: readonly Tag[]) => void): () => void; upload?: Uploader };

export type WindowSwitchOptions = {
  /** This PC's database, opened on first need (an Electron window started on a desk opens none until "stop using"). */
  openLocal: () => Promise<LocalBackend>;
  /** A desk on a connection (this PC's Chromium prints). */
  openDesk: (connection: SavedConnection) => Desk;
  /** Where the pairing is kept (connection.json in the data folder), as `recall-desk connect` keeps it. */
  connectionFile: string;
  /** The desk the window starts on (a saved pairing), or null: this PC's database. */
  start: SavedConnection | null;
};

/** The operations about the window's own database: answered here, on this PC, never sent to a host. */
const WINDOW_OPS = new Set(['deskConnection', 'connectToDesk', 'stopUsingDesk']);

export class WindowSwitch {
  private local: LocalBackend | null = null;
  private desk: { desk: Desk; connection: SavedConnection } | null = null;
  private connecting = false;
  private readonly listeners = new Set<(tags: readonly Tag[]) => void>();
  private readonly hostListeners = new Set<(s: HostState | null) => void>();
  private unbind: () => void = () => {};

  constructor(private readonly o: WindowSwitchOptions) {}

  /** Opens what the window starts on. */
  async start(): Promise<this> {
    if (this.o.start) this.switchToDesk(this.o.start);
    else {
      this.local = await this.o.openLocal();
      this.bind();
    }
    return this;
  }

  /** Which database the window works on now. */
  describe(): DeskConnection {
    if (!this.desk) return { server: null, host: null, fingerprint: null, reachable: true, canConnect: true };
    const s = this.desk.desk.status();
    return { server: this.desk.connection.server, host: s.host, fingerprint: this.desk.connection.fingerprint, reachable: s.reachable, canConnect: true };
  }

  /** The top bar's state: null on this PC's database. */
  hostState(): HostState | null {
    return this.desk ? this.desk.desk.status() : null;
  }

  onHostState(listener: (s: HostState | null) => void): () => void {
    this.hostListeners.add(listener);
    return () => this.hostListeners.delete(listener);
  }

  /** Every call of the window: to the host on a desk, else to this PC's dispatcher (which checks who calls). */
  readonly dispatch: Dispatcher = async (name, input, ctx = {}) => {
    if (WINDOW_OPS.has(name)) {
      if (name === 'deskConnection') return { ok: true, data: this.describe() };
      if (this.desk) {
        if (name === 'stopUsingDesk') return this.answer(() => this.stopUsing(ctx.session ?? null));
        return { ok: false, error: { code: 'conflict', message: alreadyOnDesk(this.desk.desk.status().host), details: [] } };
      }
      if (name === 'stopUsingDesk') return { ok: false, error: { code: 'conflict', message: NOT_ON_DESK, details: [] } };
      // connectToDesk: this PC's gate decides (an admin here, anyone on a PC without accounts); this
      // is the window's own call (the loopback bridge or IPC), so not "over HTTP" from another desk.
      const local = await this.ensureLocal();
      return local.dispatch(name, input, { session: ctx.session ?? null });
    }
    if (this.desk) return this.desk.desk.dispatch(name, input, ctx);
    return (await this.ensureLocal()).dispatch(name, input, ctx);
  };

  /** An import file the browser window streams: to the host on a desk (streamed on), else into this PC's database. */
  readonly upload: Uploader = async (op, inputs, body, session) => {
    if (this.desk) return this.desk.desk.upload(op, inputs, body, session);
    const local = await this.ensureLocal();
    if (!local.upload) return { ok: false, error: { code: 'not-found', message: 'This window cannot send files for import.', details: [] } };
    return local.upload(op, inputs, body, session);
  };

  /** "Changed: tags" from whichever database the window works on; every tag when it switches. */
  subscribe(listener: (tags: readonly Tag[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Pairs as `recall-desk connect` does and switches the window to the host. Called by the
   * connectToDesk handler once this PC's gate let the call through.
   */
  async connect(input: { address: string; pairingCode: string; fingerprint: string }): Promise<DeskConnection> {
    if (this.desk) throw new ApiError('conflict', alreadyOnDesk(this.desk.desk.status().host));
    if (currentSharing()) throw new ApiError('conflict', CONNECT_WHILE_SHARING);
    if (this.connecting) throw new ApiError('conflict', CONNECTING_ALREADY);
    this.connecting = true;
    try {
      const paired = await pairWithHost(input.address, input.pairingCode, { expected: input.fingerprint || null });
      const connection: SavedConnection = { server: paired.server, fingerprint: paired.fingerprint, user: null, pairedAt: new Date().toISOString() };
      saveConnection(connection, this.o.connectionFile);
      this.switchToDesk(connection);
      this.emit(TAGS);
      return this.describe();
    } catch (err) {
      if (err instanceof PairingRefused || err instanceof HostRefused) throw new ApiError('conflict', err.message);
      throw err;
    } finally {
      this.connecting = false;
    }
  }

  /** Forgets the pairing and returns the window to this PC's database (the person's session there ended first). */
  async stopUsing(session: string | null = null): Promise<DeskConnection> {
    const was = this.desk;
    if (!was) return this.describe();
    this.desk = null;
    // Signed out on the host, if it answers soon; a host that is down ends the session itself later.
    if (session) await Promise.race([was.desk.dispatch('signOut', {}, { session }), new Promise((r) => setTimeout(r, 1500))]);
    fs.rmSync(this.o.connectionFile, { force: true });
    await was.desk.close();
    await this.ensureLocal();
    this.bind();
    this.emit(TAGS);
    return this.describe();
  }

  async close(): Promise<void> {
    this.unbind();
    await this.desk?.desk.close();
    this.desk = null;
  }

  private async answer(run: () => Promise<DeskConnection>) {
    try {
      return { ok: true as const, data: await run() };
    } catch (err) {
      return { ok: false as const, error: { code: 'internal' as const, message: (err as Error).message, details: [] } };
    }
  }

  private async ensureLocal(): Promise<LocalBackend> {
    this.local ??= await this.o.openLocal();
    if (!this.desk) this.bind();
    return this.local;
  }

  private switchToDesk(connection: SavedConnection): void {
    this.desk = { desk: this.o.openDesk(connection), connection };
    this.bind();
  }

  private bound: object | null = null;

  /** Follows the changes (and, on a desk, whether the host answers) of the backend in use. */
  private bind(): void {
    const target = this.desk?.desk ?? this.local;
    if (target === this.bound) return;
    this.unbind();
    this.bound = target;
    if (this.desk) {
      const d = this.desk.desk;
      const unChanges = d.subscribe((tags) => this.emit(tags));
      const unStatus = d.onStatus((s) => {
        // The top bar of a browser window reads deskConnection again; the host back, every screen is
        // fetched again (what changed meanwhile was not pushed). Down, what is on screen stays.
        this.emit(s.reachable ? TAGS : ['connection']);
        for (const l of this.hostListeners) l(s);
      });
      for (const l of this.hostListeners) l(d.status());
      this.unbind = () => {
        unChanges();
        unStatus();
      };
    } else if (this.local) {
      this.unbind = this.local.subscribe((tags) => this.emit(tags));
      for (const l of this.hostListeners) l(null);
    } else this.unbind = () => {};
  }

  private emit(tags: readonly Tag[]): void {
    for (const l of this.listeners) l(tags);
  }
}

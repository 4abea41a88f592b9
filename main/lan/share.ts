// `serve --lan`: this PC shares its database with the other desks of the dealership. The same bridge
// as the browser mode, over HTTPS on the LAN addresses, with the certificate made on first use, the
// pairing code, and the uploads of import files (streamed: a list of millions of rows never sits in
// memory as one string, on either side).
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { App } from '../app';
import { type RunningServer, type RouteContext, startServer, type ServerOptions } from '../server/http';
import { ensureCertificate } from './cert';
import { SignInLimiter } from './limits';
import { PairingCodes } from './pairing';
import { ApiError } from '../../shared/contract';
import { CONNECT_WINDOW_ONLY, NO_ADMIN_TO_SHARE } from '../../shared/lan/wording';
import { markShared } from '../db/backup';
import { type ShareStarter, setCurrentSharing } from './state';
import { localUploader } from './upload';

export type Sharing = {
  server: RunningServer;
  addresses: string[];
  fingerprint: string;
  pairing: PairingCodes;
  close(): Promise<void>;
};

/** The addresses other desks reach this PC at: every IPv4 address of its network cards. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

export const LISTEN_ENV = 'RECALL_DESK_LISTEN';

/** Every desk signs in as its own person: sharing needs an active admin first. */
export const hasAdmin = (app: App): boolean => app.accounts.list().some((a) => a.active && a.roles.includes('admin'));

/**
 * Sharing started from Settings by the process that shows the window: as serve --lan, restoring a copy
 * is refused while it runs.
 */
export const shareStarter =
  (app: App, staticDir: string): ShareStarter =>
  async (port) => {
    if (!hasAdmin(app)) throw new ApiError('conflict', NO_ADMIN_TO_SHARE);
    const sharing = await startSharing(app, { port, staticDir });
    const unmark = markShared(app.db.path);
    const close = sharing.close;
    sharing.close = async () => {
      unmark();
      await close();
    };
    return sharing;
  };

/**
 * Starts sharing `app`'s database. Listens on every address, or on the one RECALL_DESK_LISTEN names
 * (a PC with several networks that should share on one only; the tests use loopback).
 */
export async function startSharing(app: App, o: { port: number; staticDir: string; listen?: string; limits?: ServerOptions['limits'] }): Promise<Sharing> {
  const listen = o.listen ?? (process.env[LISTEN_ENV] || '0.0.0.0');
  const addresses = listen === '0.0.0.0' ? lanAddresses() : [listen];
  if (addresses.length === 0) addresses.push('127.0.0.1');
  const cert = ensureCertificate(path.dirname(app.db.path), ['localhost', '127.0.0.1', os.hostname(), ...addresses]);
  const pairing = new PairingCodes(cert.fingerprint);
  const pairLimit = new SignInLimiter(Date.now, 10);

  const pair = (req: http.IncomingMessage, _res: http.ServerResponse, ctx: RouteContext) => {
    readSmallJson(
      req,
      (body) => {
        const wait = pairLimit.blocked(ctx.address);
        if (wait) return ctx.fail(429, 'unauthenticated', wait.replace('sign-ins', 'pairing codes'));
        const proof = typeof (body as { proof?: unknown })?.proof === 'string' ? (body as { proof: string }).proof : '';
        const answer = pairing.redeem(proof);
        if (!answer) {
          pairLimit.failed(ctx.address);
          return ctx.fail(403, 'unauthenticated', 'Wrong or expired pairing code: read the code the sharing PC shows now (a code works once, for 10 minutes).');
        }
        ctx.send(200, JSON.stringify({ ok: true, data: { proof: answer } }));
      },
      ctx,
    );
  };

  const server = await startServer({
    dispatch: overLan(app),
    subscribe: (l) => app.changes.subscribe(l),
    staticDir: o.staticDir,
    port: o.port,
    limits: o.limits,
    // The desks' import files, streamed into this database.
    upload: localUploader(app),
    lan: {
      key: cert.key,
      cert: cert.cert,
      listenHost: listen,
      hostNames: () => [...addresses, os.hostname().toLowerCase()],
      sessionAlive: (s) => app.accounts.sessions.resolve(s) !== null,
      routes: {
        '/lan/pair': pair,
      },
    },
  });
  const sharing: Sharing = {
    server,
    addresses,
    fingerprint: cert.fingerprint,
    pairing,
    close: async () => {
      setCurrentSharing(null);
      await server.close();
    },
  };
  setCurrentSharing(sharing);
  return sharing;
}

/**
 * What the other desks may call: everything but switching the database this PC's own window works on
 * (that is for someone at this PC, in its window).
 */
const overLan =
  (app: App): ServerOptions['dispatch'] =>
  (name, input, ctx) => {
    if (name === 'connectToDesk' || name === 'stopUsingDesk') return Promise.resolve(refused('forbidden', CONNECT_WINDOW_ONLY));
    if (name === 'deskConnection')
      return Promise.resolve({ ok: true, data: { server: null, host: null, fingerprint: null, reachable: true, canConnect: false } });
    return app.dispatch(name, input, ctx);
  };

const refused = (code: 'forbidden', message: string) => ({ ok: false as const, error: { code, message, details: [] } });

/** A body of at most 4 KB, as JSON (null when it is not). */
function readSmallJson(req: http.IncomingMessage, then: (body: unknown) => void, ctx: RouteContext): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= 4096) chunks.push(c);
  });
  req.on('end', () => {
    if (size > 4096) return ctx.fail(413, 'invalid-input', 'The request is too large.');
    try {
      then(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      then(null);
    }
  });
}

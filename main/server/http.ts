// The browser mode's bridge: the same dispatcher as the IPC handlers, over HTTP on loopback only.
// Every API call needs the per-launch token; Host and Origin are checked so that no other web page
// (DNS rebinding, cross-site requests) can reach the API through the user's browser.
// Shared on the LAN (`serve --lan`), the same bridge runs over HTTPS on every address: no token
// there (nothing secret in a URL), every call is a signed-in person's session instead.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { effects, EVENTS_PATH, SESSION_HEADER, TOKEN_HEADER } from '../../shared/api';
import type { Envelope, Tag } from '../../shared/contract';
import type { Dispatcher } from '../api/dispatch';
import { IDEMPOTENCY_HEADER, IdempotentWrites, isValidKey } from '../lan/idempotency';
import { SignInLimiter } from '../lan/limits';
import { mimeType, resolveStatic, SECURITY_HEADERS } from '../security/static-files';
import { UPLOAD_INPUT_HEADER, type Uploader, uploadOpOf } from '../lan/upload';
import { BodyPaceWatch } from './body-pace';

export type ServerOptions = {
  dispatch: Dispatcher;
  /** Where "changed: tags" comes from; each open tab hears it on the event stream. */
  subscribe?: (listener: (tags: readonly Tag[]) => void) => () => void;
  staticDir: string;
  port?: number;
  token?: string;
  /** Bounds on slow and idle clients; the defaults suit a counter's browser on this machine. */
  limits?: Partial<Limits>;
  /** Shared on the LAN: HTTPS with this certificate, on `listenHost`, sessions instead of the token. */
  lan?: LanOptions;
  /** Answers of writes by Idempotency-Key (one per server unless given). */
  idempotency?: IdempotentWrites;
  /**
   * Import files sent as the body of a request to the upload routes (UPLOAD_PATHS), read as they
   * arrive: with the token on loopback, with a session on the LAN. None: the routes answer 404.
   */
  upload?: Uploader;
};

export type LanOptions = {
  key: string;
  cert: string;
  /** Where to listen: '0.0.0.0' (every address) by default; tests use loopback. */
  listenHost?: string;
  /** The names this server answers to besides loopback: its LAN addresses. */
  hostNames: () => readonly string[];
  /** Whether a session is alive: the event stream is for signed-in people only. */
  sessionAlive: (session: string | null) => boolean;
  /** More routes (pairing, uploads), by exact path; each answers itself. */
  routes?: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, ctx: RouteContext) => void>;
};

export type RouteContext = {
  address: string;
  session: string | null;
  send: (status: number, body: string) => void;
  fail: (status: number, code: string, message: string) => void;
};

type Limits = {
  /** A client must have sent its headers within this time (slowloris). */
  headersTimeoutMs: number;
  /** And a JSON call's whole request, body included (files go to the upload routes). */
  requestTimeoutMs: number;
  /** A file sent to an upload route is cut after this long without a byte (not by its length in time). */
  uploadIdleMs: number;
  /** The outer bound of any request, an upload's included. */
  uploadTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; a browser uses about six per host. */
  maxConnections: number;
  /** How often the timeouts above are checked. */
  checkIntervalMs: number;
  /** Open connections from one address: one slow or hostile PC cannot take every slot. */
  perAddress: number;
  /** A TLS handshake must be done within this time (node's default is two minutes). */
  handshakeTimeoutMs: number;
};

/** A comment line now and then keeps an idle event stream open through proxies and sleeping NICs. */
const HEARTBEAT_MS = 20_000;
const LAN_HEARTBEAT_MS = 700;

const LIMITS: Limits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  uploadIdleMs: 60_000,
  uploadTimeoutMs: 60 * 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
  checkIntervalMs: 1_000,
  perAddress: 64,
  handshakeTimeoutMs: 10_000,
};

/** On the LAN: ten desks with a browser's six connections each, and room for a few more. */
export const LAN_LIMITS: Partial<Limits> = { maxConnections: 1024, perAddress: 32, headersTimeoutMs: 5_000, handshakeTimeoutMs: 5_000 };

export type RunningServer = { url: string; host: string; port: number; token: string; close(): Promise<void> };

const envelopeOf = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message, details: [] } });

// A JSON call carries no file of any size: import files go to the upload routes as a stream (the window,
// the CLI and the desks send them there), NHTSA's file in 4 MB pieces. A body this large is refused
// before it is held: a 90 MB list as one JSON string once took several times its size on the server.
export const MAX_BODY = 32 * 1024 * 1024;
const BODY_REFUSED = 'The request is over 32 MB: a file is sent to the upload route as a stream (update Recall Desk, or use the import screen or the CLI).';

/** decodeURIComponent that answers null instead of throwing on a malformed escape. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;

  const lan = opts.lan ?? null;
  const loopbackHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const allowedHosts = () => new Set([...loopbackHosts(), ...(lan ? lan.hostNames().map((h) => (h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`)) : [])]);
  const scheme = lan ? 'https://' : 'http://';
  const idempotency = opts.idempotency ?? new IdempotentWrites();
  const signIns = new SignInLimiter();

  const limits = { ...LIMITS, ...(lan ? LAN_LIMITS : {}), ...opts.limits };
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    // Node's check bounds every request; a JSON call's shorter time and an upload's idle time are BodyPaceWatch's.
    requestTimeout: limits.uploadTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    // 16 KB of headers (Node's default) is far more than a browser sends; larger gets 431.
    maxHeaderSize: 16 * 1024,
  };
  const bodies = new BodyPaceWatch(limits);
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    bodies.watch(req, uploadOpOf((req.url ?? '').split('?')[0]!) !== null);
    // Whatever arrives (a malformed URL, a bad encoding, a NUL byte), the answer is a status code and
    // the server stays up: any web page the user opens can send requests to loopback.
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) {
        res.writeHead(400, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'Bad request.', details: [] } }));
      } else res.destroy();
    }
  };
  const server = lan
    ? https.createServer({ ...serverOptions, key: lan.key, cert: lan.cert, handshakeTimeout: limits.handshakeTimeoutMs, minVersion: 'TLSv1.2' }, onRequest)
    : http.createServer(serverOptions, onRequest);
  // Beyond this many open connections, new ones are closed at once: a flood cannot exhaust the
  // process, and the timeouts above free the slots of clients that send nothing.
  server.maxConnections = limits.maxConnections;
  // And one address gets a share of them only (counted before any TLS handshake).
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const who = socket.remoteAddress ?? '';
    const n = (perAddress.get(who) ?? 0) + 1;
    if (n > limits.perAddress) {
      socket.destroy();
      return;
    }
    perAddress.set(who, n);
    socket.once('close', () => {
      const left = (perAddress.get(who) ?? 1) - 1;
      if (left <= 0) perAddress.delete(who);
      else perAddress.set(who, left);
    });
  });
  // A TLS client that never finishes its hello, or speaks plain HTTP to the HTTPS port: closed.
  server.on('tlsClientError', (_err: Error, socket: Socket) => socket.destroy());

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const send = (status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) => {
      // Answered before the body was read (refused, too large): close instead of reading the rest.
      const unread = !req.complete && !res.req.readableEnded;
      // A length, not chunks: the head and the body leave in one write (one TLS record on the LAN).
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      res.writeHead(status, {
        ...SECURITY_HEADERS,
        'content-type': type,
        'content-length': String(length),
        'cache-control': 'no-store',
        ...(unread ? { connection: 'close' } : {}),
        ...extra,
      });
      res.end(body);
      if (unread) res.once('finish', () => req.destroy());
    };
    const fail = (status: number, code: string, message: string) => send(status, JSON.stringify({ ok: false, error: { code, message, details: [] } }));

    if (!allowedHosts().has(req.headers.host ?? '')) return fail(421, 'invalid-input', 'Wrong Host header: open the address Recall Desk printed.');
    // Only origin-form targets ("/path"): an absolute or scheme-relative target is not for this server.
    const target = req.url ?? '/';
    if (!target.startsWith('/') || target.startsWith('//')) return fail(400, 'invalid-input', 'Bad request target.');
    const url = new URL(target, `${scheme}${req.headers.host}`);
    const pathname = safeDecode(url.pathname);
    if (pathname === null || pathname.includes('\0')) return fail(400, 'invalid-input', 'The address is not valid (bad %-encoding).');

    const origin = req.headers.origin;
    const crossOrigin = () => origin !== undefined && !(origin.startsWith(scheme) && allowedHosts().has(origin.slice(scheme.length)));
    const sessionHeader = req.headers[SESSION_HEADER];
    const session = typeof sessionHeader === 'string' && sessionHeader ? sessionHeader : null;
    const address = req.socket.remoteAddress ?? '';
    const tokenOk = () => {
      // On the LAN a person's session is the key, checked by the dispatcher for every operation.
      if (lan) return true;
      const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
      return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
    };
    const TOKEN_REFUSED = 'Missing or wrong access token: open the address (with its #token) that Recall Desk printed at start.';

    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return fail(405, 'invalid-input', 'The event stream is a GET request.');
      if (crossOrigin()) return fail(403, 'invalid-input', 'Cross-origin requests are refused.');
      if (!tokenOk()) return fail(401, 'invalid-input', TOKEN_REFUSED);
      if (lan && !lan.sessionAlive(session)) return fail(401, 'unauthenticated', 'Sign in first: changes are sent to signed-in desks only.');
      if (!opts.subscribe) return fail(404, 'not-found', 'Not found.');
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      const unsubscribe = opts.subscribe((tags) => res.write(`data: ${JSON.stringify({ tags })}\n\n`));
      // On the LAN a desk must notice within 2 s that the host is gone: a beat a second.
      const beat = setInterval(() => res.write(': still here\n\n'), lan ? LAN_HEARTBEAT_MS : HEARTBEAT_MS);
      const stop = () => {
        clearInterval(beat);
        unsubscribe();
      };
      req.socket.once('close', stop);
      res.once('close', stop);
      return;
    }

    const uploadOp = uploadOpOf(url.pathname);
    if (uploadOp) {
      if (!opts.upload) return fail(404, 'not-found', 'Not found.');
      if (req.method !== 'POST') return fail(405, 'invalid-input', 'This is a POST request.');
      if (crossOrigin()) return fail(403, 'invalid-input', 'Cross-origin requests are refused.');
      if (!tokenOk()) return fail(401, 'invalid-input', TOKEN_REFUSED);
      let inputs: unknown;
      try {
        inputs = JSON.parse(Buffer.from(String(req.headers[UPLOAD_INPUT_HEADER] ?? ''), 'base64url').toString('utf8'));
      } catch {
        return fail(400, 'invalid-input', `The upload needs its inputs in the ${UPLOAD_INPUT_HEADER} header (base64url JSON).`);
      }
      // The body is the file, read as it arrives (never held whole); the answer is the preview's
      // envelope. Refused before the body was read (signed out, bad inputs): the connection closes.
      const answer = (status: number, body: string) => {
        if (res.writableEnded || res.destroyed) return;
        if (req.readableEnded || req.destroyed) return send(status, body);
        // Answered before the whole file was read (signed out, bad inputs, a bad line): the rest is
        // read and dropped first. A browser still sending sees only a connection closed under its
        // upload otherwise, never the answer; the upload's idle time bounds how long that takes.
        req.once('end', () => send(status, body));
        req.resume();
      };
      opts.upload(uploadOp, inputs, req, session).then(
        (envelope) => answer(200, JSON.stringify(envelope)),
        () => answer(500, JSON.stringify({ ok: false, error: { code: 'internal', message: 'The upload could not be read.', details: [] } })),
      );
      return;
    }

    const route = lan?.routes?.[url.pathname];
    if (route) {
      if (req.method !== 'POST') return fail(405, 'invalid-input', 'This is a POST request.');
      if (crossOrigin()) return fail(403, 'invalid-input', 'Cross-origin requests are refused.');
      return route(req, res, { address, session, send: (status, body) => send(status, body), fail });
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(405, 'invalid-input', 'API calls are POST requests.');
      if (crossOrigin()) return fail(403, 'invalid-input', 'Cross-origin requests are refused.');
      if (!tokenOk()) return fail(401, 'invalid-input', TOKEN_REFUSED);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(415, 'invalid-input', 'API calls send JSON (content-type: application/json).');
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return fail(413, 'invalid-input', BODY_REFUSED);
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
        else if (!res.headersSent) {
          // No content-length (chunked): refused once over; the answer closes the connection.
          chunks.length = 0;
          fail(413, 'invalid-input', BODY_REFUSED);
        }
      });
      req.on('end', async () => {
        if (res.writableEnded) return;
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return fail(400, 'invalid-input', 'The request body is not valid JSON.');
        }
        const name = pathname.slice('/api/'.length);
        const envelope = await call(name, input, chunks, session, address, req.headers[IDEMPOTENCY_HEADER]);
        if (!res.writableEnded) send(200, JSON.stringify(envelope));
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'invalid-input', 'Only GET here.');
    const found = resolveStatic(staticRoot, url.pathname);
    if (!found.ok) return fail(found.status, found.status === 404 ? 'not-found' : 'invalid-input', found.reason);
    fs.readFile(found.file, (err, data) => {
      if (!err) return send(200, data, found.type);
      // Client-side routes fall back to the app shell.
      if (!found.fallback) return fail(404, 'not-found', 'Not found.');
      const shell = found.fallback;
      fs.readFile(shell, (e2, html) => (e2 ? fail(500, 'internal', 'The renderer is not built: run npm run build.') : send(200, html, mimeType(shell))));
    });
  };

  /**
   * One API call: sign-ins counted per address (a guessing PC is slowed whichever names it tries), a
   * write with an Idempotency-Key run once whatever the retries.
   */
  const call = async (
    name: string,
    input: unknown,
    body: Buffer[],
    session: string | null,
    address: string,
    key: string | string[] | undefined,
  ): Promise<Envelope<unknown>> => {
    const ctx = { session, overHttp: true } as const;
    if (name === 'signIn') {
      const wait = signIns.blocked(address);
      if (wait) return JSON.parse(envelopeOf('unauthenticated', wait)) as Envelope<unknown>;
      const answer = await opts.dispatch(name, input, ctx);
      if (!answer.ok && answer.error.code === 'unauthenticated') signIns.failed(address);
      return answer;
    }
    const isWrite = Object.hasOwn(effects, name) && effects[name as keyof typeof effects].kind === 'write';
    if (key === undefined || !isWrite) return opts.dispatch(name, input, ctx);
    if (typeof key !== 'string' || !isValidKey(key)) {
      return JSON.parse(envelopeOf('invalid-input', 'The Idempotency-Key header is 8 to 128 visible characters (a UUID).')) as Envelope<unknown>;
    }
    return idempotency.run(session ?? `address:${address}`, key, name, Buffer.concat(body).toString('utf8'), () => opts.dispatch(name, input, ctx));
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the browser mode is for this machine's user, never the network. Shared, every
    // address (or the one the caller names).
    const listenHost = lan ? (lan.listenHost ?? '0.0.0.0') : '127.0.0.1';
    server.listen(opts.port ?? 0, listenHost, () => {
      const address = server.address() as AddressInfo;
      port = address.port;
      resolve({
        url: lan ? `https://127.0.0.1:${port}/` : `http://127.0.0.1:${port}/#token=${token}`,
        host: address.address,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            bodies.stop();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

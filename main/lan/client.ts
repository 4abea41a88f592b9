// A desk working on the sharing PC's database: every call goes over HTTPS to the host, whose
// certificate must have the fingerprint this desk pinned when it paired (a host with another
// certificate is refused, with that reason, before a byte of the request is sent). Writes carry an
// Idempotency-Key and are sent again with the same key when the connection drops, so a retry is
// answered from the first result and never applied twice.
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { effects, type Envelope, httpPath, SESSION_HEADER } from '../../shared/api';
import { fingerprintOf, normalizeFingerprint } from './cert';
import { IDEMPOTENCY_HEADER } from './idempotency';

export class HostRefused extends Error {}

/** https://HOST:PORT → its origin; anything else is refused with what a valid one looks like. */
export function parseHostUrl(s: string): URL {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new HostRefused(`${s} is not an address: give it as the sharing PC shows it, e.g. https://192.168.1.20:8443`);
  }
  if (u.protocol !== 'https:') throw new HostRefused(`${s}: a desk connects over HTTPS only (https://HOST:PORT, as the sharing PC shows it).`);
  if (u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) {
    throw new HostRefused(`${s}: give only https://HOST:PORT, as the sharing PC shows it.`);
  }
  return new URL(u.origin);
}

export const mismatch = (host: string, seen: string, pinned: string) =>
  `Refused: the certificate of ${host} does not match the pinned fingerprint (it has ${seen}, this desk expects ${pinned}). ` +
  'Another computer may be answering at that address. If the sharing PC was set up again, pair again (Settings: stop using it, then connect; or recall-desk connect).';

/**
 * An agent whose every connection is checked against `pinned` once the TLS handshake is done and
 * before the request goes out; `pinned` null accepts any certificate and reports it (pairing only).
 */
export class PinnedAgent extends https.Agent {
  /** The fingerprint of the last certificate seen (pairing shows and pins it). */
  seen: string | null = null;

  constructor(
    private readonly pinned: string | null,
    options: https.AgentOptions = {},
  ) {
    super({ keepAlive: true, maxSockets: 8, ...options, rejectUnauthorized: false });
  }

  override createConnection(options: tls.ConnectionOptions, callback: (err: Error | null, socket?: Duplex) => void): Duplex | undefined {
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      if (err) {
        socket.destroy();
        callback(err);
      } else callback(null, socket);
    };
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate()?.raw;
      if (!raw) return finish(new HostRefused(`${options.host}:${options.port} sent no certificate: it is not a Recall Desk sharing PC.`));
      this.seen = fingerprintOf(raw);
      if (this.pinned && this.seen !== this.pinned) return finish(new HostRefused(mismatch(`${options.host}:${options.port}`, this.seen, this.pinned)));
      finish(null);
    });
    socket.once('error', (err) => finish(err));
    return undefined;
  }
}

export type PostOptions = { session?: string | null; headers?: Record<string, string>; timeoutMs?: number };

/** Network failures a request may be sent again after (with its Idempotency-Key, a write too). */
const RETRYABLE = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const isRetryable = (err: unknown) =>
  !(err instanceof HostRefused) && (RETRYABLE.has((err as NodeJS.ErrnoException).code ?? '') || /socket hang up/i.test(String((err as Error).message)));

export class HostLink {
  readonly origin: URL;
  readonly agent: PinnedAgent;

  private readonly retries: readonly number[];

  constructor(
    server: string,
    readonly fingerprint: string | null,
    /** The pauses between attempts after a dropped connection; the local address to connect from (a PC with several networks). */
    o: { retries?: readonly number[]; localAddress?: string; maxSockets?: number } = {},
  ) {
    this.origin = parseHostUrl(server);
    if (fingerprint !== null && normalizeFingerprint(fingerprint) !== fingerprint)
      throw new HostRefused(`The fingerprint ${fingerprint} is not 32 hex pairs (AB:CD:...).`);
    this.retries = o.retries ?? [200, 500, 1000, 2000];
    this.agent = new PinnedAgent(fingerprint, {
      ...(o.localAddress ? { localAddress: o.localAddress } : {}),
      ...(o.maxSockets ? { maxSockets: o.maxSockets } : {}),
    });
  }

  /** One POST with a body (a string, or a stream that is sent as it is read); the status and the text of the answer. */
  post(pathname: string, body: string | NodeJS.ReadableStream, o: PostOptions & { contentType?: string } = {}): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(pathname, this.origin),
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': o.contentType ?? 'application/json',
            ...(typeof body === 'string' ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
            ...(o.session ? { [SESSION_HEADER]: o.session } : {}),
            ...o.headers,
          },
          timeout: o.timeoutMs ?? 120_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('the sharing PC did not answer in time'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      if (typeof body === 'string') req.end(body);
      else {
        body.on('error', (err) => req.destroy(err as Error));
        body.pipe(req);
      }
    });
  }

  /**
   * An operation on the host. A write gets one Idempotency-Key for all its attempts: sent again after
   * a dropped connection, the host answers from the first attempt's result.
   */
  async call(name: string, input: unknown, session: string | null): Promise<Envelope<unknown>> {
    const isWrite = Object.hasOwn(effects, name) && effects[name as keyof typeof effects].kind === 'write';
    const headers: Record<string, string> = isWrite ? { [IDEMPOTENCY_HEADER]: randomUUID() } : {};
    const body = JSON.stringify(input ?? {});
    for (let attempt = 0; ; attempt++) {
      try {
        const { status, text } = await this.post(httpPath(name), body, { session, headers });
        return parseEnvelope(status, text, this.origin.host);
      } catch (err) {
        if (attempt >= this.retries.length || !isRetryable(err)) throw unreachable(err, this.origin.host);
        await new Promise((r) => setTimeout(r, this.retries[attempt]));
      }
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

export function parseEnvelope(status: number, text: string, host: string): Envelope<unknown> {
  try {
    const e = JSON.parse(text) as Envelope<unknown>;
    if (e && typeof e === 'object' && 'ok' in e) return e;
  } catch {
    // Said below.
  }
  return { ok: false, error: { code: 'internal', message: `${host} answered ${status} with something that is not Recall Desk's answer.`, details: [] } };
}

/** A network failure, said as what the person can do about it. */
export function unreachable(err: unknown, host: string): Error {
  if (err instanceof HostRefused) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ECONNREFUSED'
      ? 'nothing is listening there (is Recall Desk sharing on that PC? serve --lan)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'no such computer on the network'
        : code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
          ? 'it does not answer (switched off, or another network?)'
          : (err as Error).message;
  return new HostRefused(`Cannot reach the sharing PC ${host}: ${why}.`);
}

// The renderer's only door to the services. In Electron it is the preload bridge (IPC); in the
// browser mode it is HTTP to 127.0.0.1 with the per-launch token. Both speak the same contract, and
// every answer is parsed with the operation's output schema before the screens see it.
import {
  ApiError,
  effects,
  EVENTS_PATH,
  httpPath,
  operationNames,
  operations,
  SESSION_HEADER,
  TOKEN_HEADER,
  type Api,
  type Envelope,
  type OperationName,
} from '../shared/api';
import { currentSession, endSession } from './session';

type Bridge = Record<OperationName, (input: unknown, session: string | null) => Promise<Envelope<unknown>>>;
type ChangesBridge = { subscribe(listener: (tags: string[]) => void): () => void };
type HostBridge = { subscribe(listener: (state: { host: string; reachable: boolean } | null) => void): () => void };
declare global {
  interface Window {
    recallDesk?: Bridge;
    recallDeskChanges?: ChangesBridge;
    /** The Electron window of a desk paired with a sharing PC: its main process says which host, and whether it answers. */
    recallDeskHost?: HostBridge;
  }
}

const TOKEN_KEY = 'recall-desk-token';

/** Takes the token from the address (#token=...) once, keeps it for this tab, and clears it from view. */
function browserToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = window.recallDesk ? null : browserToken();

/**
 * A desk on a sharing PC (serve --lan): the page comes from the host over HTTPS, and every call is
 * the signed-in person's session (no token off loopback).
 */
export const lanHost: string | null = !window.recallDesk && window.location.protocol === 'https:' ? window.location.host : null;

/**
 * The sharing PC this window works on (null: a database here) and whether it answers; the top bar
 * says so within 2 s when it does not. In a browser it is the page's own host; in the Electron window
 * of a paired desk, main says which host and how it is.
 */
type HostState = { host: string | null; reachable: boolean };
let hostState: HostState = { host: lanHost, reachable: true };
const hostListeners = new Set<() => void>();
function setHostState(next: HostState): void {
  if (hostState.host === next.host && hostState.reachable === next.reachable) return;
  hostState = next;
  for (const l of hostListeners) l();
}
const setReachable = (reachable: boolean) => setHostState({ ...hostState, reachable });
window.recallDeskHost?.subscribe((s) => setHostState(s ?? { host: null, reachable: true }));
/**
 * This PC's own window (Electron or the loopback browser mode) that Settings connected to a sharing PC:
 * its process says which host and whether it answers (deskConnection). A page served by the host
 * itself already knows (lanHost).
 */
export function followDesk(state: { host: string | null; reachable: boolean }): void {
  if (!lanHost) setHostState(state);
}
export const hostStatus = {
  get: (): HostState => hostState,
  subscribe: (l: () => void) => {
    hostListeners.add(l);
    return () => hostListeners.delete(l);
  },
};

/**
 * The headers a request of this tab carries besides the call itself (the per-launch token on loopback,
 * the session): the import files' uploads (renderer/imports/upload.ts) send them too. Null where this
 * tab cannot call over HTTP (the Electron window, or no token).
 */
export function requestHeaders(): Record<string, string> | null {
  if (window.recallDesk || (!token && !lanHost)) return null;
  const session = currentSession();
  return { ...(token ? { [TOKEN_HEADER]: token } : {}), ...(session ? { [SESSION_HEADER]: session } : {}) };
}

const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A write sent again after the connection dropped carries the same key: the host applies it once. */
const WRITE_RETRIES_MS = [300, 1000, 2000];

function transport(): (name: OperationName, input: unknown) => Promise<Envelope<unknown>> {
  const bridge = window.recallDesk;
  if (bridge) return (name, input) => bridge[name](input, currentSession());
  return async (name, input) => {
    if (!token && !lanHost) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: 'No access token: open the address that "npm run serve" printed, including its #token part.', details: [] },
      };
    }
    const write = effects[name].kind === 'write';
    const key = write ? crypto.randomUUID() : null;
    const body = JSON.stringify(input);
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(httpPath(name), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { [TOKEN_HEADER]: token } : {}),
            ...(currentSession() ? { [SESSION_HEADER]: currentSession()! } : {}),
            ...(key ? { [IDEMPOTENCY_HEADER]: key } : {}),
          },
          body,
        });
        setReachable(true);
        return (await res.json()) as Envelope<unknown>;
      } catch {
        if (lanHost) setReachable(false);
        // A write is sent again with its key (never applied twice); a read is asked again by the screen.
        if (!write || !lanHost || attempt >= WRITE_RETRIES_MS.length) break;
        await new Promise((r) => setTimeout(r, WRITE_RETRIES_MS[attempt]));
      }
    }
    return {
      ok: false,
      error: {
        code: 'internal',
        message: lanHost
          ? `Cannot reach the sharing PC ${lanHost}: nothing was changed by this request. Check that it is on and sharing, then try again.`
          : 'Recall Desk is not running: start it again (npm run serve) and reopen the address it prints.',
        details: [],
      },
    };
  };
}

export function createClient(): Api {
  const send = transport();
  return Object.fromEntries(
    operationNames.map((name) => [
      name,
      async (input: unknown) => {
        const envelope = await send(name, input);
        // The session ended on the server (idle, disabled, signed out elsewhere): sign in again.
        if (!envelope.ok && envelope.error.code === 'unauthenticated' && name !== 'signIn') endSession();
        if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
        return operations[name].output.parse(envelope.data);
      },
    ]),
  ) as Api;
}

export const api = createClient();

/** How long to wait before reconnecting a dropped event stream, growing to at most 5 s (1 s to a sharing PC). */
const RETRY_MS = lanHost ? [250, 500, 1000] : [250, 500, 1000, 2000, 5000];
/** The sharing PC beats every 0.7 s: this long without a byte, it is unreachable. */
const SILENCE_MS = 1800;

/**
 * "Changed: tags" as the main process publishes them after every write (IPC in Electron, an event
 * stream in the browser mode). Returns the unsubscribe; `onConnected` hears when the stream is (re)made.
 */
export function subscribeChanges(listener: (tags: string[]) => void, onConnected: () => void = () => {}): () => void {
  const bridge = window.recallDeskChanges;
  if (bridge) {
    const unsubscribe = bridge.subscribe(listener);
    // A desk's host back after it did not answer: whatever was missed meanwhile is fetched again.
    onConnected();
    let wasReachable = hostState.reachable;
    const onHost = () => {
      if (hostState.reachable && !wasReachable) onConnected();
      wasReachable = hostState.reachable;
    };
    hostListeners.add(onHost);
    return () => {
      unsubscribe();
      hostListeners.delete(onHost);
    };
  }
  if (!token && !lanHost) return () => {};
  const stop = new AbortController();
  let attempt = 0;
  const connect = async () => {
    while (!stop.signal.aborted) {
      // On the LAN the stream is for signed-in people: wait for a session.
      if (lanHost && !currentSession()) {
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      const attemptStop = new AbortController();
      const abort = () => attemptStop.abort();
      stop.signal.addEventListener('abort', abort);
      let silence: ReturnType<typeof setTimeout> | undefined;
      let refused = false;
      const heard = () => {
        clearTimeout(silence);
        if (lanHost)
          silence = setTimeout(() => {
            setReachable(false);
            attemptStop.abort();
          }, SILENCE_MS);
      };
      try {
        heard();
        const res = await fetch(EVENTS_PATH, {
          headers: { ...(token ? { [TOKEN_HEADER]: token } : {}), ...(currentSession() ? { [SESSION_HEADER]: currentSession()! } : {}) },
          signal: attemptStop.signal,
          cache: 'no-store',
        });
        // An answer of any kind: the host is there.
        setReachable(true);
        if (!res.ok || !res.body) {
          refused = true;
          throw new Error(`events: ${res.status}`);
        }
        attempt = 0;
        // Whatever was missed while the stream was down is fetched again.
        onConnected();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          heard();
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          let end = buffered.indexOf('\n\n');
          while (end >= 0) {
            const event = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            for (const line of event.split('\n')) {
              if (!line.startsWith('data: ')) continue;
              try {
                const tags = (JSON.parse(line.slice(6)) as { tags?: unknown }).tags;
                if (Array.isArray(tags)) listener(tags.filter((t): t is string => typeof t === 'string'));
              } catch {
                // A broken line is skipped; the next change brings the data anyway.
              }
            }
            end = buffered.indexOf('\n\n');
          }
        }
      } catch {
        if (stop.signal.aborted) return;
      } finally {
        clearTimeout(silence);
        stop.signal.removeEventListener('abort', abort);
      }
      // The stream ended or broke: on the LAN that is the host gone (until it answers again).
      if (lanHost && !stop.signal.aborted && !refused) setReachable(false);
      await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]));
    }
  };
  void connect();
  return () => stop.abort();
}

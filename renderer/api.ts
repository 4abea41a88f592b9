// The renderer's only door to the services. In Electron it is the preload bridge (IPC); in the
// browser mode it is HTTP to 127.0.0.1 with the per-launch token. Both speak the same contract, and
// every answer is parsed with the operation's output schema before the screens see it.
import {
  ApiError,
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
import { currentSession, setSession } from './session';

type Bridge = Record<OperationName, (input: unknown, session: string | null) => Promise<Envelope<unknown>>>;
type ChangesBridge = { subscribe(listener: (tags: string[]) => void): () => void };
declare global {
  interface Window {
    recallDesk?: Bridge;
    recallDeskChanges?: ChangesBridge;
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

function transport(): (name: OperationName, input: unknown) => Promise<Envelope<unknown>> {
  const bridge = window.recallDesk;
  if (bridge) return (name, input) => bridge[name](input, currentSession());
  return async (name, input) => {
    if (!token) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: 'No access token: open the address that "npm run serve" printed, including its #token part.', details: [] },
      };
    }
    let res: Response;
    try {
      res = await fetch(httpPath(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...(currentSession() ? { [SESSION_HEADER]: currentSession()! } : {}) },
        body: JSON.stringify(input),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'Recall Desk is not running: start it again (npm run serve) and reopen the address it prints.', details: [] },
      };
    }
    return (await res.json()) as Envelope<unknown>;
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
        if (!envelope.ok && envelope.error.code === 'unauthenticated' && name !== 'signIn') setSession(null);
        if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
        return operations[name].output.parse(envelope.data);
      },
    ]),
  ) as Api;
}

export const api = createClient();

/** How long to wait before reconnecting a dropped event stream, growing to at most 5 s. */
const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * "Changed: tags" as the main process publishes them after every write (IPC in Electron, an event
 * stream in the browser mode). Returns the unsubscribe; `onConnected` hears when the stream is (re)made.
 */
export function subscribeChanges(listener: (tags: string[]) => void, onConnected: () => void = () => {}): () => void {
  const bridge = window.recallDeskChanges;
  if (bridge) return bridge.subscribe(listener);
  if (!token) return () => {};
  const stop = new AbortController();
  let attempt = 0;
  const connect = async () => {
    while (!stop.signal.aborted) {
      try {
        const res = await fetch(EVENTS_PATH, { headers: { [TOKEN_HEADER]: token }, signal: stop.signal, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        attempt = 0;
        // Whatever was missed while the stream was down is fetched again.
        onConnected();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
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
      }
      await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]));
    }
  };
  void connect();
  return () => stop.abort();
}

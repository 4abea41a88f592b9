// The renderer's only door to the services. In Electron it is the preload bridge (IPC); in the
// browser mode it is HTTP to 127.0.0.1 with the per-launch token. Both speak the same contract, and
// every answer is parsed with the operation's output schema before the screens see it.
import { ApiError, httpPath, operationNames, operations, TOKEN_HEADER, type Api, type Envelope, type OperationName } from '../shared/api';

type Bridge = Record<OperationName, (input: unknown) => Promise<Envelope<unknown>>>;
declare global {
  interface Window {
    recallDesk?: Bridge;
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

function transport(): (name: OperationName, input: unknown) => Promise<Envelope<unknown>> {
  const bridge = window.recallDesk;
  if (bridge) return (name, input) => bridge[name](input);
  const token = browserToken();
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
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
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
        if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
        return operations[name].output.parse(envelope.data);
      },
    ]),
  ) as Api;
}

export const api = createClient();

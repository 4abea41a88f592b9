// The session of the person signed in to this window or tab: kept for the tab (sessionStorage), sent
// with every call, and dropped when the server says it ended. Listeners hear when it changes.
const KEY = 'recall-desk-session';

let current: string | null = (() => {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
})();
const listeners = new Set<() => void>();

export const currentSession = (): string | null => current;

/** Whether the server ended the session (the sign-in form says so), rather than the person signing out. */
let endedByServer = false;
export const sessionEndedByServer = (): boolean => endedByServer;

/** The server answered that this session ended (idle, disabled, signed out elsewhere). */
export function endSession(): void {
  if (current === null) return;
  endedByServer = true;
  setSession(null, true);
}

export function setSession(token: string | null, byServer = false): void {
  if (!byServer) endedByServer = false;
  if (token === current) return;
  current = token;
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Private mode: kept in memory for this page only.
  }
  for (const l of listeners) l();
}

/** Called when the server answers that nobody is signed in (idle, disabled, signed out elsewhere). */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

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

export function setSession(token: string | null): void {
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

// Sessions of the people signed in to this process's windows and browser tabs. A session is a random
// token, held in memory only: it ends on sign-out, after the admin's idle time, after a working day,
// when the account is disabled, and when the app stops.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/contract';
import type { AccountStore } from './store';

type Session = { accountId: number; started: number; lastSeen: number };

/** Whatever the activity, a session ends after this (a counter PC left signed in overnight). */
const MAX_SESSION_MS = 14 * 3600_000;
/** Signed-in tabs of one process at most; the oldest ends first. */
const MAX_SESSIONS = 1000;

export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly clock: () => number = Date.now,
  ) {}

  start(accountId: number): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    this.sessions.set(token, { accountId, started: now, lastSeen: now });
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return token;
  }

  /** The person behind a session, or null when it ended; a call keeps it alive. */
  resolve(token: string | null): Actor | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock();
    const idleMs = this.accounts.idleMinutes() * 60_000;
    const account = this.accounts.byId(s.accountId);
    if (!account?.active || now - s.lastSeen > idleMs || now - s.started > MAX_SESSION_MS) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return { id: account.id, name: account.name, roles: account.roles };
  }

  end(token: string | null): boolean {
    return token ? this.sessions.delete(token) : false;
  }

  /** Every session of an account (disabled, or its password reset by an admin). */
  endAllOf(accountId: number): void {
    for (const [token, s] of this.sessions) if (s.accountId === accountId) this.sessions.delete(token);
  }
}

// What the sign-in screen, the gate and the CLI say about accounts: one wording for all of them.
import { whoMay, type Access, type Role } from './roles';

const clock = (d: Date): string => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const wrongPassword = (name: string): string => `Wrong name or password for ${name}: try again (five wrong passwords lock the account).`;

export const accountLocked = (name: string, until: Date): string =>
  `${name} is locked after too many wrong passwords, until ${clock(until)}: try again then, or ask an admin to set a new password.`;

export const SIGN_IN_NEEDED = 'sign in: this database has staff accounts; sign in with your name and password.';

export const SESSION_ENDED = 'sign in: your session ended (signed out, idle too long, or the account was disabled); sign in again.';
/** On the sign-in form when the server ended the session (not when the person signed out). */
export const SESSION_ENDED_NOTICE = 'Your session ended (idle too long, signed out elsewhere, or the account was disabled): sign in again.';

/** "Pat (counter) may not record stock movements: a parts, manager or admin account may." */
export const notAllowed = (name: string, roles: readonly Role[], does: string, access: Access): string =>
  `${name} (${roles.join(', ') || 'no role'}) may not ${does}${Array.isArray(access) ? `: ${whoMay(access)} may.` : '.'}`;

/** A path names a file on the computer that keeps the database: over HTTP the file itself is sent instead. */
export const pathOnHostRefused = (does: string): string =>
  `To ${does}, pick the file in the window (it is sent to the computer that keeps the database), or run the command on that computer: a file named by its path there is read only for its own CLI.`;

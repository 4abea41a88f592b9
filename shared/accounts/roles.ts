// Who may do what. Roles are the dealership's jobs; an account may hold several. The contract names,
// for every operation, the roles that may call it; the dispatcher is the one gate that checks them.

export const ROLES = ['admin', 'manager', 'parts', 'advisor', 'technician', 'counter'] as const;
export type Role = (typeof ROLES)[number];

/** What each role is for, as the accounts screen and `users --help` say it. */
export const ROLE_PURPOSE: Record<Role, string> = {
  admin: 'accounts, settings and bulletins (and everything else)',
  manager: 'everything but accounts: reversals, claim corrections, reports',
  parts: 'parts, amendments, the stock ledger and order suggestions',
  advisor: 'appointments, completion and forms',
  technician: 'can be recorded as doing the work, and can verify someone else’s',
  counter: 'lookups and the lists, read only',
};

/**
 * Who may call an operation:
 * - 'public': anyone, signed in or not (signing in itself, the sign-in screen's status);
 * - 'anyone': any signed-in person (every read the counter needs);
 * - a list of roles: a person holding one of them.
 */
export type Access = 'public' | 'anyone' | readonly Role[];

// The usual groups. Admin may do all a manager may, and a manager all but accounts.
export const ADMIN: readonly Role[] = ['admin'];
export const MANAGERS: readonly Role[] = ['manager', 'admin'];
export const PARTS: readonly Role[] = ['parts', 'manager', 'admin'];
export const ADVISORS: readonly Role[] = ['advisor', 'manager', 'admin'];
export const LISTS: readonly Role[] = ['parts', 'advisor', 'manager', 'admin'];

export function mayCall(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'anyone') return true;
  return access.some((r) => roles.includes(r));
}

/** "a parts, manager or admin account" */
export function whoMay(access: readonly Role[]): string {
  const names = [...access];
  const last = names.pop();
  return `${/^[aeiou]/.test(names[0] ?? last ?? '') ? 'an' : 'a'} ${names.length ? `${names.join(', ')} or ${last}` : last} account`;
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

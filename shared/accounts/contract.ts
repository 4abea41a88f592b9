// The accounts domain: staff accounts with roles, signing in and out, and the audit trail of who did
// what. Passwords go in and never come out: no answer carries one, nor its hash.
import { z } from '../lazy-zod';
import { defineEffects, defineOperations, read, write } from '../contract';
import { ADMIN, MANAGERS, ROLES } from './roles';
import { isoDate } from '../bulletin';

export const AccountName = z
  .string()
  .trim()
  .min(1, 'name the person, e.g. "Dana Kim"')
  .max(80, 'a name has at most 80 characters')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), 'a name has no control characters');

/** At least 6 characters; a 6-digit PIN is allowed. Never trimmed: a space is part of a password. */
export const Password = z.string().min(6, 'a password has at least 6 characters (a 6-digit PIN is fine)').max(200, 'a password has at most 200 characters');

export const Role = z.enum(ROLES, { message: `a role is one of ${ROLES.join(', ')}` });
export const Roles = z
  .array(Role)
  .min(1, `give at least one role: ${ROLES.join(', ')}`)
  .max(ROLES.length)
  .transform((rs) => [...new Set(rs)]);

export const Account = z.object({ name: z.string(), roles: z.array(Role), active: z.boolean() });
export const User = z.object({ name: z.string(), roles: z.array(Role) });

export const AuthStatus = z.object({
  /** False until the first account exists: a single PC works without signing in. */
  accounts: z.boolean(),
  user: User.nullable(),
  /** The operations this person may call: screens hide what the role cannot do (the gate still checks). */
  allowed: z.array(z.string()),
  /** Signed out after this many idle minutes. */
  idleMinutes: z.number().int(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.string().nullable(),
  operation: z.string(),
  /** What it did, in words ("record stock movements"). */
  does: z.string(),
  /** The facts that identify the record (VIN, campaign, part, id...); never a guest's personal data. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))])),
});

export const IdleMinutes = z
  .number({ message: 'the idle time is a number of minutes, e.g. 15' })
  .int('the idle time is a whole number of minutes')
  .min(1, 'the idle time is at least 1 minute')
  .max(720, 'the idle time is at most 720 minutes (12 hours)');

export const accountOperations = defineOperations({
  authStatus: { input: z.object({}), output: AuthStatus },
  signIn: { input: z.object({ name: AccountName, password: z.string().max(200) }), output: z.object({ session: z.string(), status: AuthStatus }) },
  signOut: { input: z.object({}), output: z.object({ signedOut: z.boolean() }) },
  listUsers: { input: z.object({}), output: z.object({ users: z.array(Account) }) },
  /** The active people and their roles: whom a technician or a verifier is picked from. */
  listPeople: { input: z.object({}), output: z.object({ people: z.array(User) }) },
  addUser: { input: z.object({ name: AccountName, roles: Roles, password: Password }), output: Account },
  setUserRoles: { input: z.object({ name: AccountName, roles: Roles }), output: Account },
  setUserActive: { input: z.object({ name: AccountName, active: z.boolean() }), output: Account },
  setUserPassword: { input: z.object({ name: AccountName, password: Password }), output: Account },
  setIdleMinutes: { input: z.object({ minutes: IdleMinutes }), output: z.object({ idleMinutes: z.number().int() }) },
  auditTrail: {
    input: z.object({
      since: isoDate.nullish(),
      user: z.string().trim().max(80).nullish(),
      operation: z.string().trim().max(60).nullish(),
      limit: z.number().int().min(1).max(100_000).default(1000),
    }),
    output: z.object({ entries: z.array(AuditEntry) }),
  },
});

export const accountEffects = defineEffects(accountOperations, {
  authStatus: read(['accounts'], 'see who is signed in', 'public'),
  signIn: write(['accounts'], 'sign in', 'public'),
  signOut: write([], 'sign out', 'public'),
  listUsers: read(['accounts'], 'see the staff accounts', ADMIN),
  listPeople: read(['accounts'], 'see who works here'),
  addUser: write(['accounts', 'technicians'], 'add staff accounts', ADMIN),
  setUserRoles: write(['accounts', 'technicians'], 'change staff accounts', ADMIN),
  setUserActive: write(['accounts', 'technicians'], 'disable or enable staff accounts', ADMIN),
  setUserPassword: write(['accounts'], 'set passwords', ADMIN),
  setIdleMinutes: write(['accounts'], 'set the idle sign-out time', ADMIN),
  auditTrail: read(['audit'], 'see the audit trail', MANAGERS),
});

export type Account = z.output<typeof Account>;
export type User = z.output<typeof User>;
export type AuthStatus = z.output<typeof AuthStatus>;
export type AuditEntry = z.output<typeof AuditEntry>;

// Staff accounts: adding, disabling (never deleting: their names stay on old records), roles,
// passwords, signing in with the lock after wrong passwords, and the status the sign-in screen shows.
import type { Account, AuthStatus } from '../../shared/accounts/contract';
import { mayCall, type Role } from '../../shared/accounts/roles';
import { ApiError, effects, operationNames } from '../../shared/api';
import type { Actor, Caller } from '../../shared/contract';
import { hashPassword, decoyHash, verifyPassword } from './passwords';
import type { Sessions } from './sessions';
import type { AccountRow, AccountStore } from './store';
import { accountLocked, wrongPassword } from '../../shared/accounts/wording';

/** Wrong passwords in a row before the account locks. */
export const ATTEMPTS_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

const toAccount = (a: AccountRow): Account => ({ name: a.name, roles: a.roles, active: a.active });

export class AccountsService {
  constructor(
    readonly store: AccountStore,
    readonly sessions: Sessions,
    private readonly now: () => Date,
  ) {}

  any(): boolean {
    return this.store.any();
  }

  list(): Account[] {
    return this.store.all().map(toAccount);
  }

  status(actor: Actor | null): AuthStatus {
    const any = this.store.any();
    const roles = actor?.roles ?? [];
    return {
      accounts: any,
      user: actor ? { name: actor.name, roles: [...actor.roles] } : null,
      allowed: operationNames.filter((op) => {
        const access = effects[op].access;
        if (access === 'public') return true;
        if (!any) return true;
        return actor !== null && mayCall(access, roles);
      }),
      idleMinutes: this.store.idleMinutes(),
    };
  }

  /**
   * Checks a name and password: the person, or an ApiError that says what is wrong. Wrong passwords
   * count toward the lock (five in a row lock the account for a minute, then twice as long each time).
   */
  async authenticate(name: string, password: string): Promise<Actor> {
    const account = this.store.byName(name);
    if (!account) {
      await verifyPassword(password, await decoyHash());
      throw new ApiError('unauthenticated', wrongPassword(name));
    }
    const now = this.now();
    if (account.lockedUntil && new Date(account.lockedUntil) > now)
      throw new ApiError('unauthenticated', accountLocked(account.name, new Date(account.lockedUntil)));
    const ok = await verifyPassword(password, account.passwordHash);
    // Read again after the wait: another desk may have signed in or failed meanwhile.
    const fresh = this.store.byName(name) ?? account;
    if (!ok) {
      const failed = fresh.failedAttempts + 1;
      if (failed >= ATTEMPTS_BEFORE_LOCK) {
        const until = new Date(now.getTime() + Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** fresh.lockouts));
        this.store.setFailures(account.id, 0, fresh.lockouts + 1, until.toISOString());
        throw new ApiError('unauthenticated', accountLocked(account.name, until));
      }
      this.store.setFailures(account.id, failed, fresh.lockouts, null);
      throw new ApiError('unauthenticated', wrongPassword(name));
    }
    if (!account.active) throw new ApiError('unauthenticated', `${account.name}’s account is disabled: ask an admin.`);
    if (fresh.failedAttempts || fresh.lockouts || fresh.lockedUntil) this.store.setFailures(account.id, 0, 0, null);
    return { id: account.id, name: account.name, roles: account.roles };
  }

  async signIn(name: string, password: string): Promise<{ session: string; status: AuthStatus }> {
    const actor = await this.authenticate(name, password);
    return { session: this.sessions.start(actor.id), status: this.status(actor) };
  }

  signOut(caller: Caller): { signedOut: boolean } {
    return { signedOut: this.sessions.end(caller.session) };
  }

  async add(name: string, roles: readonly Role[], password: string): Promise<Account> {
    if (!this.store.any() && !roles.includes('admin')) {
      throw new ApiError('invalid-input', 'The first account must be an admin: give it the role admin (it may hold others too, e.g. admin,parts).');
    }
    const hash = await hashPassword(password);
    // Checked after the hash: another desk may have added the name meanwhile.
    if (this.store.byName(name)) throw new ApiError('conflict', `There is already an account named ${this.store.byName(name)!.name}: choose another name.`);
    this.store.add(name, roles, hash, this.now().toISOString());
    return toAccount(this.store.byName(name)!);
  }

  setRoles(name: string, roles: readonly Role[], caller: Caller): Account {
    const a = this.existing(name);
    if (a.roles.includes('admin') && !roles.includes('admin')) this.keepAnAdmin(a, caller, 'take the admin role from');
    this.store.setRoles(a.id, roles, this.now().toISOString());
    return toAccount(this.existing(name));
  }

  setActive(name: string, active: boolean, caller: Caller): Account {
    const a = this.existing(name);
    if (!active && a.roles.includes('admin')) this.keepAnAdmin(a, caller, 'disable');
    this.store.setActive(a.id, active, this.now().toISOString());
    if (!active) this.sessions.endAllOf(a.id);
    return toAccount(this.existing(name));
  }

  async setPassword(name: string, password: string): Promise<Account> {
    const a = this.existing(name);
    this.store.setPasswordHash(a.id, await hashPassword(password), this.now().toISOString());
    return toAccount(this.existing(name));
  }

  /**
   * Who did the work and who verified it, once the dealership has accounts: the technician holds the
   * technician role, the verifier is another person and confirms with their own password.
   */
  async confirmWork(technician: string, verifier: string, verifierPassword: string | null | undefined): Promise<void> {
    const tech = this.store.byName(technician);
    if (!tech?.active || !tech.roles.includes('technician')) {
      const techs = this.store.all().filter((a) => a.active && a.roles.includes('technician'));
      throw new ApiError('invalid-input', `${technician} is not a technician here: pick the technician from the roster.`, [
        `Technicians: ${techs.map((t) => t.name).join(', ') || 'none yet (an admin gives an account the technician role)'}.`,
      ]);
    }
    const v = this.store.byName(verifier);
    if (!v?.active) throw new ApiError('invalid-input', `${verifier} is not a person with an active account here: the verifier is someone who can sign in.`);
    if (v.id === tech.id) {
      throw new ApiError(
        'invalid-input',
        `${v.name} did the work and cannot also verify it: an associate other than the technician verifies the vehicle before delivery.`,
      );
    }
    if (!verifierPassword) throw new ApiError('invalid-input', `${v.name} confirms the verification with their own password.`);
    try {
      await this.authenticate(v.name, verifierPassword);
    } catch (err) {
      if (err instanceof ApiError) throw new ApiError('invalid-input', `The verification was not confirmed: ${err.message}`);
      throw err;
    }
  }

  private existing(name: string): AccountRow {
    const a = this.store.byName(name);
    if (!a) throw new ApiError('not-found', `No account named ${name}: see the accounts (recall-desk users).`);
    return a;
  }

  /** An admin must remain, or nobody could manage the accounts again. */
  private keepAnAdmin(a: AccountRow, caller: Caller, what: string): void {
    const others = this.store.all().filter((x) => x.active && x.id !== a.id && x.roles.includes('admin'));
    if (others.length === 0) {
      throw new ApiError('conflict', `Cannot ${what} ${a.name}: it is the only active admin. Give another account the admin role first.`);
    }
    void caller;
  }
}

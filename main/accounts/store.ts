// The accounts table and the accounts' own settings. Every statement is prepared once per database.
import type { Role } from '../../shared/accounts/roles';
import { isRole } from '../../shared/accounts/roles';
import type { Db } from '../db/open';

export type AccountRow = {
  id: number;
  name: string;
  roles: Role[];
  passwordHash: string;
  active: boolean;
  failedAttempts: number;
  lockouts: number;
  lockedUntil: string | null;
};

type Raw = {
  id: number;
  name: string;
  roles: string;
  password_hash: string;
  active: number;
  failed_attempts: number;
  lockouts: number;
  locked_until: string | null;
};

const toRow = (r: Raw): AccountRow => ({
  id: r.id,
  name: r.name,
  roles: r.roles.split(',').filter(isRole),
  passwordHash: r.password_hash,
  active: r.active === 1,
  failedAttempts: r.failed_attempts,
  lockouts: r.lockouts,
  lockedUntil: r.locked_until,
});

/** Minutes signed in without a key or a click before the session ends, until an admin sets another. */
export const DEFAULT_IDLE_MINUTES = 30;

export class AccountStore {
  private readonly q;

  constructor(db: Db) {
    const s = db.sqlite;
    const cols = 'id, name, roles, password_hash, active, failed_attempts, lockouts, locked_until';
    this.q = {
      any: s.prepare('SELECT EXISTS (SELECT 1 FROM accounts)').pluck(),
      byName: s.prepare(`SELECT ${cols} FROM accounts WHERE name = ? COLLATE NOCASE`),
      byId: s.prepare(`SELECT ${cols} FROM accounts WHERE id = ?`),
      all: s.prepare(`SELECT ${cols} FROM accounts ORDER BY name COLLATE NOCASE`),
      insert: s.prepare('INSERT INTO accounts (name, roles, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      roles: s.prepare('UPDATE accounts SET roles = ?, updated_at = ? WHERE id = ?'),
      active: s.prepare('UPDATE accounts SET active = ?, updated_at = ? WHERE id = ?'),
      hash: s.prepare('UPDATE accounts SET password_hash = ?, failed_attempts = 0, lockouts = 0, locked_until = NULL, updated_at = ? WHERE id = ?'),
      failed: s.prepare('UPDATE accounts SET failed_attempts = ?, lockouts = ?, locked_until = ? WHERE id = ?'),
      setting: s.prepare('SELECT value FROM account_settings WHERE key = ?').pluck(),
      saveSetting: s.prepare('INSERT INTO account_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** False until the first account is made: a single PC with no accounts works as it always did. */
  any(): boolean {
    return this.q.any.get() === 1;
  }

  byName(name: string): AccountRow | null {
    const r = this.q.byName.get(name) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  byId(id: number): AccountRow | null {
    const r = this.q.byId.get(id) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  all(): AccountRow[] {
    return (this.q.all.all() as Raw[]).map(toRow);
  }

  add(name: string, roles: readonly Role[], passwordHash: string, at: string): number {
    return Number(this.q.insert.run(name, roles.join(','), passwordHash, at, at).lastInsertRowid);
  }

  setRoles(id: number, roles: readonly Role[], at: string): void {
    this.q.roles.run(roles.join(','), at, id);
  }

  setActive(id: number, active: boolean, at: string): void {
    this.q.active.run(active ? 1 : 0, at, id);
  }

  setPasswordHash(id: number, hash: string, at: string): void {
    this.q.hash.run(hash, at, id);
  }

  setFailures(id: number, failedAttempts: number, lockouts: number, lockedUntil: string | null): void {
    this.q.failed.run(failedAttempts, lockouts, lockedUntil, id);
  }

  idleMinutes(): number {
    const v = Number(this.q.setting.get('idle_minutes'));
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_IDLE_MINUTES;
  }

  setIdleMinutes(minutes: number): void {
    this.q.saveSetting.run('idle_minutes', String(minutes));
  }
}

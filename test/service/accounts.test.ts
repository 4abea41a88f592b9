// Staff accounts through the one dispatcher, on real database files: a PC without accounts works as it
// always did; the first account is an admin; passwords never come back out; five wrong passwords lock
// the account for a minute, then longer; writes carry the signed-in person whatever the request says;
// a disabled account's session ends; the verifier of a repair is another person, with their password.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { Sessions } from '../../main/accounts/sessions';
import type { Caller } from '../../shared/contract';
import { LC, TRAINED } from '../support/lane';
import { testApp } from '../support/tempdb';

type Ok<T = unknown> = { ok: true; data: T };
async function as<T>(app: App, session: string | null, op: string, input: unknown): Promise<T> {
  const r = await app.dispatch(op, input, { session });
  if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
  return (r as Ok<T>).data;
}
async function refused(app: App, session: string | null, op: string, input: unknown) {
  const r = await app.dispatch(op, input, { session });
  if (r.ok) throw new Error(`${op} succeeded but should have been refused`);
  return r.error;
}
async function signIn(app: App, name: string, password: string): Promise<string> {
  return (await as<{ session: string }>(app, null, 'signIn', { name, password })).session;
}

/** A clock the test moves: lock times are read from the app's clock. */
function movableClock(start: string) {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('a PC without accounts', () => {
  test('works as before: no sign-in, the typed name is recorded, and the audit says who by that name', async () => {
    const app = await testApp();
    const status = await as<{ accounts: boolean; user: null }>(app, null, 'authStatus', {});
    expect(status).toMatchObject({ accounts: false, user: null });
    const r = await as<{ movement: { madeBy: string } }>(app, null, 'recordMovement', {
      kind: 'receive',
      part: '04002-12345',
      quantity: 1,
      vin: LC,
      by: 'Pat Lee',
    });
    expect(r.movement.madeBy).toBe('Pat Lee');
    const audit = await as<{ entries: { user: string; operation: string; facts: Record<string, unknown> }[] }>(app, null, 'auditTrail', {});
    expect(audit.entries).toEqual([
      expect.objectContaining({ user: 'Pat Lee', operation: 'recordMovement', facts: expect.objectContaining({ vin: LC, quantity: 1 }) }),
    ]);
  });

  test('the first account must be an admin', async () => {
    const app = await testApp();
    const e = await refused(app, null, 'addUser', { name: 'Pat', roles: ['parts'], password: 'secret1' });
    expect(e.message).toBe('The first account must be an admin: give it the role admin (it may hold others too, e.g. admin,parts).');
    await as(app, null, 'addUser', { name: 'Alex', roles: ['admin', 'parts'], password: 'secret1' });
    // From now on nobody acts unsigned.
    expect(await refused(app, null, 'lookup', { vin: LC })).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/^sign in: /) });
  });
});

describe('passwords', () => {
  test('are stored as salted scrypt hashes, never as text, and no answer carries them', async () => {
    const app = await testApp();
    await as(app, null, 'addUser', { name: 'Alex', roles: ['admin'], password: 'correct horse' });
    const admin = await signIn(app, 'Alex', 'correct horse');
    await as(app, admin, 'addUser', { name: 'Sam', roles: ['technician'], password: 'correct horse' });
    const hashes = app.db.sqlite.prepare('SELECT password_hash FROM accounts ORDER BY id').pluck().all() as string[];
    expect(hashes.every((h) => /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(h))).toBe(true);
    // The same password, two salts.
    expect(hashes[0]).not.toBe(hashes[1]);
    const answers = JSON.stringify([await as(app, admin, 'listUsers', {}), await as(app, admin, 'listPeople', {}), await as(app, admin, 'auditTrail', {})]);
    expect(answers).not.toMatch(/correct horse|scrypt/);
    app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(app.db.path).includes('correct horse')).toBe(false);
  });

  test('five wrong ones lock the account for a minute, then two; the message says until when', async () => {
    const clock = movableClock('2026-11-23T12:00:00Z');
    const app = await testApp({ now: clock.now });
    await as(app, null, 'addUser', { name: 'Alex', roles: ['admin'], password: 'secret1' });
    for (let i = 0; i < 4; i++)
      expect((await refused(app, null, 'signIn', { name: 'Alex', password: 'nope' })).message).toMatch(/^Wrong name or password for Alex/);
    const locked = await refused(app, null, 'signIn', { name: 'Alex', password: 'nope' });
    const until = new Date('2026-11-23T12:01:00Z').toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    expect(locked.message).toBe(`Alex is locked after too many wrong passwords, until ${until}: try again then, or ask an admin to set a new password.`);
    // Locked means locked, even with the right password.
    expect((await refused(app, null, 'signIn', { name: 'Alex', password: 'secret1' })).message).toMatch(/is locked/);
    // Five more wrong ones after the lock, without a success between: twice as long.
    clock.advance(61_000);
    for (let i = 0; i < 4; i++) await refused(app, null, 'signIn', { name: 'Alex', password: 'nope' });
    const twoMinutes = new Date(clock.now().getTime() + 120_000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    expect((await refused(app, null, 'signIn', { name: 'Alex', password: 'nope' })).message).toContain(`until ${twoMinutes}`);
    clock.advance(61_000);
    expect((await refused(app, null, 'signIn', { name: 'Alex', password: 'secret1' })).message).toMatch(/is locked/);
    clock.advance(60_000);
    await signIn(app, 'Alex', 'secret1');
  });
});

describe('who did it', () => {
  async function dealership() {
    const app = await testApp();
    await as(app, null, 'addUser', { name: 'Alex Admin', roles: ['admin'], password: 'secret1' });
    const admin = await signIn(app, 'Alex Admin', 'secret1');
    await as(app, admin, 'addUser', { name: 'Pat Parts', roles: ['parts'], password: 'secret1' });
    await as(app, admin, 'addUser', { name: 'Ava Advisor', roles: ['advisor'], password: 'secret1' });
    await as(app, admin, 'addUser', { name: 'Dana Kim', roles: ['technician'], password: 'dana-pass' });
    await as(app, admin, 'addUser', { name: 'Sam Tech', roles: ['technician'], password: 'sam-pass' });
    return { app, admin };
  }

  test('a write records the signed-in person, whatever name the request carries', async () => {
    const { app, admin } = await dealership();
    const pat = await signIn(app, 'Pat Parts', 'secret1');
    const r = await as<{ movement: { madeBy: string } }>(app, pat, 'recordMovement', {
      kind: 'receive',
      part: '04002-12345',
      quantity: 1,
      vin: LC,
      by: 'nobody at all',
    });
    expect(r.movement.madeBy).toBe('Pat Parts');
    const audit = await as<{ entries: { user: string; operation: string }[] }>(app, admin, 'auditTrail', { operation: 'recordMovement' });
    expect(audit.entries.map((e) => e.user)).toEqual(['Pat Parts']);
  });

  test('a disabled account’s session ends at once; the only admin cannot be disabled', async () => {
    const { app, admin } = await dealership();
    const pat = await signIn(app, 'Pat Parts', 'secret1');
    await as(app, pat, 'listParts', {});
    await as(app, admin, 'setUserActive', { name: 'Pat Parts', active: false });
    expect(await refused(app, pat, 'listParts', {})).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/session ended/) });
    expect((await refused(app, null, 'signIn', { name: 'Pat Parts', password: 'secret1' })).message).toBe('Pat Parts’s account is disabled: ask an admin.');
    expect((await refused(app, admin, 'setUserActive', { name: 'Alex Admin', active: false })).message).toMatch(/only active admin/);
    // Never deleted: the name stays, disabled.
    expect(await as(app, admin, 'listUsers', {})).toMatchObject({ users: expect.arrayContaining([{ name: 'Pat Parts', roles: ['parts'], active: false }]) });
  });

  test('the repair is done by a technician account and verified by another person with their own password', async () => {
    const { app, admin } = await dealership();
    const ava = await signIn(app, 'Ava Advisor', 'secret1');
    const pat = await signIn(app, 'Pat Parts', 'secret1');
    await as(app, admin, 'addTechnician', { name: 'Dana Kim', courses: TRAINED });
    const booked = await as<{ id: number }>(app, ava, 'bookAppointment', {
      vin: LC,
      campaigns: ['23LJ01'],
      at: '2026-11-23T13:00',
      model: 'LC',
      productionMonth: '2022-12',
    });
    await as(app, pat, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'x' });
    const base = { id: booked.id, repairOrder: 'RO-9' };
    expect(
      (await refused(app, ava, 'completeAppointment', { ...base, technician: 'Ava Advisor', verifiedBy: 'Sam Tech', verifierPassword: 'sam-pass' })).message,
    ).toBe('Ava Advisor is not a technician here: pick the technician from the roster.');
    expect(
      (await refused(app, ava, 'completeAppointment', { ...base, technician: 'Dana Kim', verifiedBy: 'nobody at all', verifierPassword: 'x' })).message,
    ).toBe('nobody at all is not a person with an active account here: the verifier is someone who can sign in.');
    expect(
      (await refused(app, ava, 'completeAppointment', { ...base, technician: 'Dana Kim', verifiedBy: 'dana kim', verifierPassword: 'dana-pass' })).message,
    ).toMatch(/did the work and cannot also verify it/);
    expect(
      (await refused(app, ava, 'completeAppointment', { ...base, technician: 'Dana Kim', verifiedBy: 'Sam Tech', verifierPassword: 'wrong-one' })).message,
    ).toMatch(/^The verification was not confirmed: Wrong name or password for Sam Tech/);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    const done = await as<{ claimIds: number[] }>(app, ava, 'completeAppointment', {
      ...base,
      technician: 'Dana Kim',
      verifiedBy: 'Sam Tech',
      verifierPassword: 'sam-pass',
    });
    expect(done.claimIds).toHaveLength(1);
    expect(app.db.sqlite.prepare('SELECT technician, verified_by FROM claims').get()).toEqual({ technician: 'Dana Kim', verified_by: 'Sam Tech' });
  });
});

describe('sessions', () => {
  test('end after the idle time the admin set, and after sign-out', async () => {
    const app = await testApp();
    await as(app, null, 'addUser', { name: 'Alex', roles: ['admin'], password: 'secret1' });
    let t = 0;
    const sessions = new Sessions(app.accounts.store, () => t);
    const token = sessions.start(1);
    app.accounts.store.setIdleMinutes(15);
    t += 14 * 60_000;
    expect(sessions.resolve(token)?.name).toBe('Alex');
    t += 14 * 60_000;
    expect(sessions.resolve(token)?.name).toBe('Alex');
    t += 15 * 60_000 + 1;
    expect(sessions.resolve(token)).toBeNull();
    const other = sessions.start(1);
    const caller: Caller = { actor: null, session: other };
    expect(sessions.end(caller.session)).toBe(true);
    expect(sessions.resolve(other)).toBeNull();
  });
});

// Staff accounts at the command line, as pinned in the issue: `users add` reads the password from
// standard input, the first account is an admin, `users --json`, `--user` with RECALL_DESK_PASSWORD on
// every command, "sign in: ..." and "who may" refusals (exit 2), the verifier's own password, `audit`.
import { describe, expect, test } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { cli } from '../support/cli';
import { LC, TRAINED } from '../support/lane';
import { tempDbPath } from '../support/tempdb';

const as = (db: string, user: string, password: string, args: string[], input?: string, env: Record<string, string> = {}) =>
  cli([...args, '--db', db, '--user', user], { RECALL_DESK_PASSWORD: password, ...env }, input);

// Each step is a process of its own (about a second on a busy machine): the tests get the time.
describe('recall-desk users and --user', { timeout: 240_000 }, () => {
  test('without accounts nothing changes; the first account must be an admin; then every command signs in', () => {
    const db = tempDbPath();
    // A single PC as before: --by names who made it, no sign-in.
    const before = cli(['stock', 'receive', '04002-12345', '1', '--vin', LC, '--by', 'Pat Lee', '--db', db]);
    expect([before.code, before.stderr]).toEqual([0, `New database created at ${db}\n`]);
    expect(cli(['users', '--json', '--db', db]).stdout).toBe('{\n  "users": []\n}\n');

    const notAdmin = cli(['users', 'add', 'Pat Parts', '--role', 'parts', '--db', db], {}, 'secret-1\n');
    expect(notAdmin.code).toBe(2);
    expect(notAdmin.stderr).toBe('The first account must be an admin: give it the role admin (it may hold others too, e.g. admin,parts).\n');
    const badRole = cli(['users', 'add', 'Alex', '--role', 'admin,boss', '--db', db], {}, 'secret-1\n');
    expect([badRole.code, badRole.stderr]).toEqual([
      2,
      '--role: "boss" is not a role: use admin, manager, parts, advisor, technician, counter (several with commas).\n',
    ]);
    const short = cli(['users', 'add', 'Alex', '--role', 'admin', '--db', db], {}, '12345\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 6 characters/);

    const admin = cli(['users', 'add', 'Alex Admin', '--role', 'admin', '--db', db], {}, 'admin-pass\n');
    expect([admin.code, admin.stdout, admin.stderr]).toEqual([0, 'Added Alex Admin (admin).\n', '']);

    // From now on a command without a valid person is refused, and says how to sign in.
    const anon = cli(['holds', '--db', db]);
    expect(anon.code).toBe(2);
    expect(anon.stderr).toBe('sign in: this database has staff accounts: add --user NAME (the password from RECALL_DESK_PASSWORD, or asked on a terminal).\n');
    const wrong = as(db, 'Alex Admin', 'nope-nope', ['holds']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^sign in: Wrong name or password for Alex Admin/);
    const noPassword = cli(['holds', '--db', db, '--user', 'Alex Admin']);
    expect([noPassword.code, noPassword.stderr]).toEqual([
      2,
      'sign in: no password for Alex Admin: set RECALL_DESK_PASSWORD (there is no terminal to ask on).\n',
    ]);

    expect(as(db, 'Alex Admin', 'admin-pass', ['users', 'add', 'Pat Parts', '--role', 'counter'], 'pat-pass\n').code).toBe(0);
    expect(as(db, 'Alex Admin', 'admin-pass', ['users', 'roles', 'Pat Parts', '--role', 'counter,technician']).stdout).toBe(
      'Pat Parts: counter, technician.\n',
    );
    expect(JSON.parse(as(db, 'Alex Admin', 'admin-pass', ['users', '--json']).stdout)).toEqual({
      users: [
        { name: 'Alex Admin', roles: ['admin'], active: true },
        { name: 'Pat Parts', roles: ['counter', 'technician'], active: true },
      ],
    });
    const counter = as(db, 'Pat Parts', 'pat-pass', ['stock', 'receive', '04002-12345', '1', '--vin', LC]);
    expect([counter.code, counter.stderr]).toEqual([
      2,
      'Pat Parts (counter, technician) may not record stock movements: a parts, manager or admin account may.\n',
    ]);
    // Reads are for everyone signed in.
    expect(as(db, 'Pat Parts', 'pat-pass', ['lookup', LC, '--json']).code).toBe(0);
    // Admin only.
    expect(as(db, 'Pat Parts', 'pat-pass', ['users']).stderr).toBe('Pat Parts (counter, technician) may not see the staff accounts: an admin account may.\n');

    // A new password from standard input; the old one no longer signs in.
    expect(as(db, 'Alex Admin', 'admin-pass', ['users', 'password', 'Pat Parts'], 'new-pass-1\n').code).toBe(0);
    expect(as(db, 'Pat Parts', 'pat-pass', ['holds']).code).toBe(2);
    expect(as(db, 'Pat Parts', 'new-pass-1', ['holds']).code).toBe(0);

    expect(as(db, 'Alex Admin', 'admin-pass', ['users', 'disable', 'Pat Parts']).stdout).toBe('Disabled Pat Parts: signed out everywhere, cannot sign in.\n');
    expect(as(db, 'Pat Parts', 'new-pass-1', ['holds']).stderr).toBe('sign in: Pat Parts’s account is disabled: ask an admin.\n');
  });

  test('complete: a technician account, a verifier who is another person and gives their own password; audit --since --json', () => {
    const db = tempDbPath();
    cli(['users', 'add', 'Alex Admin', '--role', 'admin,manager', '--db', db], {}, 'admin-pass\n');
    const A = (args: string[], input?: string, env?: Record<string, string>) => as(db, 'Alex Admin', 'admin-pass', args, input, env);
    A(['users', 'add', 'Ava Advisor', '--role', 'advisor'], 'ava-pass\n');
    A(['users', 'add', 'Dana Kim', '--role', 'technician'], 'dana-pass\n');
    A(['users', 'add', 'Sam Tech', '--role', 'technician'], 'sam-pass\n');
    A(['techs', 'add', 'Dana Kim', ...TRAINED.flatMap((c) => ['--course', c])]);
    const Ava = (args: string[], env?: Record<string, string>) => as(db, 'Ava Advisor', 'ava-pass', args, undefined, env);
    // Later today: the work is completed below, on the day the vehicle is here.
    const booked = Ava(['book', LC, '--campaign', '23LJ01', '--at', `${localIsoDate(new Date())}T23:59`, '--model', 'LC', '--produced', '2022-12']);
    expect(booked.stderr).toBe('');
    A(['stock', 'receive', '04002-12345', '1', '--vin', LC]);

    const nobody = Ava(['complete', '1', '--tech', 'Dana Kim', '--verified-by', 'nobody at all'], { RECALL_DESK_VERIFIER_PASSWORD: 'whatever' });
    expect([nobody.code, nobody.stderr]).toEqual([2, 'nobody at all is not a person with an active account here: the verifier is someone who can sign in.\n']);
    const self = Ava(['complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Dana Kim'], { RECALL_DESK_VERIFIER_PASSWORD: 'dana-pass' });
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/Dana Kim did the work and cannot also verify it/);
    const wrong = Ava(['complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Sam Tech'], { RECALL_DESK_VERIFIER_PASSWORD: 'not-sams' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^The verification was not confirmed: Wrong name or password for Sam Tech/);
    const none = Ava(['complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Sam Tech']);
    expect([none.code, none.stderr]).toEqual([2, 'sign in: no password for Sam Tech: set RECALL_DESK_VERIFIER_PASSWORD (there is no terminal to ask on).\n']);
    A(['users', 'disable', 'Sam Tech']);
    expect(Ava(['complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Sam Tech'], { RECALL_DESK_VERIFIER_PASSWORD: 'sam-pass' }).code).toBe(2);
    A(['users', 'enable', 'Sam Tech']);
    const done = Ava(['complete', '1', '--tech', 'Dana Kim', '--verified-by', 'Sam Tech', '--ro', 'RO-9'], { RECALL_DESK_VERIFIER_PASSWORD: 'sam-pass' });
    expect([done.code, done.stderr]).toEqual([0, '']);

    const audit = JSON.parse(A(['audit', '--since', localIsoDate(new Date()), '--json']).stdout) as {
      entries: { at: string; user: string | null; operation: string }[];
    };
    expect(audit.entries.map((e) => [e.user, e.operation])).toEqual([
      ['Ava Advisor', 'completeAppointment'],
      ['Alex Admin', 'setUserActive'],
      ['Alex Admin', 'setUserActive'],
      ['Alex Admin', 'recordMovement'],
      ['Ava Advisor', 'bookAppointment'],
      ['Alex Admin', 'addTechnician'],
      ['Alex Admin', 'addUser'],
      ['Alex Admin', 'addUser'],
      ['Alex Admin', 'addUser'],
      [null, 'addUser'],
    ]);
    expect(audit.entries[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(A(['audit', '--since', addDays(localIsoDate(new Date()), 1), '--json']).stdout)).toEqual({ entries: [] });
    expect(Ava(['audit']).code).toBe(2);
  });
});

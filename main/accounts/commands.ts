// `recall-desk users ...` (staff accounts) and `recall-desk audit` (who did what).
import type { Command } from 'commander';
import { ROLES } from '../../shared/accounts/roles';
import { type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { newPassword } from '../cli/secrets';
import { formatAudit, formatUsers } from './format';

const rolesArg = (raw: string): string[] => {
  const roles = raw
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new UsageError(`--role: ${unknown.map((r) => `"${r}"`).join(', ')} is not a role: use ${ROLES.join(', ')} (several with commas).`);
  return roles;
};

const dbOf = (cmd: Command): { db?: string } => ({ db: (cmd.optsWithGlobals() as { db?: string }).db });

export const accountCommands: CommandRegistrar = (program, rt) => {
  const users = withDb(program.command('users').description('staff accounts: who may sign in, with which roles'))
    .option('--json', 'print the accounts as JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'listUsers', {});
      rt.io.out(o.json ? JSON.stringify({ users: r.users }, null, 2) : formatUsers(r.users));
    });

  withDb(users.command('add').description('add a staff account; the password comes from standard input (asked twice on a terminal)'))
    .argument('<NAME>', 'the person’s name as it is printed on records')
    .requiredOption('--role <ROLE[,ROLE...]>', `one or more of ${ROLES.join(', ')}; the first account must include admin`)
    .action(async (name: string, o: { role: string }, cmd: Command) => {
      const roles = rolesArg(o.role);
      const app = await rt.open(dbOf(cmd));
      const password = await newPassword(name);
      const a = await rt.call(app, 'addUser', { name, roles: roles as never, password });
      rt.io.out(`Added ${a.name} (${a.roles.join(', ')}).`);
    });

  withDb(users.command('disable').description('disable an account (never deleted: the name stays on old records)'))
    .argument('<NAME>')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const app = await rt.open(dbOf(cmd));
      const a = await rt.call(app, 'setUserActive', { name, active: false });
      rt.io.out(`Disabled ${a.name}: signed out everywhere, cannot sign in.`);
    });

  withDb(users.command('enable').description('enable a disabled account again'))
    .argument('<NAME>')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const app = await rt.open(dbOf(cmd));
      const a = await rt.call(app, 'setUserActive', { name, active: true });
      rt.io.out(`Enabled ${a.name}.`);
    });

  withDb(users.command('password').description('set a new password; it comes from standard input (asked twice on a terminal)'))
    .argument('<NAME>')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const app = await rt.open(dbOf(cmd));
      const password = await newPassword(name);
      const a = await rt.call(app, 'setUserPassword', { name, password });
      rt.io.out(`New password set for ${a.name}; the account is unlocked.`);
    });

  withDb(users.command('roles').description('replace an account’s roles'))
    .argument('<NAME>')
    .requiredOption('--role <ROLE[,ROLE...]>', ROLES.join(', '))
    .action(async (name: string, o: { role: string }, cmd: Command) => {
      const app = await rt.open(dbOf(cmd));
      const a = await rt.call(app, 'setUserRoles', { name, roles: rolesArg(o.role) as never });
      rt.io.out(`${a.name}: ${a.roles.join(', ')}.`);
    });

  withDb(users.command('idle').description('sign people out after this many minutes without a key or a click'))
    .argument('<MINUTES>')
    .action(async (minutes: string, _o: unknown, cmd: Command) => {
      const app = await rt.open(dbOf(cmd));
      const r = await rt.call(app, 'setIdleMinutes', { minutes: Number(minutes) });
      rt.io.out(`Signed out after ${r.idleMinutes} idle minutes.`);
    });

  withDb(program.command('audit').description('who did what and when (managers and admins)'))
    .option('--since <YYYY-MM-DD>', 'from this day on')
    .option('--json', 'print the entries as JSON')
    .action(async (o: { db?: string; since?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'auditTrail', { since: o.since ?? null, limit: 100_000 });
      rt.io.out(o.json ? JSON.stringify({ entries: r.entries }, null, 2) : formatAudit(r.entries));
    });
};

// How the CLI prints accounts and the audit trail.
import type { Account, AuditEntry } from '../../shared/accounts/contract';
import { dateTimeText } from '../../shared/dates';

export function formatUsers(users: readonly Account[]): string {
  if (users.length === 0) return 'No staff accounts: this database needs no sign-in. Add the first (an admin) with: recall-desk users add NAME --role admin';
  const width = Math.max(4, ...users.map((u) => u.name.length));
  return [`${'Name'.padEnd(width)}  Roles`, ...users.map((u) => `${u.name.padEnd(width)}  ${u.roles.join(', ')}${u.active ? '' : '  (disabled)'}`)].join('\n');
}

const factText = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

export function formatAudit(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'Nothing recorded in that time.';
  return entries
    .map((e) => {
      const facts = Object.entries(e.facts)
        .map(([k, v]) => `${k}=${factText(v)}`)
        .join(' ');
      return `${dateTimeText(e.at)}  ${e.user ?? '(no account)'}  ${e.operation}${facts ? `  ${facts}` : ''}`;
    })
    .join('\n');
}

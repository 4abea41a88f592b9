// The audit trail: one row per write, in the write's own transaction. Read by managers and admins
// (the audit screen, `recall-desk audit`); nothing here holds a guest's personal data.
import type { AuditEntry } from '../../shared/accounts/contract';
import type { AuditFacts } from '../../shared/accounts/audit-facts';
import { effects, type OperationName } from '../../shared/api';
import type { Db } from '../db/open';

export type AuditFilter = { since?: string | null; user?: string | null; operation?: string | null; limit: number };

export class AuditLog {
  private readonly insert;
  private readonly select;

  constructor(db: Db) {
    this.insert = db.sqlite.prepare('INSERT INTO audit_log (at, user, operation, facts) VALUES (?, ?, ?, ?)');
    // Newest first; the filters are optional (NULL matches all).
    this.select = db.sqlite.prepare(
      `SELECT id, at, user, operation, facts FROM audit_log
       WHERE (@since IS NULL OR at >= @since)
         AND (@user IS NULL OR user = @user COLLATE NOCASE)
         AND (@operation IS NULL OR operation = @operation)
       ORDER BY id DESC LIMIT @limit`,
    );
  }

  record(at: string, user: string | null, operation: OperationName, facts: AuditFacts): void {
    this.insert.run(at, user, operation, JSON.stringify(facts));
  }

  list(f: AuditFilter): AuditEntry[] {
    const rows = this.select.all({ since: f.since ?? null, user: f.user || null, operation: f.operation || null, limit: f.limit }) as {
      id: number;
      at: string;
      user: string | null;
      operation: string;
      facts: string;
    }[];
    return rows.map((r) => ({
      ...r,
      does: (effects as Record<string, { does: string } | undefined>)[r.operation]?.does ?? r.operation,
      facts: JSON.parse(r.facts) as AuditFacts,
    }));
  }
}

// "What changed": every applied import with its impact, written in the import's own transaction (an
// import that rolls back leaves no entry), read newest first.
import type BetterSqlite3 from 'better-sqlite3';
import type { Change, ChangeSource, Impact } from '../../shared/changes/contract';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';

export type NewChange = { at: string; by: string | null; source: ChangeSource; impact: Impact };

export function recordChange(conn: BetterSqlite3.Database, c: NewChange): number {
  return Number(
    conn
      .prepare('INSERT INTO import_changes (at, by, source_kind, source, impact) VALUES (?, ?, ?, ?, ?)')
      .run(c.at, c.by, c.source.kind, JSON.stringify(c.source), JSON.stringify(c.impact)).lastInsertRowid,
  );
}

const toChange = (r: Row<'import_changes'>): Change => ({
  id: r.id,
  at: r.at,
  by: r.by,
  source: JSON.parse(r.source) as ChangeSource,
  // An impact recorded before CPOR requests were compared with the list names none.
  impact: { cporRenumbered: [], ...(JSON.parse(r.impact) as Partial<Impact>) } as Impact,
  seen: r.seen_at !== null,
});

/** Newest first; `since` (YYYY-MM-DD): applied on that day or later (UTC, as `at` is written). */
export function listChanges(db: Db, since: string | null): Change[] {
  const rows = db.sqlite.prepare<[string], Row<'import_changes'>>('SELECT * FROM import_changes WHERE at >= ? ORDER BY at DESC, id DESC').all(since ?? '');
  return rows.map(toChange);
}

export function changeById(db: Db, id: number): Change | null {
  const r = db.sqlite.prepare<[number], Row<'import_changes'>>('SELECT * FROM import_changes WHERE id = ?').get(id);
  return r ? toChange(r) : null;
}

export const unseenCount = (db: Db): number => db.sqlite.prepare<[], number>('SELECT count(*) FROM import_changes WHERE seen_at IS NULL').pluck().get()!;

export function markSeen(db: Db, at: string): void {
  db.sqlite.prepare('UPDATE import_changes SET seen_at = ? WHERE seen_at IS NULL').run(at);
}

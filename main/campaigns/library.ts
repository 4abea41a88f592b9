// The built-in library: the three bulletins the product ships with, as data files validated at load.
// A later bulletin arrives the same way (importBulletin), never as code.
import { createHash } from 'node:crypto';
import { Bulletin, describeIssues } from '../../shared/bulletin';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import type { CampaignStore } from './store';
import BLC from './library/BLC.json' with { type: 'json' };
import ALE from './library/ALE.json' with { type: 'json' };
import LJ01 from './library/23LJ01.json' with { type: 'json' };

export const BUILT_IN_DOCUMENTS: readonly unknown[] = [BLC, ALE, LJ01];

const META_KEY = 'built_in_library_sha256';

/** The shipped documents' hash, made once by the build (scripts/build.mjs); absent when run from source. */
declare const __BUILT_IN_LIBRARY_SHA256__: string | undefined;

/** The hash a start compares: the shipped documents' comes from the build, so a start needs no node:crypto for it. */
function hashOf(docs: readonly unknown[]): string {
  if (docs === BUILT_IN_DOCUMENTS && typeof __BUILT_IN_LIBRARY_SHA256__ === 'string') return __BUILT_IN_LIBRARY_SHA256__;
  return createHash('sha256').update(JSON.stringify(docs)).digest('hex');
}

export function parseBuiltIns(docs: readonly unknown[] = BUILT_IN_DOCUMENTS): Bulletin[] {
  return docs.map((doc, i) => {
    const parsed = Bulletin.safeParse(doc);
    if (!parsed.success) {
      // A shipped data file that fails its own schema is a build defect, not user input.
      throw new Error(`Built-in bulletin #${i} is invalid:\n${describeIssues(parsed.error).join('\n')}`);
    }
    return parsed.data;
  });
}

/**
 * Loads the built-in bulletins on first start and after an upgrade that changed them. A second
 * start with the same files does nothing (one hash compare), and an imported revision that is
 * newer than or as new as a built-in one is never overwritten.
 */
export function loadBuiltInLibrary(db: Db, store: CampaignStore, docs: readonly unknown[] = BUILT_IN_DOCUMENTS): { loaded: string[] } {
  const hash = hashOf(docs);
  const seen = db.sqlite.prepare<[string], Pick<Row<'meta'>, 'value'>>('SELECT value FROM meta WHERE key = ?').get(META_KEY);
  if (seen?.value === hash) return { loaded: [] };
  const bulletins = parseBuiltIns(docs);
  const current = db.sqlite.prepare<[string], Pick<Row<'campaigns'>, 'revision_date' | 'origin'>>('SELECT revision_date, origin FROM campaigns WHERE code = ?');
  const loaded: string[] = [];
  db.sqlite.transaction(() => {
    for (const b of bulletins) {
      const have = current.get(b.code);
      const builtInIsNewer = !have || b.revisionDate > have.revision_date || (b.revisionDate === have.revision_date && have.origin === 'built-in');
      if (builtInIsNewer && store.upsert(b, 'built-in').outcome !== 'unchanged') loaded.push(b.code);
    }
    db.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_KEY, hash);
  })();
  return { loaded };
}

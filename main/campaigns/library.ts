// The built-in library: the three bulletins the product ships with, as data files validated at load.
// A later bulletin arrives the same way (importBulletin), never as code.
import { createHash } from 'node:crypto';
import { retryWhileBusy } from '../db/busy';
import type { Db } from '../db/open';
import { didOneOffWork } from '../one-off-work';
import type { Row } from '../db/schema';
import type { CampaignStore } from './store';

const META_KEY = 'built_in_library_sha256';
/** How long a start waits for another process's write (an import, the other's library load) before it gives up. */
const LOAD_WAIT_MS = 60_000;

/** The shipped documents' hash, made once by the build (scripts/build.mjs); absent when run from source. */
declare const __BUILT_IN_LIBRARY_SHA256__: string | undefined;

const shipped = () => import('./library/documents');

/** The hash a start compares: the shipped documents' comes from the build, so a start needs neither them nor node:crypto. */
async function hashOf(docs: readonly unknown[] | undefined): Promise<string> {
  if (!docs && typeof __BUILT_IN_LIBRARY_SHA256__ === 'string') return __BUILT_IN_LIBRARY_SHA256__;
  const all = docs ?? (await shipped()).BUILT_IN_DOCUMENTS;
  return createHash('sha256').update(JSON.stringify(all)).digest('hex');
}

/**
 * Loads the built-in bulletins on first start and after an upgrade that changed them. A second
 * start with the same files does nothing (one hash compare), and an imported revision that is
 * newer than or as new as a built-in one is never overwritten.
 */
export async function loadBuiltInLibrary(db: Db, store: CampaignStore, docs?: readonly unknown[]): Promise<{ loaded: string[] }> {
  const hash = await hashOf(docs);
  const seenHash = db.sqlite.prepare<[string], Pick<Row<'meta'>, 'value'>>('SELECT value FROM meta WHERE key = ?');
  if (seenHash.get(META_KEY)?.value === hash) return { loaded: [] };
  didOneOffWork();
  const { builtInBulletins, parseBuiltIns } = await shipped();
  const bulletins = docs ? parseBuiltIns(docs) : builtInBulletins();
  const current = db.sqlite.prepare<[string], Pick<Row<'campaigns'>, 'revision_date' | 'origin'>>('SELECT revision_date, origin FROM campaigns WHERE code = ?');
  // Two processes starting on one database after an update (the window and a CLI command) both find
  // the library to load: the second waits for the first's write, then finds it loaded.
  const load = db.sqlite.transaction((): string[] => {
    if (seenHash.get(META_KEY)?.value === hash) return [];
    const loaded: string[] = [];
    for (const b of bulletins) {
      const have = current.get(b.code);
      const builtInIsNewer = !have || b.revisionDate > have.revision_date || (b.revisionDate === have.revision_date && have.origin === 'built-in');
      if (builtInIsNewer && store.upsert(b, 'built-in').outcome !== 'unchanged') loaded.push(b.code);
    }
    db.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_KEY, hash);
    return loaded;
  });
  return { loaded: await retryWhileBusy(() => load.immediate(), { waitMs: LOAD_WAIT_MS }) };
}

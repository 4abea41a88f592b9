// A bulletin file from the user: parsed, validated and loaded all-or-nothing, with errors that name
// the field and the problem; its impact on the dealer's vehicles worked out in the same transaction.
import type { Impact } from '../../shared/changes/contract';
import { ApiError } from '../../shared/contract';
import { Bulletin, describeIssues, futureRevisionProblem } from '../../shared/bulletin';
import { diffSnapshots, type Measure } from '../changes/impact';
import { recordChange } from '../changes/store';
import type { Db } from '../db/open';
import type { CampaignStore, UpsertOutcome } from './store';

export function parseBulletinFile(content: string, fileName: string, today: string = new Date().toISOString().slice(0, 10)): Bulletin {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ApiError('invalid-bulletin', `${fileName} is not a bulletin file: it is not valid JSON.`, [
      (err as Error).message,
      'A bulletin file is JSON in the recall-desk/bulletin@1 format; see the built-in library files for examples.',
    ]);
  }
  const parsed = Bulletin.safeParse(json);
  const future = parsed.success ? futureRevisionProblem(parsed.data, today) : null;
  if (!parsed.success || future) {
    const details = parsed.success ? [future!] : describeIssues(parsed.error);
    throw new ApiError(
      'invalid-bulletin',
      `${fileName} was not imported: ${details.length} problem${details.length === 1 ? '' : 's'} in the file. Nothing was changed.`,
      details,
    );
  }
  return parsed.data;
}

export const NO_IMPACT: Impact = Object.freeze({
  holds: { added: [], released: [] },
  remedyNowAvailable: [],
  confirmed: { added: [], removed: [] },
  followup: { added: 0, removed: 0 },
  parts: [],
  cporRenumbered: [],
  vehiclesChecked: 0,
}) as Impact;

export type BulletinImport = UpsertOutcome & { bulletin: Bulletin; impact: Impact; dryRun: boolean };

/** Thrown inside the transaction to roll a dry run back. */
class DryRun extends Error {}

/**
 * Parses and applies a bulletin file. One transaction: every known vehicle is evaluated before and
 * after the revision is written, the impact recorded in "What changed"; a dry run rolls it all back.
 */
export function importBulletin(
  s: { db: Db; campaigns: CampaignStore; measure: Measure | null; at: string; by: string | null },
  content: string,
  fileName: string,
  opts: { today?: string; dryRun?: boolean } = {},
): BulletinImport {
  const bulletin = parseBulletinFile(content, fileName, opts.today);
  const conn = s.db.sqlite;
  let out: BulletinImport | null = null;
  try {
    conn
      .transaction(() => {
        const before = s.measure?.(conn) ?? null;
        const r = s.campaigns.upsert(bulletin, 'imported');
        const impact = r.outcome === 'unchanged' || !before || !s.measure ? NO_IMPACT : diffSnapshots(before, s.measure(conn));
        out = { ...r, bulletin, impact, dryRun: !!opts.dryRun };
        if (opts.dryRun) throw new DryRun();
        if (r.outcome !== 'unchanged') {
          recordChange(conn, {
            at: s.at,
            by: s.by,
            source: {
              kind: 'bulletin',
              fileName,
              code: bulletin.code,
              title: bulletin.title,
              revisionDate: bulletin.revisionDate,
              previousRevisionDate: r.previousRevisionDate,
            },
            impact,
          });
        }
      })
      .immediate();
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
    // The rolled-back revision was cached while it was written: forget it.
    s.campaigns.invalidate();
  }
  return out!;
}

// A bulletin file from the user: parsed, validated and loaded all-or-nothing, with errors that name
// the field and the problem.
import { ApiError } from '../../shared/contract';
import { Bulletin, describeIssues, futureRevisionProblem } from '../../shared/bulletin';
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

export function importBulletin(store: CampaignStore, content: string, fileName: string, today?: string): UpsertOutcome & { bulletin: Bulletin } {
  const bulletin = parseBulletinFile(content, fileName, today);
  return { ...store.upsert(bulletin, 'imported'), bulletin };
}

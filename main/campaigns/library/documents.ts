// The three bulletins the product ships with, as data files, and their validation. Loaded only when a
// start finds the database without them or with older ones (main/campaigns/library.ts): a usual start
// compares the build's hash of them and never makes these objects (about 40 kB of a lookup's code).
import { Bulletin, describeIssues } from '../../../shared/bulletin';
import BLC from './BLC.json' with { type: 'json' };
import ALE from './ALE.json' with { type: 'json' };
import LJ01 from './23LJ01.json' with { type: 'json' };

export const BUILT_IN_DOCUMENTS: readonly unknown[] = [BLC, ALE, LJ01];

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

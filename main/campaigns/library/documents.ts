// The three bulletins the product ships with, as data files, and their validation. Loaded only when a
// start finds the database without them or with older ones (main/campaigns/library.ts): a usual start
// compares the build's hash of them and never makes these objects (about 40 kB of a lookup's code).
import { Bulletin, describeIssues } from '../../../shared/bulletin';
import BLC from './BLC.json' with { type: 'json' };
import ALE from './ALE.json' with { type: 'json' };
import LJ01 from './23LJ01.json' with { type: 'json' };

export const BUILT_IN_DOCUMENTS: readonly unknown[] = [BLC, ALE, LJ01];

/** True in the bundles: scripts/build.mjs put the documents in as the schema parses them, and stops on any that does not. */
declare const __BUILT_INS_PARSED__: boolean | undefined;

/** The built-in bulletins: as the build parsed them, or parsed now (run from source). */
export function builtInBulletins(): Bulletin[] {
  return typeof __BUILT_INS_PARSED__ === 'boolean' && __BUILT_INS_PARSED__ ? (BUILT_IN_DOCUMENTS as Bulletin[]) : parseBuiltIns();
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

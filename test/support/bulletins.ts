// Bulletin files for scenario tests, made from the built-in ones: a test changes only what it is about.
import ALE from '../../main/campaigns/library/ALE.json' with { type: 'json' };
import type { BulletinInput } from '../../shared/bulletin';

/** ALE as shipped, deep-copied, with `changes` laid over it. */
export function aleWith(changes: Partial<BulletinInput>): BulletinInput {
  return { ...(structuredClone(ALE) as BulletinInput), ...changes };
}

/**
 * A campaign of its own over ALE's IS 350 ranges (VDS BE262), flagged as NHTSA flags newer recalls:
 * what an in-stock or serviced IS 350 2006 then carries beside ALE.
 */
export function flaggedCampaign(severity: string[], extra: Partial<BulletinInput> = {}): BulletinInput {
  const ale = aleWith({});
  return {
    ...ale,
    code: 'ZDD',
    title: 'Fuel Pump',
    revisionDate: '2025-03-01',
    revisionLabel: 'Dealer notice',
    severity: severity as BulletinInput['severity'],
    nhtsaRecallNumber: '25V123',
    vinRanges: ale.vinRanges!.filter((r) => r.vds === 'BE262'),
    ...extra,
  };
}

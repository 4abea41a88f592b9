// The reports of one database, kept until its data changes: the screens, the printed lists and the
// CLI ask the same object, so a print made from the screen does not work the report out again.
import type { HoldReport, FollowUpList, ParsedInputOf } from '../../shared/api';
import type { CoreServices } from '../core-services';
import { DataGeneration, GenerationCache } from '../db/generation';
import type { Db } from '../db/open';
import { followUpList } from './followup';
import { holdReport } from './holds';

type Sources = Pick<CoreServices, 'db' | 'lookup' | 'now' | 'campaigns' | 'vpic'>;

export class ReportsService {
  // Every open of the screens asked for a lookup per vehicle again: kept until the data changes (or vPIC
  // opens: its WMI makes confirm a campaign's make).
  private readonly kept: GenerationCache;

  constructor(private readonly s: Sources) {
    this.kept = new GenerationCache(new DataGeneration(s.db.sqlite, s.now, () => (s.vpic?.ready ? 'vpic' : '')), () =>
      s.campaigns.syncWithOtherProcesses(true),
    );
  }

  holdReport(): HoldReport {
    return this.kept.get('holds', () => holdReport(this.s.db, this.s.lookup, this.s.now, this.s.campaigns));
  }

  followUpList(input: ParsedInputOf<'followUpList'>): FollowUpList {
    // One key per filter however it was written (the screen leaves the campaign out, a print names it null).
    const key = `followup|${input.campaign ?? ''}|${input.remedyAvailableOnly}|${input.booked}`;
    return this.kept.get(key, () => followUpList(this.s.db, this.s.lookup, this.s.now, input));
  }
}

const services = new WeakMap<Db, ReportsService>();

/** The one reports service of a database (the handlers and the forms share its kept reports). */
export function reportsOf(s: Sources): ReportsService {
  let r = services.get(s.db);
  if (!r) services.set(s.db, (r = new ReportsService(s)));
  return r;
}

// The reports of one database, kept until its data changes: the screens, the printed lists and the
// CLI ask the same object, so a print made from the screen does not work the report out again.
import type { HoldReport, FollowUpList, ParsedInputOf } from '../../shared/api';
import type { CoreServices } from '../core-services';
import { DataGeneration, GenerationCache } from '../db/generation';
import type { Db } from '../db/open';
import { followUpList } from './followup';
import { holdReport } from './holds';
import { encodeFollowUp, encodeHolds, followUpPart, holdPart } from '../../shared/reports/parts';
import type { FollowUpPart, HoldReportPart } from '../../shared/reports/contract';

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

  /** The hold report from..from+count, each text once (encoded once per report, then sliced). */
  holdPart(from: number, count: number): HoldReportPart {
    const r = this.holdReport();
    return holdPart(
      r,
      encoded(r, () => encodeHolds(r)),
      from,
      count,
    );
  }

  followUpPart(input: ParsedInputOf<'followUpPart'>): FollowUpPart {
    const { from, count, ...filter } = input;
    const l = this.followUpList(filter);
    return followUpPart(
      l,
      encoded(l, () => encodeFollowUp(l)),
      from,
      count,
    );
  }

  followUpList(input: ParsedInputOf<'followUpList'>): FollowUpList {
    // One key per filter however it was written (the screen leaves the campaign out, a print names it null).
    const key = `followup|${input.campaign ?? ''}|${input.remedyAvailableOnly}|${input.booked}`;
    return this.kept.get(key, () => followUpList(this.s.db, this.s.lookup, this.s.now, input));
  }
}

const encodings = new WeakMap<object, unknown>();
/** A kept report's encoding, made once for that report object. */
function encoded<T>(report: object, make: () => T): T {
  let e = encodings.get(report) as T | undefined;
  if (e === undefined) encodings.set(report, (e = make()));
  return e;
}

const services = new WeakMap<Db, ReportsService>();

/** The one reports service of a database (the handlers and the forms share its kept reports). */
export function reportsOf(s: Sources): ReportsService {
  let r = services.get(s.db);
  if (!r) services.set(s.db, (r = new ReportsService(s)));
  return r;
}

// The reports of one database, kept until its data changes: the screens, the printed lists and the
// CLI ask the same object, so a print made from the screen does not work the report out again.
import type { HoldReport, FollowUpList, ParsedInputOf } from '../../shared/api';
import type { CoreServices } from '../core-services';
import { DataGeneration, GenerationCache } from '../db/generation';
import type { Db } from '../db/open';
import { followUpList, followUpSteps } from './followup';
import { holdReport, holdReportSteps } from './holds';
import { followUpPart, holdPart, type WindowPlace } from '../../shared/reports/parts';
import { followUpShown, holdsShown, type ListShown, shownCount } from '../../shared/reports/view';
import type { FollowUpPart, HoldReportPart } from '../../shared/reports/contract';

type Sources = Pick<CoreServices, 'db' | 'lookup' | 'now' | 'campaigns' | 'vpic' | 'changes'>;

/** The data the reports are made from: a change to any of it makes them again. */
const REPORT_TAGS = new Set(['reports', 'library', 'vehicles', 'lists', 'stock', 'appointments']);
/**
 * After a change, the reports a screen has asked for are made again once the writes have settled: no
 * other change for this long (a change meanwhile starts the wait again, and stops a making under way at
 * its next step). Short: the screen's next open, seconds later, should find the report made.
 */
const WARM_AFTER_CHANGE_MS = 400;
/** Every row of the follow-up list: what the screen's windows and a print from the screen are cut from. */
const EVERY_FOLLOW_UP = { campaign: null, remedyAvailableOnly: false, booked: 'all' } as const;
const HOLDS = 'holds';
const followUpKey = (input: ParsedInputOf<'followUpList'>) => `followup|${input.campaign ?? ''}|${input.remedyAvailableOnly}|${input.booked}`;
const EVERY_FOLLOW_UP_KEY = followUpKey(EVERY_FOLLOW_UP);

export class ReportsService {
  // Every open of the screens asked for a lookup per vehicle again: kept until the data changes (or vPIC
  // opens: its WMI makes confirm a campaign's make).
  private readonly kept: GenerationCache;
  private readonly generation: DataGeneration;
  /** The generation each report was last given for (a report given again for it is the kept one). */
  private readonly madeFor = new Map<string, string>();
  /** Reports being made a step at a time, for the generation named: a screen asking meanwhile waits for it. */
  private readonly making = new Map<string, { generation: string; done: Promise<void>; opening: boolean }>();

  constructor(private readonly s: Sources) {
    this.generation = new DataGeneration(s.db.sqlite, s.now, () => (s.vpic?.ready ? 'vpic' : ''));
    this.kept = new GenerationCache(this.generation, () => s.campaigns.syncWithOtherProcesses(true));
  }

  private keep<T>(key: string, make: () => T): T {
    const value = this.kept.get(key, make);
    this.madeFor.set(key, this.generation.current());
    return value;
  }

  holdReport(): HoldReport {
    return this.keep(HOLDS, () => holdReport(this.s.db, this.s.lookup, this.s.now, this.s.campaigns));
  }

  /** Waits while the report a screen asks for is being made ahead (it is then given at once). */
  async ready(which: 'holds' | 'followup'): Promise<void> {
    const m = this.making.get(which === 'holds' ? HOLDS : EVERY_FOLLOW_UP_KEY);
    // A making still waiting for vPIC is of the generation vPIC's opening brings: it is waited for too.
    if (m && (m.generation === this.generation.current() || m.opening)) await m.done;
  }

  /**
   * Makes a report a step at a time, letting requests through between steps, and keeps it when the data
   * did not change meanwhile (else the next ask or the next change makes it again).
   */
  private async makeInSteps<T>(key: string, steps: () => Generator<void, T>, opening?: Promise<unknown>): Promise<void> {
    let g = this.generation.current();
    if (this.madeFor.get(key) === g || this.making.get(key)?.generation === g) return;
    let finished = () => {};
    const done = new Promise<void>((r) => {
      finished = r;
    });
    // While vPIC opens, the making is of the generation its opening brings: ready() waits for it as well.
    const making = { generation: g, done, opening: opening !== undefined };
    this.making.set(key, making);
    try {
      // Whatever was waiting goes first (a screen's answer of the report made just before this one).
      await new Promise((r) => setImmediate(r));
      this.s.campaigns.syncWithOtherProcesses(true);
      const data = this.generation.data();
      const run = steps();
      for (let first = true; ; first = false) {
        const n = run.next();
        if (n.done) {
          if (this.generation.current() === g) this.keep(key, () => n.value);
          break;
        }
        if (first && opening) {
          // The first step read the rows (no lookup yet) while vPIC opens: its WMI makes are part of what
          // the report is made for, so the rest waits for it, and goes on only if the file did not change
          // meanwhile. A screen asking meanwhile waits for this making (see ready()).
          await opening;
          making.opening = false;
          if (this.generation.data() !== data) break;
          making.generation = g = this.generation.current();
          continue;
        }
        if (this.generation.current() !== g) break;
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.making.delete(key);
      finished();
    }
  }

  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  /** The reports screens asked for since the host started: those are kept made after a change. */
  private readonly inUse = new Set<'holds' | 'followup'>();

  /**
   * For a long-running host (serve, the window): the reports are made ahead of the first screen that
   * asks (a report of 100,000 vehicles takes seconds to work out; a window of it, milliseconds), and
   * made again a moment after the data changes, for the screens in use since. Returns how to stop.
   */
  keepWarm(): () => void {
    this.warmSoon(0, true);
    const stop = this.s.changes.subscribe((tags) => {
      if (tags.some((t) => REPORT_TAGS.has(t))) this.warmSoon(WARM_AFTER_CHANGE_MS, false);
    });
    return () => {
      stop();
      if (this.warmTimer) clearTimeout(this.warmTimer);
    };
  }

  private warmSoon(ms: number, every: boolean): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => void this.warm(every), ms);
    this.warmTimer.unref?.();
  }

  private async warm(every: boolean): Promise<void> {
    this.warmTimer = null;
    try {
      // As the screens' handlers do: vPIC's WMI makes are part of what a report is made for. The hold
      // report reads its rows while vPIC opens (a new process: the first screen opened comes soon).
      const opening = this.s.vpic?.start();
      const { db, lookup, now, campaigns } = this.s;
      if (every || this.inUse.has('holds')) await this.makeInSteps(HOLDS, () => holdReportSteps(db, lookup, now, campaigns), opening);
      if (every || this.inUse.has('followup')) await this.makeInSteps(EVERY_FOLLOW_UP_KEY, () => followUpSteps(db, lookup, now, EVERY_FOLLOW_UP), opening);
    } catch {
      // A report that cannot be made is said to the screen that asks for it.
    }
  }

  /**
   * A window of the hold report as a screen shows it: the view (the one Print / Save PDF and the CSV
   * apply) is worked out once per report and view, then sliced as the screen scrolls.
   */
  holdPart(input: ParsedInputOf<'holdReportPart'>): HoldReportPart {
    this.inUse.add('holds');
    const r = this.holdReport();
    const shown = viewOf(r, input.view, () => holdsShown(r.holds, input.view ?? {}));
    return holdPart(r, windowRows(shown, input.from, input.count), place(shown, input.from, r.holds.length));
  }

  /** A window of the follow-up list as a screen shows it; with a view, of every row (as a print takes it). */
  followUpPart(input: ParsedInputOf<'followUpPart'>): FollowUpPart {
    const { from, count, view, ...filter } = input;
    this.inUse.add('followup');
    const l = this.followUpList(view ? EVERY_FOLLOW_UP : filter);
    const shown = viewOf(l, view, () => followUpShown(l.rows, view ?? {}));
    return followUpPart(l, windowRows(shown, from, count), place(shown, from, l.rows.length));
  }

  followUpList(input: ParsedInputOf<'followUpList'>): FollowUpList {
    // One key per filter however it was written (the screen leaves the campaign out, a print names it null).
    return this.keep(followUpKey(input), () => followUpList(this.s.db, this.s.lookup, this.s.now, input));
  }
}

/** Views kept per report (a few: the screen's current one and those just before it). */
const VIEWS_KEPT = 6;
const views = new WeakMap<object, Map<string, ListShown<unknown>>>();

/** A kept report's view, worked out once for that report object (scrolling asks for the same view again). */
function viewOf<R>(report: object, view: object | undefined, make: () => ListShown<R>): ListShown<R> {
  let kept = views.get(report);
  if (!kept) views.set(report, (kept = new Map()));
  const key = JSON.stringify(view ?? null);
  let shown = kept.get(key) as ListShown<R> | undefined;
  if (shown) {
    kept.delete(key); // the most recent last
  } else {
    shown = make();
    if (kept.size >= VIEWS_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, shown);
  return shown;
}

/** The rows of entries from..from+count: of that many vehicles when grouped. */
function windowRows<R>(shown: ListShown<R>, from: number, count: number): R[] {
  return shown.grouped ? shown.vehicles.slice(from, from + count).flatMap((g) => g.rows) : shown.rows.slice(from, from + count);
}

const place = (shown: ListShown<unknown>, from: number, reportTotal: number): WindowPlace => ({
  total: shownCount(shown),
  from,
  grouped: shown.grouped,
  reportTotal,
});

const services = new WeakMap<Db, ReportsService>();

/** The one reports service of a database (the handlers and the forms share its kept reports). */
export function reportsOf(s: Sources): ReportsService {
  let r = services.get(s.db);
  if (!r) services.set(s.db, (r = new ReportsService(s)));
  return r;
}

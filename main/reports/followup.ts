// Re-notification: vehicles last serviced here whose campaigns are still open, with the guest's
// contact for calls and mailings, and the "not yet remedied" count per campaign (BLC's letter) of the
// rows the list holds under its filters.
import type { FollowUpList, ParsedInputOf } from '../../shared/api';
import type { Db } from '../db/open';
import type { LookupService, VehicleColumns } from '../lookup/service';
import { severityRank } from '../../shared/wording';
import { followUpVehicle, type Serviced } from './followup-vehicle';
import { runSteps, VEHICLES_PER_STEP } from './holds';
import { openOf } from './open-campaigns';
import { fromNhtsaOnly, nhtsaFollowUpLine, sortFollowUpLines } from '../nhtsa/followup';

export function followUpList(db: Db, lookup: LookupService, now: () => Date, filter: ParsedInputOf<'followUpList'>): FollowUpList {
  // At once, in one read transaction (one snapshot).
  return lookup.batch(() => runSteps(followUpSteps(db, lookup, now, filter)));
}

/** The follow-up list a step at a time (`VEHICLES_PER_STEP` vehicles each): the host makes it ahead without stopping the requests. */
/** Serviced vehicles read per step. */
const VEHICLES_PER_PAGE = 20_000;

export function* followUpSteps(db: Db, lookup: LookupService, now: () => Date, filter: ParsedInputOf<'followUpList'>): Generator<void, FollowUpList> {
  // The rows every vehicle's lookup reads (set statements, not one per vehicle), then the vehicles a page
  // at a time (a read of 100,000 at once held the host for a second): between steps the data may not
  // change (a host making the list ahead drops it when it does; a list made at once is one read transaction).
  const lookupOf = lookup.known('serviced');
  const serviced: (Serviced & VehicleColumns)[] = [];
  const columns = 'vin, last_service_date, guest_name, guest_phone, guest_email, guest_address, model, condition, stock_number, production_month, in_stock';
  const firstPage = db.sqlite.prepare<[], Serviced & VehicleColumns>(
    `SELECT ${columns} FROM vehicles WHERE last_service_date IS NOT NULL ORDER BY last_service_date DESC, vin LIMIT ${VEHICLES_PER_PAGE}`,
  );
  const nextPage = db.sqlite.prepare<[string, string, string], Serviced & VehicleColumns>(
    `SELECT ${columns} FROM vehicles WHERE last_service_date <= ? AND NOT (last_service_date = ? AND vin <= ?)
      ORDER BY last_service_date DESC, vin LIMIT ${VEHICLES_PER_PAGE}`,
  );
  for (let page = firstPage.all(); ; ) {
    for (const v of page) serviced.push(v);
    // The data is read a page at a time: the lookups follow, a step at a time.
    yield;
    if (page.length < VEHICLES_PER_PAGE) break;
    const last = page[page.length - 1]!;
    page = nextPage.all(last.last_service_date, last.last_service_date, last.vin);
  }
  const wanted = filter.campaign ? filter.campaign.toUpperCase() : null;
  const appointments = new Map<string, { id: number; at: string }>();
  for (const [id, at, vin, code] of db.sqlite
    .prepare<[], [number, string, string, string]>(
      `SELECT a.id, a.at, a.vin, c.campaign_code FROM appointments a JOIN appointment_campaigns c ON c.appointment_id = a.id
        WHERE a.status IN ('booked', 'arrived') ORDER BY a.at DESC, a.id DESC`,
    )
    .raw(true)
    .all())
    appointments.set(`${vin} ${code}`, { id, at }); // the earliest wins (read last)
  const waiting = db.sqlite
    .prepare<[], { vin: string; code: string; since: string; note: string | null; addedBy: string }>(
      `SELECT vin, campaign_code AS code, added_at AS since, note, added_by AS addedBy FROM waiting_list
        WHERE closed_at IS NULL ORDER BY added_at, id`,
    )
    .all()
    .filter((w) => !wanted || w.code === wanted);
  const waitingSince = new Map(waiting.map((w) => [`${w.vin} ${w.code}`, w.since]));
  const rows: FollowUpList['rows'] = [];
  const per = new Map<string, FollowUpList['perCampaign'][number]>();
  const checkAtNhtsa: FollowUpList['checkAtNhtsa'] = [];
  for (let from = 0; from < serviced.length; from += VEHICLES_PER_STEP) {
    if (from > 0) yield;
    lookupSlice(serviced.slice(from, from + VEHICLES_PER_STEP));
  }
  function lookupSlice(slice: (Serviced & VehicleColumns)[]) {
    lookup.batch(() => {
      for (const v of slice) {
        const { result, open } = openOf(lookupOf(v));
        // Other makes' recalls from NHTSA's file (by model and year): a line of their own, never counted.
        const line = nhtsaFollowUpLine(v, result, open, filter);
        if (line) checkAtNhtsa.push(line);
        for (const hit of open) {
          if (fromNhtsaOnly(hit)) continue;
          if (wanted && hit.code !== wanted) continue;
          if (filter.remedyAvailableOnly && hit.remedy.available !== true) continue;
          const appointment = appointments.get(`${v.vin} ${hit.code}`) ?? null;
          if (filter.booked === 'booked' ? appointment === null : filter.booked === 'not-booked' && appointment !== null) continue;
          // Counted as shown: the per-campaign counts are of the rows under the filters given (every open
          // campaign without filters), never of rows the list leaves out.
          const c = per.get(hit.code) ?? { code: hit.code, title: hit.title, notYetRemedied: 0 };
          c.notYetRemedied++;
          per.set(hit.code, c);
          rows.push({
            ...followUpVehicle(v, result),
            code: hit.code,
            title: hit.title,
            severity: hit.severity,
            certainty: hit.certainty,
            remedyAvailable: hit.remedy.available,
            appointment,
            waitingSince: waitingSince.get(`${v.vin} ${hit.code}`) ?? null,
          });
        }
      }
    });
  }
  // Flagged campaigns first (do not drive, park outside, stop sale); otherwise as serviced, newest first.
  if (rows.some((r) => r.severity.length)) rows.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return {
    generatedAt: now().toISOString(),
    vehiclesServiced: serviced.length,
    rows,
    waiting,
    perCampaign: [...per.values()].sort((a, b) => a.code.localeCompare(b.code)),
    checkAtNhtsa: sortFollowUpLines(checkAtNhtsa),
  };
}

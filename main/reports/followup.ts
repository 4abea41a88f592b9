// Re-notification: vehicles last serviced here whose campaigns are still open, with the guest's
// contact for calls and mailings, and the "not yet remedied" count per campaign (BLC's letter).
import type { FollowUpList, ParsedInputOf } from '../../shared/api';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import type { LookupService } from '../lookup/service';
import { severityRank } from '../../shared/wording';
import { openCampaigns } from './open-campaigns';

type Serviced = Pick<Row<'vehicles'>, 'vin' | 'guest_name' | 'guest_phone' | 'guest_email' | 'guest_address'> & { last_service_date: string };

export function followUpList(db: Db, lookup: LookupService, now: () => Date, filter: ParsedInputOf<'followUpList'>): FollowUpList {
  const serviced = db.sqlite
    .prepare<[], Serviced>(
      `SELECT vin, last_service_date, guest_name, guest_phone, guest_email, guest_address FROM vehicles
       WHERE last_service_date IS NOT NULL ORDER BY last_service_date DESC, vin`,
    )
    .all();
  const wanted = filter.campaign ? filter.campaign.toUpperCase() : null;
  const rows: FollowUpList['rows'] = [];
  const per = new Map<string, FollowUpList['perCampaign'][number]>();
  lookup.batch(() => {
    for (const v of serviced) {
      const { result, open } = openCampaigns(lookup, v.vin);
      for (const hit of open) {
        const c = per.get(hit.code) ?? { code: hit.code, title: hit.title, notYetRemedied: 0 };
        c.notYetRemedied++;
        per.set(hit.code, c);
        if (wanted && hit.code !== wanted) continue;
        if (filter.remedyAvailableOnly && hit.remedy.available !== true) continue;
        rows.push({
          vin: v.vin,
          model: result.model,
          modelYear: result.modelYear,
          lastServiceDate: v.last_service_date,
          guestName: v.guest_name,
          guestPhone: v.guest_phone,
          guestEmail: v.guest_email,
          guestAddress: v.guest_address,
          code: hit.code,
          title: hit.title,
          severity: hit.severity,
          certainty: hit.certainty,
          remedyAvailable: hit.remedy.available,
        });
      }
    }
  });
  // Flagged campaigns first (do not drive, park outside, stop sale); otherwise as serviced, newest first.
  if (rows.some((r) => r.severity.length)) rows.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return {
    generatedAt: now().toISOString(),
    vehiclesServiced: serviced.length,
    rows,
    perCampaign: [...per.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

// What the order-suggestion and claims lists print: the parts counter's own services, mapped to the
// rows the printed lists show, so paper, screen and CSV say the same thing.
import type { ClaimRow, OrderRow, Sourced } from '../../shared/forms/lists';
import { goodwillClaimText, METHOD_LABEL } from '../../shared/wording';
import { listClaims } from '../claims/service';
import { suggestOrders } from '../parts/suggest';
import type { CoreServices } from '../core-services';

/** What the forms read: every service but the forms themselves. */
export type FormSources = CoreServices;

export function orderRows(s: FormSources, horizonDays = 14): Sourced<OrderRow> {
  const { lines } = suggestOrders(s, { horizonDays });
  const rows = lines.map((l) => ({
    campaign: l.campaign,
    partNumber: l.partNumber,
    method: METHOD_LABEL[l.method],
    quantity: l.quantity,
    vin: l.vin,
    reason: l.reason,
  }));
  return { rows, note: rows.length ? null : `No order suggestions for the next ${horizonDays} days.` };
}

export function claimRows(s: FormSources): Sourced<ClaimRow> {
  const rows = listClaims(s).claims.map((c) => ({
    claimId: String(c.id),
    vin: c.vin,
    campaign: c.campaign,
    opCode: c.opCode ?? '(none: enter it)',
    hours: c.hours,
    date: c.completedOn,
    status: c.history.length ? 'corrected' : 'recorded',
    goodwill: c.goodwill ? goodwillClaimText(c.goodwill) : null,
  }));
  return { rows, note: rows.length ? null : 'No claims recorded yet.' };
}

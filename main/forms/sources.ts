// What the order-suggestion and claims lists print. Issue 8 (parts, claims) brings the services that
// know these rows; until the lead wires them in here at merge, each list prints an empty page that
// says so, never an invented row.
//
// WIRING (at merge): replace the bodies of orderRows and claimRows with calls to issue 8's services
// (e.g. `s.parts.orderSuggestions()` mapped to OrderRow, `s.claims.list()` mapped to ClaimRow). Nothing
// else in the forms domain changes: the documents (shared/forms/lists.ts) print whatever rows come back.
import type { ClaimRow, OrderRow, Sourced } from '../../shared/forms/lists';
import type { Services } from '../services';

/** What the forms read: every service but the forms themselves. */
export type FormSources = Omit<Services, 'forms'>;

export function orderRows(_s: FormSources): Sourced<OrderRow> {
  return { rows: [], note: 'No order suggestions yet: the parts counter (order suggestions / CPOR) is not part of this version.' };
}

export function claimRows(_s: FormSources): Sourced<ClaimRow> {
  return { rows: [], note: 'No claims yet: claims are not part of this version.' };
}
